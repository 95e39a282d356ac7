import type { JsonValue } from '@twinlink/core';

/** The entity tag of a whole thing or policy (Ditto: `"rev:<revision>"`). */
export function revisionTag(revision: number): string {
  return `"rev:${revision}"`;
}

/**
 * The entity tag of a sub-resource (Ditto: `"hash:<hash>"`): a 32-bit FNV-1a hash of its JSON text,
 * so an unrelated change of the thing does not invalidate it. Computed only when a conditional
 * header asks for it.
 */
export function valueTag(value: JsonValue): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `"hash:${(hash >>> 0).toString(16)}"`;
}
