import { isJsonObject, ownValue } from '../json/json-value.js';

/** Ditto's `JsonObject.getValue(pointer)`: walks objects only (no array indices); `undefined` when missing. */
export function valueInObject(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (!isJsonObject(current)) return undefined;
    current = ownValue(current, segment);
  }
  return current;
}
