import { isJsonObject, ownValue, setOwn } from './json-value.js';

/**
 * Splits a Ditto JSON pointer into segments. A leading `/` is optional, `/` alone (or the empty
 * string) is the root. Ditto pointers do not use RFC 6901 `~0`/`~1` escapes; empty segments from
 * doubled slashes are dropped.
 */
export function pointerSegments(pointer: string): string[] {
  return pointer.split('/').filter((segment) => segment.length > 0);
}

/** Renders segments as a pointer with a leading `/` (`/` for the root). */
export function pointerOf(segments: readonly string[]): string {
  return '/' + segments.join('/');
}

/** The value at `segments` inside `root`, or `undefined` when any segment is missing. Arrays are indexed by number. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isJsonObject(current)) {
      current = ownValue(current, segment);
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** A new object: `root` with `value` placed at `segments`, creating intermediate objects. */
export function withValueAt(root: unknown, segments: readonly string[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [string, ...string[]];
  const base: Record<string, unknown> = isJsonObject(root) ? { ...root } : {};
  const next = rest.length === 0 ? value : withValueAt(ownValue(base, head), rest, value);
  setOwn(base, head, next);
  return base;
}
