import { pointerSegments } from '../json/json-pointer.js';
import { isJsonObject, ownValue } from '../json/json-value.js';

/**
 * Resolves placeholder properties (`topic:action`, `thing:id`, `feature:id`, …) of the signal being
 * filtered: `prefix` and `name` split at the first `:`. Returns the value(s), or `undefined` when the
 * placeholder has no value for this signal.
 * @public
 */
export type RqlPlaceholderLookup = (prefix: string, name: string) => string | readonly string[] | undefined;

/** A filter property prepared for repeated lookups. */
export interface CompiledProperty {
  /** The property as written. */
  readonly text: string;
  /** JSON pointer segments (leading `/` optional, empty segments dropped). */
  readonly segments: readonly string[];
  /** `prefix:name` split, when the property can name a placeholder. */
  readonly placeholder: { readonly prefix: string; readonly name: string } | null;
}

/** Prepares a property for lookups. */
export function compileProperty(text: string): CompiledProperty {
  const colon = text.indexOf(':');
  return {
    text,
    segments: pointerSegments(text),
    placeholder: colon < 0 ? null : { prefix: text.slice(0, colon), name: text.slice(colon + 1) },
  };
}

/** Values at `segments` below `node`; arrays on the way are entered element by element. */
function collect(node: unknown, segments: readonly string[], index: number, out: unknown[]): void {
  if (Array.isArray(node) && index < segments.length) {
    for (const element of node) collect(element, segments, index, out);
    return;
  }
  if (index === segments.length) {
    out.push(node);
    return;
  }
  if (!isJsonObject(node)) return;
  const next = ownValue(node, segments[index] as string);
  if (next !== undefined) collect(next, segments, index + 1, out);
}

/** The namespace part of a thing's `thingId` (Ditto derives `_namespace` from it). */
function derivedNamespace(thing: unknown): string | undefined {
  const id = isJsonObject(thing) ? thing['thingId'] : undefined;
  if (typeof id !== 'string') return undefined;
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : id.slice(0, colon);
}

/**
 * The raw values a property denotes: the thing's values at the pointer (several when arrays are
 * traversed), else the placeholder value(s), else nothing. `_namespace` falls back to the namespace of
 * `thingId`.
 */
export function lookupProperty(property: CompiledProperty, thing: unknown, placeholders?: RqlPlaceholderLookup): unknown[] {
  const out: unknown[] = [];
  if (property.segments.length > 0) collect(thing, property.segments, 0, out);
  if (out.length > 0) return out;
  if (property.segments.length === 1 && property.segments[0] === '_namespace') {
    const namespace = derivedNamespace(thing);
    if (namespace !== undefined) return [namespace];
  }
  if (property.placeholder !== null && placeholders !== undefined) {
    const resolved = placeholders(property.placeholder.prefix, property.placeholder.name);
    if (typeof resolved === 'string') return [resolved];
    if (resolved !== undefined) return [...resolved];
  }
  return out;
}
