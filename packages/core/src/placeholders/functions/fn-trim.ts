import { javaTrim } from '../java-text.js';
import { perValueFunction } from './empty-parameter-functions.js';

/** `fn:trim()`: strips characters up to U+0020 at both ends, per value (Java `String.trim`). */
export const fnTrim = perValueFunction('trim', javaTrim);
