import { DittoError, jsonInvalid, policyIdInvalid, splitNamespacedId, thingIdInvalid } from '@twinlink/core';
import type { DittoProtocolMessage, HeaderValue, JsonValue } from '@twinlink/core';

/** Request headers that become Ditto headers of the command. */
const PASSED_HEADERS = ['if-match', 'if-none-match', 'requested-acks', 'timeout', 'response-required', 'content-type'] as const;

const ACTIONS: Readonly<Record<string, string>> = { GET: 'retrieve', PUT: 'modify', PATCH: 'merge', DELETE: 'delete' };

/** An HTTP request as the command builder sees it. */
export interface HttpCommandRequest {
  readonly method: string;
  readonly group: 'things' | 'policies';
  readonly entityId: string;
  /** The path below the entity, `/` for the entity itself. */
  readonly path: string;
  readonly body: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly correlationId: string;
  readonly fields?: string;
}

/** Parses a request body as JSON; 400 `json.invalid` when it is not. */
export function parseBody(body: string | undefined): JsonValue | undefined {
  if (body === undefined || body === '') return undefined;
  try {
    return JSON.parse(body) as JsonValue;
  } catch (error) {
    throw jsonInvalid(error instanceof Error ? error.message : 'The body is not valid JSON.');
  }
}

/** The Ditto headers of an HTTP request. */
export function commandHeaders(request: Pick<HttpCommandRequest, 'headers' | 'correlationId'>): Record<string, HeaderValue> {
  const headers: Record<string, HeaderValue> = { 'correlation-id': request.correlationId };
  for (const name of PASSED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/**
 * The twin or policy command of an HTTP request to `/api/2/things/…` or `/api/2/policies/…`
 * (GET retrieve, PUT modify, PATCH merge, DELETE delete), as Ditto's HTTP API maps onto the protocol.
 * @throws DittoError 400 for an invalid id or body
 */
export function commandOf(request: HttpCommandRequest): DittoProtocolMessage {
  const action = ACTIONS[request.method];
  if (action === undefined) throw new DittoError({ status: 405, error: 'method.notallowed', message: `The method '${request.method}' is not allowed here.` });
  const id = splitNamespacedId(request.entityId);
  if (id === undefined || id.namespace.includes('/') || id.name.includes('/')) throw request.group === 'things' ? thingIdInvalid(request.entityId) : policyIdInvalid(request.entityId);
  const topic = request.group === 'things' ? `${id.namespace}/${id.name}/things/twin/commands/${action}` : `${id.namespace}/${id.name}/policies/commands/${action}`;
  const value = action === 'modify' || action === 'merge' ? parseBody(request.body) : undefined;
  if ((action === 'modify' || action === 'merge') && value === undefined) throw jsonInvalid('The request body must contain JSON.');
  return {
    topic,
    headers: commandHeaders(request),
    path: request.path,
    ...(value !== undefined ? { value } : {}),
    ...(request.fields !== undefined ? { fields: request.fields } : {}),
  };
}
