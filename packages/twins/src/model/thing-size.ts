import type { JsonObject } from '@twinlink/core';
import { thingTooLarge } from '../errors/thing-errors.js';

/**
 * The size bound of a thing after a change, checked against the limit. The previous bound plus the
 * length of the written value (and a generous allowance for the path's keys) bounds the new size
 * from above, so the whole thing is serialised only when that bound crosses the limit; the exact
 * size found then becomes the new bound.
 * @throws DittoError `things:thing.toolarge` (413)
 */
export function checkedSizeBound(previousBound: number, segments: readonly string[], writtenLength: number, thing: () => JsonObject, maxSize: number): number {
  let pathAllowance = 0;
  // Each key may need escaping (at most 6 characters per character) plus quotes, colon, comma and braces.
  for (const segment of segments) pathAllowance += segment.length * 6 + 6;
  const bound = previousBound + writtenLength + pathAllowance;
  if (bound <= maxSize) return bound;
  const exact = JSON.stringify(thing()).length;
  if (exact > maxSize) throw thingTooLarge(exact, maxSize);
  return exact;
}

/** The exact size of a thing, checked against the limit. */
export function checkedSize(thing: JsonObject, maxSize: number): number {
  const size = JSON.stringify(thing).length;
  if (size > maxSize) throw thingTooLarge(size, maxSize);
  return size;
}
