import 'reflect-metadata';

export { DittoError, isDittoErrorJson } from './errors/ditto-error.js';
export type { DittoErrorJson } from './errors/ditto-error.js';
export type { JsonValue, JsonObject } from './json/json-value.js';
