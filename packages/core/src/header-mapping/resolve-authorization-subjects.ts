import { cachedTemplate } from '../placeholders/compile-template.js';
import { resolveAllOrError } from '../placeholders/positions.js';

/**
 * Resolves a source `authorizationContext` against the raw broker headers (placeholders.md §2
 * all-or-error): `header:` names match exactly, every value becomes a subject, subjects without
 * placeholders are kept. Any other prefix, or a subject that does not resolve, throws
 * `placeholder:unresolved`.
 */
export function resolveAuthorizationSubjects(
  subjects: readonly string[],
  headers: Readonly<Record<string, string>>,
): string[] {
  const compiled = subjects.map((subject) => cachedTemplate(subject));
  if (!compiled.some((template) => template.hasPlaceholders)) return [...subjects];
  return compiled.flatMap((template) => resolveAllOrError(template, { headers }));
}
