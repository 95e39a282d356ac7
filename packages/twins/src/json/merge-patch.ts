import { isJsonObject, jsonEqual, ownValue, setOwn } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';

/**
 * RFC 7396 JSON merge patch: objects merge key by key, `null` removes a key, anything else
 * replaces. Untouched branches of `target` are shared, not copied. A `null` patch yields `undefined`
 * (the target is removed).
 */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue | undefined {
  if (patch === null) return undefined;
  if (!isJsonObject(patch)) return patch;
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const key of Object.keys(patch)) {
    const value = patch[key] as JsonValue;
    const merged = applyMergePatch(ownValue(result, key), value);
    if (merged === undefined) delete result[key];
    else setOwn(result, key, merged);
  }
  return result;
}

/**
 * The part of `patch` that changes `current` (Ditto's `if-equal: skip-minimizing-merge`); `undefined`
 * when applying the patch would change nothing.
 */
export function minimizeMergePatch(current: JsonValue | undefined, patch: JsonValue): JsonValue | undefined {
  if (patch === null) return current === undefined ? undefined : null;
  if (!isJsonObject(patch) || !isJsonObject(current)) return jsonEqual(current, patch) && !isJsonObject(patch) ? undefined : patch;
  let minimal: JsonObject | undefined;
  for (const key of Object.keys(patch)) {
    const part = minimizeMergePatch(ownValue(current, key), patch[key] as JsonValue);
    if (part === undefined) continue;
    minimal ??= {};
    setOwn(minimal, key, part);
  }
  return minimal;
}

/** Paths (segment lists below `base`) of the leaves a merge patch writes: scalars, arrays, `null` and empty objects. */
export function mergePatchLeaves(patch: JsonValue, base: readonly string[] = []): string[][] {
  if (!isJsonObject(patch)) return [[...base]];
  const keys = Object.keys(patch);
  if (keys.length === 0) return [[...base]];
  const leaves: string[][] = [];
  for (const key of keys) leaves.push(...mergePatchLeaves(patch[key] as JsonValue, [...base, key]));
  return leaves;
}
