import type { CompiledTemplate, EvaluateOptions } from './compile-template.js';
import { cachedTemplate } from './compile-template.js';
import { firstValue, valuesOf } from './pipeline-element.js';
import type { PlaceholderContext } from './placeholder-context.js';
import { unresolvedPlaceholderError } from './placeholder-errors.js';

/** A template text or an already compiled template. */
export type TemplateInput = string | CompiledTemplate;

function compiled(template: TemplateInput): CompiledTemplate {
  return typeof template === 'string' ? cachedTemplate(template) : template;
}

/**
 * first-or-skip (header mappings, conditions, RawMessage/ImplicitThingCreation headers): the first
 * value, or `undefined` when unresolved or deleted (the entry is skipped).
 */
export function resolveFirstOrSkip(
  template: TemplateInput,
  context: PlaceholderContext,
  options?: EvaluateOptions,
): string | undefined {
  return firstValue(compiled(template).evaluate(context, options));
}

/**
 * first-or-drop (target and reply-target `address`): the first value, or `undefined` when unresolved
 * or deleted, meaning the message is not published to that target.
 */
export const resolveFirstOrDrop: typeof resolveFirstOrSkip = resolveFirstOrSkip;

/**
 * all-or-error (source `authorizationContext`): every value; unresolved or deleted →
 * `placeholder:unresolved` naming the whole template.
 */
export function resolveAllOrError(template: TemplateInput, context: PlaceholderContext, options?: EvaluateOptions): string[] {
  const input = compiled(template);
  const values = valuesOf(input.evaluate(context, options));
  if (values.length === 0) throw unresolvedPlaceholderError(input.template);
  return [...values];
}

/**
 * first-or-error (`enforcement.input`, ImplicitThingCreation `thing`, ConnectionStatus ids, Kafka
 * `groupId`): the first value; unresolved or deleted → `placeholder:unresolved`.
 */
export function resolveFirstOrError(template: TemplateInput, context: PlaceholderContext, options?: EvaluateOptions): string {
  const [first] = resolveAllOrError(template, context, options);
  return first ?? '';
}

/** keep-literal (`dittoHeadersForMerge`): the first value, or the template text itself when there is none. */
export function resolveKeepLiteral(template: TemplateInput, context: PlaceholderContext, options?: EvaluateOptions): string {
  const input = compiled(template);
  return firstValue(input.evaluate(context, options)) ?? input.template;
}
