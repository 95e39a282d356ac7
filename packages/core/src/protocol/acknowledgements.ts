import type { JsonObject, JsonValue } from '../json/json-value.js';
import type { DittoProtocolMessage, HeaderValue, ProtocolHeaders } from './envelope.js';
import { LIVE_RESPONSE } from './requested-acks.js';
import type { TopicPath } from './topic-path.js';

/** The entity part of an ack topic. */
export type AckEntity = Pick<TopicPath, 'namespace' | 'name' | 'channel'>;

/** One acknowledgement inside aggregated acknowledgements. */
export interface AcknowledgementEntry {
  readonly label: string;
  readonly status: number;
  readonly payload?: JsonValue;
  readonly headers?: ProtocolHeaders;
}

/** What a broker message settlement should do for a status (protocol.md §7). */
export type AckOutcome = 'success' | 'redeliver' | 'reject';

/** The payload Ditto puts into weak acknowledgements. */
export const WEAK_ACK_PAYLOAD =
  'Acknowledgement was issued automatically as weak ack, because the signal is not relevant for the subscriber. ' +
  'Possible reasons are: the subscriber was not authorized, or the subscriber did not subscribe for the signal type.';

/** Combined status of aggregated acks: one ack → its status; several → 200 if all are 2xx, else 424. */
export function combinedAckStatus(statuses: readonly number[]): number {
  if (statuses.length === 1) return statuses[0] as number;
  return statuses.every(isSuccess) ? 200 : 424;
}

/** 2xx → success; 408, 424 and 5xx → redeliver; other statuses → reject without redelivery. */
export function ackOutcomeOf(status: number): AckOutcome {
  if (isSuccess(status)) return 'success';
  return status === 408 || status === 424 || (status >= 500 && status <= 599) ? 'redeliver' : 'reject';
}

/** Whether an ack counts as failed: live responses only with 408, other labels when not 2xx. */
export function isFailedAck(label: string, status: number): boolean {
  return label === LIVE_RESPONSE ? status === 408 : !isSuccess(status);
}

/** A single acknowledgement: topic `<ns>/<name>/things/<channel>/acks/<label>`, path `/`. */
export function acknowledgementMessage(entity: AckEntity, ack: AcknowledgementEntry): DittoProtocolMessage {
  return {
    topic: `${ackTopic(entity)}/${ack.label}`,
    headers: ack.headers ?? {},
    path: '/',
    ...(ack.payload !== undefined ? { value: ack.payload } : {}),
    status: ack.status,
  };
}

/**
 * A weak acknowledgement (status 200, header `ditto-weak-ack: true`) issued for a label a
 * subscriber declared but whose signal it did not receive.
 */
export function weakAcknowledgementMessage(entity: AckEntity, label: string, correlationId?: string): DittoProtocolMessage {
  const headers: Record<string, HeaderValue> = correlationId === undefined ? {} : { 'correlation-id': correlationId };
  headers['ditto-weak-ack'] = true;
  return acknowledgementMessage(entity, { label, status: 200, payload: WEAK_ACK_PAYLOAD, headers });
}

/**
 * Aggregated acknowledgements: topic `<ns>/<name>/things/<channel>/acks`, path `/`, combined status,
 * value `{label: {status, payload?, headers?}}` (entries of a repeated label become an array).
 */
export function aggregatedAcknowledgementsMessage(
  entity: AckEntity,
  acks: readonly AcknowledgementEntry[],
  headers: ProtocolHeaders = {},
): DittoProtocolMessage {
  const value: JsonObject = {};
  for (const ack of acks) {
    const entry: JsonObject = { status: ack.status };
    if (ack.payload !== undefined) entry['payload'] = ack.payload;
    if (ack.headers !== undefined) entry['headers'] = ack.headers as JsonObject;
    const previous = Object.prototype.hasOwnProperty.call(value, ack.label) ? value[ack.label] : undefined;
    const next = previous === undefined ? entry : Array.isArray(previous) ? [...previous, entry] : [previous, entry];
    Object.defineProperty(value, ack.label, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return { topic: ackTopic(entity), headers, path: '/', value, status: combinedAckStatus(acks.map((ack) => ack.status)) };
}

function ackTopic(entity: AckEntity): string {
  return `${entity.namespace}/${entity.name}/things/${entity.channel ?? 'twin'}/acks`;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}
