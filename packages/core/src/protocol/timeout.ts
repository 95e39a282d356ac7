import { DittoError } from '../errors/ditto-error.js';
import type { HeaderValue } from './envelope.js';

/** Default and maximum of the `timeout` header: 60 s. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Upper bound of the effective timeout. */
export const MAX_TIMEOUT_MS = 60_000;

const DURATION = /^(\d+)(ms|s|m)?$/;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

/**
 * The effective `timeout` in milliseconds: `<n>ms`, `<n>s`, `<n>m` or a plain number of seconds;
 * absent → 60 s; larger values are capped at 60 s.
 * @throws DittoError `header.invalid` (400) for anything else
 */
export function parseTimeoutHeader(value: HeaderValue | undefined): number {
  if (value === undefined || value === null) return DEFAULT_TIMEOUT_MS;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  const match = text === undefined ? null : DURATION.exec(text);
  if (match === null) throw timeoutInvalid(value);
  const amount = Number(match[1]) * (UNIT_MS[match[2] ?? 's'] as number);
  return Math.min(amount, MAX_TIMEOUT_MS);
}

function timeoutInvalid(value: HeaderValue): DittoError {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return new DittoError({
    status: 400,
    error: 'header.invalid',
    message: `The value '${text}' of the header 'timeout' is not a valid duration.`,
    description: "Verify that the value of the header 'timeout' is a valid 'duration' and try again.",
  });
}
