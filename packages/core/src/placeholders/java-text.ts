/** True for the characters Java's regex `\s` matches (ASCII whitespace only). */
export function isJavaRegexSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\x0B' || char === '\f' || char === '\r';
}

/** Java's `String.trim()`: strips every character up to U+0020 at both ends (not Unicode spaces). */
export function javaTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** UTF-8 bytes of `value` as Java's `String.getBytes(UTF_8)` produces them (a lone surrogate becomes `?`). */
export function javaUtf8Bytes(value: string): Uint8Array {
  return Buffer.from(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'), 'utf8');
}

/** Decodes UTF-8 bytes like Java's `new String(bytes, UTF_8)`: malformed sequences become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
