import type { RqlComparisonNode, RqlNode, RqlValue } from './rql-ast.js';
import { compareScalars, numberText, type Scalar } from './rql-compare.js';
import { invalidRql } from './rql-error.js';
import { compileGlob } from '../text/glob-pattern.js';
import { compileProperty, lookupProperty, type CompiledProperty, type RqlPlaceholderLookup } from './rql-property.js';
import { compileTimeValue } from './time-value.js';

/**
 * What a compiled filter is evaluated against.
 * @public
 */
export interface RqlEvaluationInput {
  /** The thing JSON (may be empty or partial). */
  readonly thing: unknown;
  /** Placeholder properties, consulted when the thing has no value at a property. */
  readonly placeholders?: RqlPlaceholderLookup;
  /** "Now" for `time:` values; the clock when absent. */
  readonly now?: Date;
}

/** Kleene truth value "false". The three values are ordered so that `and` = min, `or` = max, `not` = 2 - x. */
export const FALSE = 0;
/** Kleene truth value "unknown": the property is not known yet (e.g. before enrichment). */
export const UNKNOWN = 1;
/** Kleene truth value "true". */
export const TRUE = 2;
/** A three-valued result. */
export type Truth = typeof FALSE | typeof UNKNOWN | typeof TRUE;

interface Context extends RqlEvaluationInput {
  readonly unknown: readonly (readonly string[])[];
  readonly clock: Date;
}

type Predicate = (ctx: Context) => Truth;

/**
 * A filter compiled for repeated evaluation.
 * @public
 */
export interface CompiledRql {
  /** The parsed filter. */
  readonly node: RqlNode;
  /** Two-valued evaluation. */
  test(input: RqlEvaluationInput): boolean;
  /**
   * Three-valued evaluation: predicates on properties related to an `unknown` pointer (equal, below or
   * above it, since enrichment may add or replace data there) are unknown.
   */
  test3(input: RqlEvaluationInput, unknown: readonly (readonly string[])[]): Truth;
}

function truth(b: boolean): Truth {
  return b ? TRUE : FALSE;
}

/** Scalars to compare: arrays are expanded (recursively), objects are skipped. */
function candidates(raw: readonly unknown[]): Scalar[] {
  const out: Scalar[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(v);
  };
  raw.forEach(visit);
  return out;
}

type ValueResolver = (ctx: Context) => { readonly value: Scalar; readonly integer: boolean };

function valueResolver(value: RqlValue): ValueResolver {
  switch (value.type) {
    case 'null':
      return () => ({ value: null, integer: false });
    case 'time': {
      // An unsupported time name behaves like `null`, as in Ditto.
      const timeAt = compileTimeValue(value.name);
      return (ctx) => ({ value: timeAt(ctx.clock) ?? null, integer: false });
    }
    case 'number':
      return () => ({ value: value.value, integer: value.integer });
    default: {
      const constant = { value: value.value, integer: false };
      return () => constant;
    }
  }
}

/**
 * Whether an unknown pointer equals the property, lies above it or below it (enrichment can add or
 * replace data at all three). Unknown segments `*` or containing a placeholder match any key.
 */
function isRelated(unknown: readonly string[], property: readonly string[]): boolean {
  const n = Math.min(unknown.length, property.length);
  for (let i = 0; i < n; i++) {
    const u = unknown[i] as string;
    if (u !== property[i] && u !== '*' && !u.includes('{{')) return false;
  }
  return true;
}

function isCovered(property: CompiledProperty, unknown: readonly (readonly string[])[]): boolean {
  if (property.segments.length === 0) return false;
  return unknown.some((u) => u.length > 0 && isRelated(u, property.segments));
}

/** Wraps a property predicate so that it is unknown for properties related to unknown pointers. */
function onProperty(property: CompiledProperty, test: (raw: unknown[], ctx: Context) => boolean): Predicate {
  return (ctx) => {
    if (ctx.unknown.length > 0 && isCovered(property, ctx.unknown)) return UNKNOWN;
    return truth(test(lookupProperty(property, ctx.thing, ctx.placeholders), ctx));
  };
}

function likeText(c: string | number | boolean): string {
  return typeof c === 'number' ? numberText(c) : String(c);
}

/** Thing fields Ditto's `exists` does not see (they are not part of the thing's regular JSON). */
const HIDDEN_FROM_EXISTS = new Set(['_revision', '_modified', '_created', '_namespace', '_metadata']);

function isHiddenFromExists(property: CompiledProperty): boolean {
  return property.segments.length === 1 && HIDDEN_FROM_EXISTS.has(property.segments[0] as string);
}

function compileComparison(node: RqlComparisonNode): Predicate {
  const property = compileProperty(node.property);
  if (node.operator === 'like' || node.operator === 'ilike') {
    if (node.value.type !== 'string') throw invalidRql('In the like predicate only string values are allowed.');
    const glob = compileGlob(node.value.value, { caseInsensitive: node.operator === 'ilike' });
    // JSON null has no text form here: it never matches a like pattern.
    return onProperty(property, (raw) => candidates(raw).some((c) => c !== null && glob(likeText(c))));
  }
  const resolve = valueResolver(node.value);
  const matches = (raw: unknown[], ctx: Context, accept: (sign: number) => boolean, nullMatches: boolean): boolean => {
    const { value, integer } = resolve(ctx);
    if (value === null) return nullMatches && candidates(raw).some((c) => c === null);
    return candidates(raw).some((c) => c !== null && accept(compareScalars(c, value, integer)));
  };
  switch (node.operator) {
    case 'eq':
      return onProperty(property, (raw, ctx) => matches(raw, ctx, (s) => s === 0, true));
    case 'ne':
      return onProperty(property, (raw, ctx) => !matches(raw, ctx, (s) => s === 0, true));
    case 'gt':
      return onProperty(property, (raw, ctx) => matches(raw, ctx, (s) => s > 0, false));
    case 'ge':
      return onProperty(property, (raw, ctx) => matches(raw, ctx, (s) => s >= 0, false));
    case 'lt':
      return onProperty(property, (raw, ctx) => matches(raw, ctx, (s) => s < 0, false));
    default:
      return onProperty(property, (raw, ctx) => matches(raw, ctx, (s) => s <= 0, false));
  }
}

function isEmptyValue(v: unknown): boolean {
  if (v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

function compileNode(node: RqlNode): Predicate {
  switch (node.type) {
    case 'comparison':
      return compileComparison(node);
    case 'in': {
      const resolvers = node.values.map(valueResolver);
      return onProperty(compileProperty(node.property), (raw, ctx) => {
        // `null` values never match (Ditto has no defined answer for them).
        const values = resolvers.map((r) => r(ctx)).filter((v) => v.value !== null);
        return candidates(raw).some(
          (c) => c !== null && values.some((v) => compareScalars(c, v.value as string | number | boolean, v.integer) === 0),
        );
      });
    }
    case 'exists': {
      const property = compileProperty(node.property);
      const hidden = isHiddenFromExists(property);
      return onProperty(property, (raw) => !hidden && raw.length > 0);
    }
    case 'empty':
      return onProperty(compileProperty(node.property), (raw) => raw.length === 0 || raw.some(isEmptyValue));
    case 'not': {
      const child = compileNode(node.child);
      return (ctx) => (TRUE - child(ctx)) as Truth;
    }
    case 'and': {
      const children = node.children.map(compileNode);
      return (ctx) => {
        let result: Truth = TRUE;
        for (const child of children) {
          const r = child(ctx);
          if (r === FALSE) return FALSE;
          if (r < result) result = r;
        }
        return result;
      };
    }
    default: {
      const children = node.children.map(compileNode);
      return (ctx) => {
        let result: Truth = FALSE;
        for (const child of children) {
          const r = child(ctx);
          if (r === TRUE) return TRUE;
          if (r > result) result = r;
        }
        return result;
      };
    }
  }
}

/**
 * Compiles a parsed filter: like patterns become regular expressions once, properties are split once.
 * @throws DittoError `rql.expression.invalid` for `like`/`ilike` with a non-string value.
 * @public
 */
export function compileRql(node: RqlNode): CompiledRql {
  const predicate = compileNode(node);
  const context = (input: RqlEvaluationInput, unknown: readonly (readonly string[])[]): Context => ({
    ...input,
    unknown,
    clock: input.now ?? new Date(),
  });
  return {
    node,
    test: (input) => predicate(context(input, [])) === TRUE,
    test3: (input, unknown) => predicate(context(input, unknown)),
  };
}
