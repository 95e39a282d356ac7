/** The parts of a namespaced entity id (`<namespace>:<name>`, thing and policy ids). */
export interface NamespacedId {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
}

// Ditto's namespaced-id grammar: an optional dotted Java-like namespace, then a name of
// printable characters without `/`, at most 256 characters in all.
const NAMESPACE = /^(?:[a-zA-Z]\w*(?:\.[a-zA-Z]\w*)*)?$/;
const NAME = /^[^\x00-\x1F\x7F-\xFF/]+$/;
const MAX_ID_LENGTH = 256;

/** Splits at the first `:`; `undefined` when there is none. No syntax check (placeholders split any id). */
export function splitNamespacedId(id: string): NamespacedId | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  return { id, namespace: id.slice(0, colon), name: id.slice(colon + 1) };
}

/** Parses and checks a namespaced entity id; `undefined` when it is not valid. */
export function parseNamespacedId(id: string): NamespacedId | undefined {
  if (id.length > MAX_ID_LENGTH) return undefined;
  const parts = splitNamespacedId(id);
  if (!parts || !NAMESPACE.test(parts.namespace) || !NAME.test(parts.name)) return undefined;
  return parts;
}
