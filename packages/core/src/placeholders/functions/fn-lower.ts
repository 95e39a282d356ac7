import { perValueFunction } from './empty-parameter-functions.js';

/** `fn:lower()`: lower-case per value (locale-independent). */
export const fnLower = perValueFunction('lower', (value) => value.toLowerCase());
