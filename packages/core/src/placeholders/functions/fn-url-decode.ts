import { decodeUtf8 } from '../java-text.js';
import { perValueFunction } from './empty-parameter-functions.js';

// Java's Integer.parseInt(s, 16) accepts a leading sign.
const HEX_PAIR = /^[+-]?[0-9a-fA-F]+$/;

/** Java's `URLDecoder.decode(value, UTF-8)`; throws a plain Error for malformed escapes. */
export function javaUrlDecode(value: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const char = value[i] ?? '';
    if (char === '+') {
      out += ' ';
      i++;
    } else if (char !== '%') {
      out += char;
      i++;
    } else {
      const bytes: number[] = [];
      while (i + 2 < value.length + 0 && value[i] === '%') {
        const hex = value.slice(i + 1, i + 3);
        if (!HEX_PAIR.test(hex)) throw new Error(`URLDecoder: Illegal hex characters in escape (%) pattern - ${hex}`);
        const byte = parseInt(hex, 16);
        if (byte < 0) throw new Error('URLDecoder: Illegal hex characters in escape (%) pattern - negative value');
        bytes.push(byte);
        i += 3;
      }
      if (i < value.length && value[i] === '%') throw new Error('URLDecoder: Incomplete trailing escape (%) pattern');
      out += decodeUtf8(Uint8Array.from(bytes));
    }
  }
  return out;
}

/** `fn:url-decode()`: inverse of `fn:url-encode()`; malformed escapes are an error. */
export const fnUrlDecode = perValueFunction('url-decode', javaUrlDecode);
