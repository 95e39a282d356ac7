import { isJsonObject, ownValue, setOwn } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';

// Tree operations on thing and policy JSON: paths address object keys only (Ditto's thing paths never
// index arrays), and only the objects on the path are copied.

/** The value at `segments` below `root`, or `undefined` when a segment is missing or crosses a non-object. */
export function getAt(root: JsonValue | undefined, segments: readonly string[], from = 0): JsonValue | undefined {
  let current = root;
  for (let i = from; i < segments.length; i++) {
    if (!isJsonObject(current)) return undefined;
    current = ownValue(current, segments[i] as string);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * A new tree with `value` at `segments`, sharing every untouched branch with `root`; missing or
 * non-object intermediates become objects. Only the objects on the path are copied, so stored
 * twins stay immutable without deep copies.
 */
export function setAt(root: JsonValue | undefined, segments: readonly string[], value: JsonValue, from = 0): JsonValue {
  if (from >= segments.length) return value;
  const key = segments[from] as string;
  const base = isJsonObject(root) ? root : undefined;
  const copy: JsonObject = base === undefined ? {} : { ...base };
  setOwn(copy, key, setAt(base === undefined ? undefined : ownValue(base, key), segments, value, from + 1));
  return copy;
}

/** A new tree without the value at `segments` (structure shared as in {@link setAt}); `root` itself when absent. */
export function deleteAt(root: JsonValue, segments: readonly string[], from = 0): JsonValue {
  if (!isJsonObject(root) || from >= segments.length) return root;
  const key = segments[from] as string;
  const child = ownValue(root, key);
  if (child === undefined) return root;
  const copy: JsonObject = { ...root };
  if (from === segments.length - 1) {
    delete copy[key];
  } else {
    setOwn(copy, key, deleteAt(child, segments, from + 1));
  }
  return copy;
}
