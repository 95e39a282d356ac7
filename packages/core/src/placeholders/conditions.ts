import type { EvaluateOptions } from './compile-template.js';
import { cachedTemplate } from './compile-template.js';
import { compileExpression } from './compile-expression.js';
import { firstValue } from './pipeline-element.js';
import type { PlaceholderContext } from './placeholder-context.js';
import { toDittoError } from './placeholder-errors.js';

/**
 * A mapping condition (mapping.md §5): holds when `{{ fn:default('true') | <condition> }}` resolves.
 * Ditto's header lookup is case-insensitive here, so that is the default.
 */
export function evaluateCondition(
  condition: string,
  context: PlaceholderContext,
  options: EvaluateOptions = { caseInsensitiveHeaders: true },
): boolean {
  return firstValue(cachedTemplate(`{{ fn:default('true') | ${condition} }}`).evaluate(context, options)) !== undefined;
}

/** Every condition holds (an empty list holds). */
export function allConditionsHold(
  conditions: readonly string[],
  context: PlaceholderContext,
  options?: EvaluateOptions,
): boolean {
  return conditions.every((condition) => evaluateCondition(condition, context, options));
}

/** What the acknowledgement filter decides for `requested-acks` (connection-model.md §5.2). */
export type AckFilterOutcome =
  | { readonly action: 'set'; readonly value: string }
  | { readonly action: 'clear' }
  | { readonly action: 'keep' };

function firstOfExpression(expression: string, context: PlaceholderContext, options: EvaluateOptions): string | undefined {
  try {
    return firstValue(compileExpression(expression)({ context, lookup: { caseInsensitiveHeaders: options.caseInsensitiveHeaders === true } }));
  } catch (error) {
    throw toDittoError(error, expression);
  }
}

/**
 * Applies a source `acknowledgementRequests.filter` (a brace-less pipeline) to the current
 * `requested-acks` header value (`undefined` = header not set): `clear` → set it to `[]`, `set` →
 * replace it with `value`, `keep` → leave it unset so the default acks apply.
 */
export function applyAckFilter(
  filter: string,
  requestedAcks: string | undefined,
  context: PlaceholderContext,
  options: EvaluateOptions = { caseInsensitiveHeaders: true },
): AckFilterOutcome {
  const defaultValue = requestedAcks !== undefined && !requestedAcks.includes("'") ? requestedAcks : '[]';
  const result = firstOfExpression(`fn:default('${defaultValue}')|${filter}`, context, options);
  if (result === undefined) return { action: 'clear' };
  if (requestedAcks !== undefined) return { action: 'set', value: result };
  // header not set: the filter on its own decides whether acks are requested explicitly
  const own = firstOfExpression(filter, context, options);
  return own === undefined ? { action: 'keep' } : { action: 'set', value: own };
}
