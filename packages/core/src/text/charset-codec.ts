/** The charsets Node can encode, by their IANA names and common aliases. */
const ENCODINGS: Readonly<Record<string, BufferEncoding>> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'iso-8859-1': 'latin1',
  'latin-1': 'latin1',
  latin1: 'latin1',
  'us-ascii': 'ascii',
  ascii: 'ascii',
  'utf-16le': 'utf16le',
  'utf-16': 'utf16le',
};

/** The `charset` parameter of a content type, lower-cased, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * Encodes outbound text with the `charset` of its content type (bindings.md: "text encoded with the
 * content-type charset, default UTF-8"); an unknown charset falls back to UTF-8 rather than failing
 * the publish.
 * @public
 */
export function encodeWithCharset(text: string, contentType: string | undefined): Uint8Array {
  const encoding = ENCODINGS[charsetOf(contentType) ?? 'utf-8'] ?? 'utf8';
  return Buffer.from(text, encoding);
}
