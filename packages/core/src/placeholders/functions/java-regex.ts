const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';
const CLASS_ESCAPES: Readonly<Record<string, string>> = { s: ' \\t\\n\\x0B\\f\\r', d: '0-9', w: 'a-zA-Z_0-9' };
const ESCAPES: Readonly<Record<string, string>> = {
  s: '[ \\t\\n\\x0B\\f\\r]',
  S: '[^ \\t\\n\\x0B\\f\\r]',
  d: '[0-9]',
  D: '[^0-9]',
  w: '[a-zA-Z_0-9]',
  W: '[^a-zA-Z_0-9]',
  A: '^',
  z: '$',
};

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * Translates a Java regular expression into an equivalent JavaScript one for the constructs that
 * matter in separators: `\Q…\E` quoting, Java's `.`, `\s`/`\d`/`\w` (ASCII), possessive quantifiers
 * and atomic groups (treated as greedy / plain groups). Throws `SyntaxError` for invalid patterns.
 */
export function javaRegex(pattern: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new SyntaxError('Unexpected internal error near index ' + String(i));
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const quoted = pattern.slice(i + 2, end < 0 ? pattern.length : end);
        out += inClass ? quoted.replace(/[\\\]^-]/g, '\\$&') : escapeLiteral(quoted);
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      const translated = inClass ? CLASS_ESCAPES[next] : ESCAPES[next];
      out += translated ?? `\\${next}`;
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
      if (pattern[i + 1] === '^') out += pattern[++i] ?? '';
      if (pattern[i + 1] === ']') out += `\\${pattern[++i] ?? ''}`;
    } else if (char === '.') {
      out += JAVA_DOT;
    } else if (char === '+' && /[*+?}]/.test(pattern[i - 1] ?? '') && pattern[i - 2] !== '\\') {
      // possessive quantifier: JavaScript has none, the greedy form is the closest
    } else if (char === '(' && pattern.startsWith('?>', i + 1)) {
      out += '(?:';
      i += 2;
    } else {
      out += char;
    }
  }
  return new RegExp(out, 'g');
}

/**
 * Java's `String.split(regex)` (limit 0): no leading empty string for a zero-width match at the start,
 * trailing empty strings removed.
 */
export function javaSplit(value: string, regex: RegExp): string[] {
  const parts: string[] = [];
  let index = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(value); match !== null; match = regex.exec(value)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) regex.lastIndex = start + 1;
    if (end === 0 && start === 0) continue;
    parts.push(value.slice(index, start));
    index = end;
  }
  if (index === 0) return [value];
  parts.push(value.slice(index));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
