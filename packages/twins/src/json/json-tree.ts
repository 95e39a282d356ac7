import type { JsonObject, JsonValue } from '@twinlink/core';

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup: input keys such as `__proto__` or `constructor` never reach `Object.prototype`. */
export function own(object: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Defines `key` as an own data property, so a `__proto__` key stays an ordinary key. */
export function put(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value at `segments` below `root`, or `undefined` when a segment is missing or crosses a non-object. */
export function getAt(root: JsonValue | undefined, segments: readonly string[], from = 0): JsonValue | undefined {
  let current = root;
  for (let i = from; i < segments.length; i++) {
    if (!isObject(current)) return undefined;
    current = own(current, segments[i] as string);
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
  const base = isObject(root) ? root : undefined;
  const copy: JsonObject = base === undefined ? {} : { ...base };
  put(copy, key, setAt(base === undefined ? undefined : own(base, key), segments, value, from + 1));
  return copy;
}

/** A new tree without the value at `segments` (structure shared as in {@link setAt}); `root` itself when absent. */
export function deleteAt(root: JsonValue, segments: readonly string[], from = 0): JsonValue {
  if (!isObject(root) || from >= segments.length) return root;
  const key = segments[from] as string;
  const child = own(root, key);
  if (child === undefined) return root;
  const copy: JsonObject = { ...root };
  if (from === segments.length - 1) {
    delete copy[key];
  } else {
    put(copy, key, deleteAt(child, segments, from + 1));
  }
  return copy;
}

/** Structural equality of JSON values (object key order ignored). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const other = own(b, key);
    if (other === undefined || !jsonEqual(a[key], other)) return false;
  }
  return true;
}
