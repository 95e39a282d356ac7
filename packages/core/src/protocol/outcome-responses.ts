import type { PublishOutcome } from '../binding-api/publish-outcome.js';
import { DittoError } from '../errors/ditto-error.js';
import type { JsonValue } from '../json/json-value.js';
import { isJsonObject } from '../json/json-value.js';
import { DITTO_PROTOCOL_CONTENT_TYPE, mediaTypeOf, payloadKindOf } from '../mapping/content-types.js';
import type { AcknowledgementEntry } from './acknowledgements.js';
import { classifySignal } from './classify-signal.js';
import type { DittoProtocolMessage, HeaderValue, ProtocolHeaders } from './envelope.js';
import { parseDittoProtocolMessage } from './envelope.js';
import { headerValue } from './headers.js';
import { parseTopicPath } from './topic-path.js';

/** What a live request turns into from an external response (bindings.md §5 `live-response`). */
export type LiveResponseOutcome =
  | { readonly kind: 'response'; readonly response: DittoProtocolMessage }
  /** The response does not answer the request (correlation id, type, entity or path). */
  | { readonly kind: 'rejected'; readonly error: DittoError }
  /** The external response carries no live response (live commands answered without Ditto Protocol). */
  | { readonly kind: 'none' };

// Describe the transport of one HTTP exchange, not the signal, so they do not become Ditto headers.
const TRANSPORT_HEADERS: ReadonlySet<string> = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);
// Ask for answers; a response carrying them would look like a request to whoever forwards it.
const REQUEST_ONLY_HEADERS: ReadonlySet<string> = new Set(['requested-acks', 'response-required']);

/** The body of an external response as a JSON value: JSON inline (a JSON string when it does not parse), text as a string, bytes as Base64. */
export function outcomePayload(outcome: PublishOutcome): JsonValue | undefined {
  if (outcome.bytePayload !== undefined) return Buffer.from(outcome.bytePayload).toString('base64');
  if (outcome.textPayload === undefined) return undefined;
  if (payloadKindOf(outcome.contentType) !== 'json') return outcome.textPayload;
  try {
    return JSON.parse(outcome.textPayload) as JsonValue;
  } catch {
    return outcome.textPayload;
  }
}

/** Signal headers merged with the external response's headers; `content-type` is the response entity's (absent without one). */
export function outcomeHeaders(signalHeaders: ProtocolHeaders, outcome: PublishOutcome): Record<string, HeaderValue> {
  const headers: Record<string, HeaderValue> = {};
  const put = (name: string, value: HeaderValue): void => void Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  for (const name of Object.keys(signalHeaders)) put(name, signalHeaders[name] as HeaderValue);
  for (const [name, value] of Object.entries(outcome.headers ?? {})) {
    if (!TRANSPORT_HEADERS.has(name.toLowerCase())) put(name.toLowerCase(), value);
  }
  delete headers['content-type'];
  if (outcome.contentType !== undefined) put('content-type', outcome.contentType);
  return headers;
}

/** The acknowledgement a target issues from an external response (bindings.md §5 issued ack): its status, merged headers and body. */
export function acknowledgementFromOutcome(label: string, signalHeaders: ProtocolHeaders, outcome: PublishOutcome): AcknowledgementEntry {
  const payload = outcomePayload(outcome);
  return { label, status: outcome.status, headers: outcomeHeaders(signalHeaders, outcome), ...(payload !== undefined ? { payload } : {}) };
}

/**
 * The live response to a live message or command from an external response (bindings.md §5): a
 * Ditto Protocol body is taken as the response; otherwise a live message gets the response's status,
 * merged headers and body, a live command no response. A Ditto Protocol response must answer the
 * request in correlation id, type, entity id and path.
 */
export function liveResponseFromOutcome(request: DittoProtocolMessage, outcome: PublishOutcome): LiveResponseOutcome {
  const isMessage = parseTopicPath(request.topic).criterion === 'messages';
  const protocolBody = dittoProtocolBody(outcome);
  if (protocolBody === undefined) {
    if (!isMessage) return { kind: 'none' };
    const headers = outcomeHeaders(request.headers, outcome);
    for (const name of REQUEST_ONLY_HEADERS) delete headers[name];
    const value = outcomePayload(outcome);
    return { kind: 'response', response: { topic: request.topic, headers, path: request.path, ...(value !== undefined ? { value } : {}), status: outcome.status } };
  }
  let response: DittoProtocolMessage;
  try {
    response = parseDittoProtocolMessage(protocolBody);
  } catch (error) {
    return { kind: 'rejected', error: signalUnsupported(error instanceof Error ? error.message : String(error)) };
  }
  const mismatch = mismatchOf(request, response, isMessage);
  return mismatch === undefined ? { kind: 'response', response } : { kind: 'rejected', error: signalUnsupported(mismatch) };
}

function dittoProtocolBody(outcome: PublishOutcome): JsonValue | undefined {
  if (outcome.contentType === undefined || mediaTypeOf(outcome.contentType) !== DITTO_PROTOCOL_CONTENT_TYPE || outcome.textPayload === undefined) return undefined;
  try {
    const body = JSON.parse(outcome.textPayload) as JsonValue;
    return isJsonObject(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

function mismatchOf(request: DittoProtocolMessage, response: DittoProtocolMessage, isMessage: boolean): string | undefined {
  const expected = headerValue(request.headers, 'correlation-id');
  const actual = headerValue(response.headers, 'correlation-id');
  if (actual !== expected) return `The correlation id '${String(actual)}' of the response does not match the request's '${String(expected)}'.`;
  let kind: string;
  try {
    kind = classifySignal(response).kind;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const expectedKind = isMessage ? 'messageResponse' : 'commandResponse';
  if (kind !== expectedKind) return `The response of type '${kind}' does not answer a '${isMessage ? 'message' : 'command'}'.`;
  // Same topic: same entity id, channel, criterion and action or message subject.
  if (response.topic !== request.topic) return `The response topic '${response.topic}' does not match the request topic '${request.topic}'.`;
  if (response.path !== request.path) return `The response path '${response.path}' does not match the request path '${request.path}'.`;
  return undefined;
}

function signalUnsupported(reason: string): DittoError {
  return new DittoError({ status: 422, error: 'signal.unsupported', message: `The live response was rejected: ${reason}`, description: 'Make sure the response answers the request it was sent for.' });
}
