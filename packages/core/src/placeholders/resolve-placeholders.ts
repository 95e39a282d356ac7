import type { EvaluateOptions } from './compile-template.js';
import { cachedTemplate } from './compile-template.js';
import type { PipelineElement } from './pipeline-element.js';
import type { PlaceholderContext } from './placeholder-context.js';

/** What {@link resolvePlaceholders} returns: one value, several values, or no value. */
export type ResolvedTemplate = string | string[] | { unresolved: true } | { deleted: true };

/** The public shape of a pipeline element. */
export function toResolvedTemplate(element: PipelineElement): ResolvedTemplate {
  if (element.kind === 'unresolved') return { unresolved: true };
  if (element.kind === 'deleted') return { deleted: true };
  return element.values.length === 1 ? (element.values[0] ?? '') : [...element.values];
}

/**
 * Resolves every placeholder of `template` against `context` (placeholders.md): one value → string,
 * several → string[], otherwise `{ unresolved: true }` or `{ deleted: true }`. Header names are
 * matched exactly unless `caseInsensitiveHeaders` is set.
 * @throws DittoError `placeholder:*` for a malformed template, an unknown placeholder or function, or a bad signature.
 * @public
 */
export function resolvePlaceholders(
  template: string,
  context: PlaceholderContext,
  options?: { caseInsensitiveHeaders?: boolean },
): ResolvedTemplate {
  const evaluateOptions: EvaluateOptions = { caseInsensitiveHeaders: options?.caseInsensitiveHeaders === true };
  return toResolvedTemplate(cachedTemplate(template).evaluate(context, evaluateOptions));
}
