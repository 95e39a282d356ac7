import { perValueFunction } from './empty-parameter-functions.js';

/** `fn:upper()`: upper-case per value (locale-independent). */
export const fnUpper = perValueFunction('upper', (value) => value.toUpperCase());
