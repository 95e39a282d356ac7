import { jsonInvalid } from '@twinlink/core';
import { jsonFieldMissing, jsonFieldWrongType } from '../http-errors.js';

/** The body of `POST /devops/piggyback/…` (management.md §3.1). */
export interface PiggybackEnvelope {
  readonly targetActorSelection: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly piggybackCommand: Readonly<Record<string, unknown>>;
  readonly serviceName?: string;
  readonly instance?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function required<T>(body: Record<string, unknown>, field: string, check: (v: unknown) => v is T, type: string): T {
  const value = body[field];
  if (value === undefined) throw jsonFieldMissing(`/${field}`);
  if (!check(value)) throw jsonFieldWrongType(`/${field}`, value, type);
  return value;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw jsonFieldWrongType(`/${field}`, value, 'String');
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Validates the envelope. Its errors are answered as plain error JSON with HTTP 400; errors of the
 * inner command are answered inside a response envelope instead (piggyback-route.ts).
 */
export function parseEnvelope(body: unknown): PiggybackEnvelope {
  if (!isObject(body)) throw jsonInvalid('The piggyback request body must be a JSON object.');
  const serviceName = optionalString(body, 'serviceName');
  const instance = optionalString(body, 'instance');
  return {
    targetActorSelection: required(body, 'targetActorSelection', isString, 'String'),
    headers: required(body, 'headers', isObject, 'JsonObject'),
    piggybackCommand: required(body, 'piggybackCommand', isObject, 'JsonObject'),
    ...(serviceName !== undefined ? { serviceName } : {}),
    ...(instance !== undefined ? { instance } : {}),
  };
}
