import { parseNamespacedId, splitNamespacedId } from '../../model/entity-id.js';
import type { NamespacedId } from '../../model/entity-id.js';
import type { PlaceholderContext } from '../placeholder-context.js';
import type { PlaceholderNamespace } from './placeholder-namespace.js';

type IdKey = 'thingId' | 'policyId' | 'entityId';
const ID_PARTS = new Set<string>(['id', 'namespace', 'name']);

function idNamespace(prefix: string, contextKey: IdKey, split: (id: string) => NamespacedId | undefined): PlaceholderNamespace {
  return {
    prefix,
    contextKey,
    compileName: (name) => {
      if (!ID_PARTS.has(name)) return undefined;
      const part = name as keyof NamespacedId;
      return (context: PlaceholderContext) => {
        const id = context[contextKey];
        const parts = typeof id === 'string' ? split(id) : undefined;
        return parts ? [parts[part]] : [];
      };
    },
  };
}

/** `thing:id|namespace|name`, the thing id split at the first `:`. */
export const thingNamespace = idNamespace('thing', 'thingId', splitNamespacedId);
/** `policy:id|namespace|name` (enforcement filters). */
export const policyNamespace = idNamespace('policy', 'policyId', splitNamespacedId);
/** `entity:id|namespace|name`; unresolved for ids that are not valid namespaced ids. */
export const entityNamespace = idNamespace('entity', 'entityId', parseNamespacedId);
