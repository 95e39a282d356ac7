import { DittoError } from '@twinlink/core';
import type { OracleAnswer } from '../reference/oracle-client.js';
import { codeOfDittoError } from './ditto-error-codes.js';

/** What one side answered for one input: a value or an error code (with its message). */
export type Outcome =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

/** A value outcome. */
export function valueOutcome(value: unknown): Outcome {
  return { kind: 'value', value };
}

/**
 * Runs one of twinlink's functions: its result, or the code of the {@link DittoError} it threw.
 * Anything else thrown is reported as `crash:<name>` (never expected).
 */
export function runOurs(action: () => unknown): Outcome {
  try {
    return valueOutcome(action());
  } catch (error) {
    if (error instanceof DittoError) return { kind: 'error', code: error.error, message: error.message };
    const name = error instanceof Error ? error.name : typeof error;
    return { kind: 'error', code: `crash:${name}`, message: String(error) };
  }
}

/** The reference's answer as an outcome, with Ditto's exception mapped onto a twinlink code. */
export function dittoOutcome(answer: OracleAnswer): Outcome {
  if ('ok' in answer) return valueOutcome(answer.ok);
  return { kind: 'error', code: codeOfDittoError(answer.error), message: answer.error };
}

/** Outcomes compared by code (errors) or by JSON value (results). */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.kind === 'error') return b.kind === 'error' && a.code === b.code;
  return b.kind === 'value' && JSON.stringify(a.value) === JSON.stringify(b.value);
}

/** Outcomes compared as accept/reject only. */
export function sameVerdict(a: Outcome, b: Outcome): boolean {
  return a.kind === b.kind;
}

/** A short text for the report. */
export function describeOutcome(outcome: Outcome, max = 160): string {
  const text = outcome.kind === 'error' ? `error ${outcome.code} (${outcome.message})` : JSON.stringify(outcome.value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
