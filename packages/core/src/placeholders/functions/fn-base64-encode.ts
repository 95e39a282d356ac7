import { javaUtf8Bytes } from '../java-text.js';
import { perValueFunction } from './empty-parameter-functions.js';

/** `fn:base64-encode()`: standard Base64 with padding of the UTF-8 bytes, per value. */
export const fnBase64Encode = perValueFunction('base64-encode', (value) => Buffer.from(javaUtf8Bytes(value)).toString('base64'));
