import { classifySignal, DittoError, effectiveRequestedAcks, LIVE_RESPONSE, parseTopicPath, splitNamespacedId, thingIdInvalid } from '@twinlink/core';
import type { DittoProtocolMessage, HeaderValue, JsonValue, MessageSignal } from '@twinlink/core';
import { AckCollector } from '../pipelines/ack-collector.js';
import { MAX_MESSAGE_BYTES, messageTooLarge } from '../pipelines/message-size.js';
import { commandHeaders } from './http-commands.js';
import type { TwinServices } from './twin-services.js';

/** Ditto's default for live messages sent over HTTP without a `timeout`. */
const DEFAULT_MESSAGE_TIMEOUT_MS = 10_000;
const MAX_MESSAGE_TIMEOUT_MS = 60_000;

/** A live message sent through the HTTP API. */
export interface LiveHttpRequest {
  readonly thingId: string;
  readonly featureId?: string;
  readonly direction: 'inbox' | 'outbox';
  readonly subject: string;
  readonly body: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly correlationId: string;
  /** `timeout` query parameter in seconds. */
  readonly timeoutSeconds?: string;
  readonly subjects: readonly string[];
}

/** The HTTP answer to a live message: the response's status and payload, 202 without response, or an error. */
export interface LiveHttpAnswer {
  readonly status: number;
  readonly body?: JsonValue;
  readonly contentType?: string;
}

function messageTimeout(timeoutMs: number): DittoError {
  return new DittoError({
    status: 408,
    error: 'messages:message.timeout',
    message: `The Message reached the specified timeout of ${timeoutMs}ms.`,
    description: 'Try increasing the timeout and make sure that the recipient sends a response in time.',
  });
}

function bodyValue(body: string | undefined, contentType: string | undefined): JsonValue | undefined {
  if (body === undefined || body === '') return undefined;
  if (contentType !== undefined && /json/i.test(contentType)) {
    try {
      return JSON.parse(body) as JsonValue;
    } catch {
      return body;
    }
  }
  return body;
}

/**
 * `POST /api/2/things/{id}[/features/{fid}]/{inbox|outbox}/messages/{subject}` (protocol.md §6): the
 * message goes to the targets subscribed to live messages; the answer is the live response that
 * comes back through a source with the same `correlation-id`, or Ditto's 408 after the timeout.
 * @throws DittoError 413 for a payload over {@link MAX_MESSAGE_BYTES}, 400/403/404 from routing
 */
export async function sendLiveMessage(services: TwinServices, request: LiveHttpRequest): Promise<LiveHttpAnswer> {
  const id = splitNamespacedId(request.thingId);
  if (id === undefined) throw thingIdInvalid(request.thingId);
  // Ditto refuses an oversized payload before it becomes a message, so nothing is routed.
  const size = request.body === undefined ? 0 : Buffer.byteLength(request.body, 'utf8');
  if (size > MAX_MESSAGE_BYTES) throw messageTooLarge(size);
  const seconds = request.timeoutSeconds === undefined ? undefined : Number(request.timeoutSeconds);
  const timeoutMs = seconds === undefined || !Number.isFinite(seconds) || seconds < 0 ? DEFAULT_MESSAGE_TIMEOUT_MS : Math.min(seconds * 1000, MAX_MESSAGE_TIMEOUT_MS);
  const contentType = typeof request.headers['content-type'] === 'string' ? request.headers['content-type'] : undefined;
  const prefix = request.featureId === undefined ? '' : `/features/${request.featureId}`;
  const headers: Record<string, HeaderValue> = { ...commandHeaders(request), 'response-required': timeoutMs > 0, timeout: `${timeoutMs}ms` };
  const value = bodyValue(request.body, contentType);
  const message: DittoProtocolMessage = {
    topic: `${id.namespace}/${id.name}/things/live/messages/${request.subject}`,
    headers,
    path: `${prefix}/${request.direction}/messages/${request.subject}`,
    ...(value !== undefined ? { value } : {}),
  };
  const signal = classifySignal(message, parseTopicPath(message.topic)) as MessageSignal;
  // The targets answer only what is requested: `live-response` by default when a response is required (protocol.md §7).
  const labels = effectiveRequestedAcks(signal, headers);
  if (labels.length > 0 || headers['requested-acks'] !== undefined) headers['requested-acks'] = labels;
  const collector = timeoutMs > 0 && labels.includes(LIVE_RESPONSE) ? new AckCollector([LIVE_RESPONSE], request.correlationId, services.acks, timeoutMs) : undefined;
  try {
    await services.dispatcher.routeLive(message, signal, request.subjects);
  } catch (error) {
    collector?.add({ label: LIVE_RESPONSE, status: 0 });
    throw error;
  }
  if (collector === undefined) return { status: 202 };
  const collected = await collector.result();
  const response = collected.liveResponse;
  if (response === undefined) throw messageTimeout(timeoutMs);
  const responseType = response.headers['content-type'];
  return {
    status: response.status ?? 200,
    ...(response.value !== undefined ? { body: response.value } : {}),
    ...(typeof responseType === 'string' ? { contentType: responseType } : {}),
  };
}
