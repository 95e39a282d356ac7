import { javaUtf8Bytes } from '../java-text.js';
import { perValueFunction } from './empty-parameter-functions.js';

const HEX = '0123456789ABCDEF';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2e || byte === 0x2d || byte === 0x2a || byte === 0x5f
  );
}

/** Java's `URLEncoder.encode(value, UTF-8)`: `A-Za-z0-9.-*_` kept, space → `+`, other bytes → `%XX`. */
export function javaUrlEncode(value: string): string {
  let out = '';
  for (const byte of javaUtf8Bytes(value)) {
    if (isUnreserved(byte)) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += '+';
    else out += `%${HEX[byte >> 4] ?? ''}${HEX[byte & 15] ?? ''}`;
  }
  return out;
}

/** `fn:url-encode()`: form-url-encoding per value, exactly like Java's `URLEncoder`. */
export const fnUrlEncode = perValueFunction('url-encode', javaUrlEncode);
