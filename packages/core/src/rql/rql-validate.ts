import type { RqlNode } from './rql-ast.js';
import { invalidRql } from './rql-error.js';

const TOP_LEVEL = new Set(['thingId', 'policyId', 'definition', '_namespace', '_revision', '_created', '_modified', '_metadata']);
const FEATURE_PARTS = new Set(['properties', 'desiredProperties']);

/** Placeholder properties a connectivity filter may use (prefix → names). */
const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  topic: ['full', 'namespace', 'entityName', 'group', 'channel', 'criterion', 'action', 'subject', 'action-subject'],
  resource: ['type', 'path'],
  thing: ['id', 'namespace', 'name'],
  entity: ['id', 'namespace', 'name'],
  feature: ['id'],
};

function isPlaceholder(property: string): boolean {
  const colon = property.indexOf(':');
  if (colon < 0) return false;
  const prefix = property.slice(0, colon);
  const names = Object.prototype.hasOwnProperty.call(PLACEHOLDERS, prefix) ? PLACEHOLDERS[prefix] : undefined;
  return names?.includes(property.slice(colon + 1)) ?? false;
}

/** `features/<id>/…`: values need `properties/<p>`, `desiredProperties/<p>` or `definition`; `exists` also takes the feature or its parts. */
function isFeatureProperty(rest: readonly string[], forExists: boolean): boolean {
  const [id, part, ...tail] = rest;
  if (id === undefined || rest.some((s) => s === '')) return false;
  if (part === undefined) return forExists;
  if (part === 'definition') return tail.length === 0;
  return FEATURE_PARTS.has(part) && (tail.length > 0 || forExists);
}

/**
 * Whether `property` is usable in a connectivity filter: a thing field Ditto can filter on
 * (`attributes/…`, `features/<id>/properties/…`, top-level fields, `_metadata…`) or a connectivity
 * placeholder. `exists` additionally accepts `features/<id>` and its `properties`/`desiredProperties`.
 */
export function isKnownRqlProperty(property: string, forExists = false): boolean {
  if (isPlaceholder(property)) return true;
  const pointer = property.startsWith('/') ? property.slice(1) : property;
  const [root = '', ...rest] = pointer.split('/');
  if (rest.length === 0) return TOP_LEVEL.has(root);
  // Only a trailing segment may be empty (`attributes/n/`, `attributes/`).
  if (rest.slice(0, -1).some((s) => s === '')) return false;
  if (root === 'attributes' || root === '_metadata') return true;
  return root === 'features' && isFeatureProperty(rest, forExists);
}

function properties(node: RqlNode, out: [string, boolean][]): [string, boolean][] {
  switch (node.type) {
    case 'and':
    case 'or':
      for (const child of node.children) properties(child, out);
      return out;
    case 'not':
      return properties(node.child, out);
    default:
      out.push([node.property, node.type === 'exists']);
      return out;
  }
}

/**
 * Rejects filters using properties that are neither thing fields nor connectivity placeholders
 * (rql-and-topics.md §4.2).
 * @throws DittoError 400 `rql.expression.invalid` "Unknown property name: <p>".
 */
export function validateRqlProperties(node: RqlNode): void {
  for (const [property, forExists] of properties(node, [])) {
    if (!isKnownRqlProperty(property, forExists)) throw invalidRql(`Unknown property name: ${property}`);
  }
}
