import { DittoError, type DittoErrorJson, type JsonObject } from '@twinlink/core';

/** Service name under which this process answers piggyback commands. */
export const SERVICE_NAME = 'connectivity';

/**
 * An error raised by the piggyback layer itself (unknown type, unparsable command, no receiver),
 * wrapped the way Ditto wraps it (management.md §3.6).
 */
export function errorEnvelope(error: DittoErrorJson, instanceId: string): JsonObject {
  const status = Number.isInteger(error.status) && error.status >= 100 && error.status <= 599 ? error.status : 500;
  const payload = error instanceof DittoError ? error.toJSON() : error;
  return { type: 'devops.responses:errorResponse', status, serviceName: SERVICE_NAME, instance: instanceId, payload: { ...payload } };
}

/** 503 `ask.error`: Ditto's answer once the ask to a selection that does not handle the command timed out. */
export function askError(selection: string, type: string): DittoError {
  return new DittoError({
    status: 503,
    error: 'ask.error',
    message: `The receiver <${selection}> does not handle the command <${type}>.`,
    description: 'Send the command to the target actor selection that handles it (see the piggyback command catalogue).',
  });
}

/** Aggregated responses are keyed by service name, then instance; a single process gives one entry. */
export function aggregate(inner: JsonObject, instanceId: string): JsonObject {
  return { [SERVICE_NAME]: { [instanceId]: inner } };
}
