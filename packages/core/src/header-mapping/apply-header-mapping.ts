import { cachedTemplate } from '../placeholders/compile-template.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import { firstValue } from '../placeholders/pipeline-element.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import { isInternalHeader } from '../protocol/headers.js';

/** A header mapping compiled once: header name → template. */
export interface CompiledHeaderMapping {
  readonly entries: readonly (readonly [name: string, template: CompiledTemplate])[];
}

/** Compiles a `headerMapping` object; non-string values and Ditto-internal keys are dropped. */
export function compileHeaderMapping(mapping: Readonly<Record<string, unknown>>): CompiledHeaderMapping {
  const entries: (readonly [string, CompiledTemplate])[] = [];
  for (const [name, template] of Object.entries(mapping)) {
    if (typeof template === 'string' && !isInternalHeader(name)) entries.push([name, cachedTemplate(template)]);
  }
  return { entries };
}

/**
 * Resolves a header mapping (connection-model.md §5.3, §6.3) with case-insensitive `header:` lookup:
 * entries that are unresolved or deleted are skipped, the first value of the others is used.
 * Returns a new header map (own properties only).
 */
export function applyHeaderMapping(
  mapping: CompiledHeaderMapping | Readonly<Record<string, unknown>>,
  context: PlaceholderContext,
): Record<string, string> {
  const compiled = isCompiled(mapping) ? mapping : compileHeaderMapping(mapping);
  const headers: Record<string, string> = {};
  for (const [name, template] of compiled.entries) {
    const value = firstValue(template.evaluate(context, { caseInsensitiveHeaders: true }));
    if (value !== undefined) Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return headers;
}

function isCompiled(mapping: CompiledHeaderMapping | Readonly<Record<string, unknown>>): mapping is CompiledHeaderMapping {
  return Array.isArray((mapping as { entries?: unknown }).entries) && Object.keys(mapping).length === 1;
}

function withoutCaseInsensitive(target: Record<string, string>, name: string): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(target)) if (key.toLowerCase() === lower) delete target[key];
}

/**
 * Merges header-mapping results with the headers of a mapped message, names compared ignoring case:
 * inbound the payload mapper's headers win (`winner: 'mapper'`), outbound the header mapping wins
 * (`winner: 'mapping'`).
 */
export function mergeMappedHeaders(
  mapperHeaders: Readonly<Record<string, string>>,
  mappingHeaders: Readonly<Record<string, string>>,
  winner: 'mapper' | 'mapping',
): Record<string, string> {
  const [base, overriding] = winner === 'mapper' ? [mappingHeaders, mapperHeaders] : [mapperHeaders, mappingHeaders];
  const merged: Record<string, string> = {};
  for (const source of [base, overriding]) {
    for (const [name, value] of Object.entries(source)) {
      withoutCaseInsensitive(merged, name);
      Object.defineProperty(merged, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return merged;
}
