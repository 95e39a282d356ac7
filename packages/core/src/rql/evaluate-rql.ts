import { DittoError } from '../errors/ditto-error.js';
import { isJsonObject } from '../json/json-value.js';
import type { RqlNode } from './rql-ast.js';
import { compileRql, type CompiledRql } from './rql-compile.js';
import { invalidRql } from './rql-error.js';
import { parseRql } from './rql-parser.js';
import type { RqlPlaceholderLookup } from './rql-property.js';
import { validateRqlProperties } from './rql-validate.js';

/**
 * Options of {@link evaluateRql}.
 * @public
 */
export interface EvaluateRqlOptions {
  /** Placeholder values; `thing:*`/`entity:*` default to the parts of the thing's `thingId`. */
  readonly placeholders?: RqlPlaceholderLookup;
  /** "Now" for `time:` values; the clock when absent. */
  readonly now?: Date;
}

const CACHE_LIMIT = 256;
const cache = new Map<string, CompiledRql>();

/** Parses, validates and compiles a filter; the results for strings are cached (bounded). */
export function compileFilter(filter: string | RqlNode): CompiledRql {
  if (typeof filter !== 'string') {
    validateRqlProperties(filter);
    return compileRql(filter);
  }
  const cached = cache.get(filter);
  if (cached !== undefined) return cached;
  const node = parseRql(filter);
  validateRqlProperties(node);
  const compiled = compileRql(node);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(filter, compiled);
  return compiled;
}

function idParts(id: string, name: string): string | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  if (name === 'id') return id;
  if (name === 'namespace') return id.slice(0, colon);
  return name === 'name' ? id.slice(colon + 1) : undefined;
}

/** `thing:*`/`entity:*` from the thing id, then the caller's placeholders. */
function placeholdersFor(thing: object, own?: RqlPlaceholderLookup): RqlPlaceholderLookup {
  const thingId = isJsonObject(thing) && typeof thing['thingId'] === 'string' ? thing['thingId'] : undefined;
  return (prefix, name) => {
    const given = own?.(prefix, name);
    if (given !== undefined) return given;
    return thingId !== undefined && (prefix === 'thing' || prefix === 'entity') ? idParts(thingId, name) : undefined;
  };
}

/**
 * Evaluates an RQL filter against a thing (two-valued, in memory).
 * @throws DittoError 400 `rql.expression.invalid` for syntax errors, unknown properties or non-string like patterns.
 * @public
 */
export function evaluateRql(filter: string | RqlNode, thing: object, options: EvaluateRqlOptions = {}): boolean {
  try {
    const compiled = compileFilter(filter);
    return compiled.test({
      thing,
      placeholders: placeholdersFor(thing, options.placeholders),
      ...(options.now !== undefined ? { now: options.now } : {}),
    });
  } catch (e) {
    if (e instanceof DittoError) throw e;
    throw invalidRql(`The RQL filter could not be evaluated: ${String(e)}`);
  }
}
