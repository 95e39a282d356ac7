import { DittoError } from '@twinlink/core';
import type { FastifyRequest } from 'fastify';
import type { HistoricalPoint } from '../connections/connectivity-command.js';

function headerInvalid(name: string, value: string, expected: string): DittoError {
  return new DittoError({ status: 400, error: 'header.invalid', message: `The value '${value}' of the header '${name}' is not a valid ${expected}.`, description: `Verify that the value of the header '${name}' is correct.` });
}

function single(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The point in history a retrieve asks for (management.md §2.4): `at-historical-revision: <long>` or
 * `at-historical-timestamp: <ISO-8601>`; undefined for an ordinary retrieve.
 */
export function historicalPointOf(request: FastifyRequest): HistoricalPoint | undefined {
  const revision = single(request, 'at-historical-revision');
  if (revision !== undefined) {
    if (!/^\d{1,15}$/.test(revision.trim())) throw headerInvalid('at-historical-revision', revision, 'long');
    return { revision: Number(revision.trim()) };
  }
  const timestamp = single(request, 'at-historical-timestamp');
  if (timestamp !== undefined) {
    if (Number.isNaN(Date.parse(timestamp))) throw headerInvalid('at-historical-timestamp', timestamp, 'ISO-8601 timestamp');
    return { timestamp: new Date(timestamp).toISOString() };
  }
  return undefined;
}
