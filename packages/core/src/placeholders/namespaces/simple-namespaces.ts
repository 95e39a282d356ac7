import { pointerOf, pointerSegments } from '../../json/json-pointer.js';
import type { PlaceholderContext } from '../placeholder-context.js';
import type { PlaceholderNamespace, ValueLookup } from './placeholder-namespace.js';

function namespaceOf(
  prefix: string,
  contextKey: keyof PlaceholderContext,
  lookups: Readonly<Record<string, ValueLookup>>,
): PlaceholderNamespace {
  const byName = new Map(Object.entries(lookups));
  return { prefix, contextKey, compileName: (name) => byName.get(name) };
}

/** `feature:id`: one or several feature ids. */
export const featureNamespace = namespaceOf('feature', 'featureId', {
  id: (context) => {
    const ids = context.featureId;
    if (typeof ids === 'string') return [ids];
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  },
});

/** `resource:type|path`; the path is normalised to a pointer with a leading `/`. */
export const resourceNamespace = namespaceOf('resource', 'resource', {
  type: (context) => (context.resource ? [context.resource.type] : []),
  path: (context) => (context.resource ? [pointerOf(pointerSegments(context.resource.path))] : []),
});

/** `request:subjectId`: every subject of the request's authorization context. */
export const requestNamespace = namespaceOf('request', 'request', {
  subjectId: (context) => (context.request ? context.request.subjectIds.filter((s) => typeof s === 'string') : []),
});

/** `connection:id`. */
export const connectionNamespace = namespaceOf('connection', 'connectionId', {
  id: (context) => (typeof context.connectionId === 'string' ? [context.connectionId] : []),
});

/** `source:address` (MQTT enforcement input). */
export const sourceNamespace = namespaceOf('source', 'sourceAddress', {
  address: (context) => (typeof context.sourceAddress === 'string' ? [context.sourceAddress] : []),
});
