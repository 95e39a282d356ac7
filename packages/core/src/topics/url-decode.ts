const decoder = new TextDecoder('utf-8');

/** The value of a `%xy` escape as Java's `URLDecoder` reads it (two characters, radix 16, sign tolerated). */
function escapeValue(text: string): number | undefined {
  if (!/^[+-]?[0-9A-Fa-f]+$/.test(text) || text.length !== 2) return undefined;
  const value = parseInt(text, 16);
  return value < 0 ? undefined : value;
}

/**
 * Decodes `application/x-www-form-urlencoded` text like Java's `URLDecoder` (UTF-8): `+` is a space,
 * runs of `%xy` escapes are decoded as UTF-8 bytes (malformed sequences become U+FFFD).
 * Returns `undefined` for an incomplete or non-hex escape.
 */
export function urlDecode(text: string): string | undefined {
  if (!text.includes('%') && !text.includes('+')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '+') {
      out += ' ';
      i++;
    } else if (ch === '%') {
      const bytes: number[] = [];
      while (i < text.length && text.charAt(i) === '%') {
        if (i + 3 > text.length) return undefined;
        const value = escapeValue(text.slice(i + 1, i + 3));
        if (value === undefined) return undefined;
        bytes.push(value);
        i += 3;
      }
      out += decoder.decode(new Uint8Array(bytes));
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
