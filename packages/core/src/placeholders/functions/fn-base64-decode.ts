import { decodeUtf8 } from '../java-text.js';
import { perValueFunction } from './empty-parameter-functions.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGITS = new Map([...ALPHABET].map((char, index) => [char, index]));

/**
 * Java's strict `Base64.getDecoder().decode(String)`: padding optional but, when present, complete;
 * any other character or a dangling single character is an error (plain Error).
 */
export function javaBase64Decode(value: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let shift = 18;
  let i = 0;
  while (i < value.length) {
    const char = value[i++] ?? '';
    const digit = DIGITS.get(char);
    if (digit === undefined) {
      if (char !== '=') throw new Error(`Illegal base64 character ${(char.charCodeAt(0) & 0xff).toString(16)}`);
      if ((shift === 6 && (i === value.length || value[i++] !== '=')) || shift === 18) {
        throw new Error('Input byte array has wrong 4-byte ending unit');
      }
      break;
    }
    bits |= digit << shift;
    shift -= 6;
    if (shift < 0) {
      out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      shift = 18;
      bits = 0;
    }
  }
  if (shift === 6) out.push((bits >> 16) & 0xff);
  else if (shift === 0) out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff);
  else if (shift === 12) throw new Error('Last unit does not have enough valid bits');
  if (i < value.length) throw new Error(`Input byte array has incorrect ending byte at ${i}`);
  return Uint8Array.from(out);
}

/** `fn:base64-decode()`: decodes standard Base64 and reads the bytes as UTF-8; invalid input is an error. */
export const fnBase64Decode = perValueFunction('base64-decode', (value) => decodeUtf8(javaBase64Decode(value)));
