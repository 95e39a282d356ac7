import { compileExpression } from './compile-expression.js';
import type { CompiledExpression, EvaluationEnv, ValidationMode } from './evaluation.js';
import { DELETED, UNRESOLVED, resolved } from './pipeline-element.js';
import type { PipelineElement } from './pipeline-element.js';
import type { PlaceholderContext } from './placeholder-context.js';
import { toDittoError, tooComplexError } from './placeholder-errors.js';
import { scanTemplate } from './template-scanner.js';

/** Options of one evaluation. */
export interface EvaluateOptions {
  /**
   * Look `header:` names up ignoring case (header mappings, reply targets, addresses, conditions,
   * ack filter). Default `false`: exact case (authorizationContext, enforcement input).
   */
  readonly caseInsensitiveHeaders?: boolean;
}

/** Upper bound on the values one template may produce (Cartesian products grow fast). */
export const MAX_TEMPLATE_VALUES = 100_000;

/** A template parsed once, evaluated per message. */
export interface CompiledTemplate {
  /** The template text. */
  readonly template: string;
  /** False for templates without any placeholder (they resolve to themselves). */
  readonly hasPlaceholders: boolean;
  /** Evaluates against a context; throws only {@link DittoError}s. */
  evaluate(context: PlaceholderContext, options?: EvaluateOptions): PipelineElement;
  /** Evaluates in validation mode (known placeholders become `validation.dummy`). */
  validate(validation: ValidationMode): PipelineElement;
}

type Part = { readonly literal: PipelineElement } | { readonly expression: CompiledExpression };

// Ditto's template assembly (placeholders.md §1.3).
function assemble(elements: readonly PipelineElement[]): PipelineElement {
  if (elements.length === 0) return resolved(['']);
  if (elements.every((element) => element.kind === 'deleted')) return DELETED;
  let results: string[] = [''];
  for (const element of elements) {
    if (element.kind === 'deleted') continue;
    if (element.kind === 'unresolved') return UNRESOLVED;
    if (element.values.length === 1) {
      const value = element.values[0] ?? '';
      results = results.map((prefix) => prefix + value);
    } else {
      if (results.length * element.values.length > MAX_TEMPLATE_VALUES) throw tooComplexError();
      results = results.flatMap((prefix) => element.values.map((value) => prefix + value));
    }
  }
  return resolved(results);
}

function evaluateParts(template: string, parts: readonly Part[], env: EvaluationEnv): PipelineElement {
  try {
    // every placeholder is evaluated (in order) so that its errors surface, as in Ditto
    return assemble(parts.map((part) => ('literal' in part ? part.literal : part.expression(env))));
  } catch (error) {
    throw toDittoError(error, template);
  }
}

/** Parses `template` once; the result evaluates it many times without re-parsing. */
export function compileTemplate(template: string): CompiledTemplate {
  const parts: Part[] = scanTemplate(template).map((piece) =>
    'literal' in piece ? { literal: resolved([piece.literal]) } : { expression: compileExpression(piece.expression) },
  );
  const hasPlaceholders = parts.some((part) => 'expression' in part);
  return {
    template,
    hasPlaceholders,
    evaluate: (context, options) =>
      evaluateParts(template, parts, { context, lookup: { caseInsensitiveHeaders: options?.caseInsensitiveHeaders === true } }),
    validate: (validation) => evaluateParts(template, parts, { context: {}, lookup: { caseInsensitiveHeaders: false }, validation }),
  };
}

const cache = new Map<string, CompiledTemplate>();
const CACHE_LIMIT = 1000;

/** {@link compileTemplate} with a bounded cache, for callers that only have the template text. */
export function cachedTemplate(template: string): CompiledTemplate {
  let compiled = cache.get(template);
  if (compiled === undefined) {
    compiled = compileTemplate(template);
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(template, compiled);
  }
  return compiled;
}
