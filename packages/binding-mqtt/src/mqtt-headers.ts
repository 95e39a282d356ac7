import { BindingError, encodeWithCharset } from '@twinlink/core';
import type { InboundMessage, OutboundMessage } from '@twinlink/core';
import type { IPublishPacket } from 'mqtt';
import { topicProblem } from './topic-filter.js';
import type { MqttVersion } from './mqtt-validator.js';

/** Pseudo and property headers; user properties of the same name are not copied inbound. */
const TOPIC = 'mqtt.topic';
const QOS = 'mqtt.qos';
const RETAIN = 'mqtt.retain';
const EXPIRY = 'mqtt.message-expiry-interval';
const CORRELATION_ID = 'correlation-id';
const REPLY_TO = 'reply-to';
const CONTENT_TYPE = 'content-type';
const RESERVED_INBOUND = new Set([TOPIC, QOS, RETAIN, EXPIRY, CORRELATION_ID, REPLY_TO, CONTENT_TYPE]);
/** Headers that become MQTT 5 properties of their own rather than user properties. */
const PROPERTY_HEADERS = new Set([CORRELATION_ID, REPLY_TO, CONTENT_TYPE]);

/**
 * An inbound PUBLISH as an external message (bindings.md §3): the three pseudo headers, for MQTT 5
 * also expiry, correlation data (UTF-8), response topic, content type and user properties; payload
 * as bytes and as UTF-8 text (the charset of the content type is ignored inbound).
 * @internal
 */
export function inboundMessage(packet: IPublishPacket, version: MqttVersion): InboundMessage {
  const headers: Record<string, string> = { [TOPIC]: packet.topic, [QOS]: String(packet.qos), [RETAIN]: String(packet.retain) };
  const properties = version === 5 ? packet.properties : undefined;
  if (properties) {
    for (const [name, value] of Object.entries(properties.userProperties ?? {})) {
      // A repeated user property arrives as an array; the last occurrence wins, as in a header map.
      const last = Array.isArray(value) ? value[value.length - 1] : value;
      if (!RESERVED_INBOUND.has(name) && last !== undefined) headers[name] = String(last);
    }
    if (properties.messageExpiryInterval !== undefined) headers[EXPIRY] = String(properties.messageExpiryInterval);
    if (properties.correlationData !== undefined) headers[CORRELATION_ID] = Buffer.from(properties.correlationData).toString('utf8');
    if (properties.responseTopic !== undefined) headers[REPLY_TO] = properties.responseTopic;
    if (properties.contentType !== undefined) headers[CONTENT_TYPE] = properties.contentType;
  }
  const bytes = typeof packet.payload === 'string' ? Buffer.from(packet.payload, 'utf8') : Buffer.from(packet.payload);
  return {
    sourceAddress: packet.topic,
    headers,
    bytePayload: bytes,
    textPayload: bytes.toString('utf8'),
    ...(headers[CONTENT_TYPE] !== undefined && { contentType: headers[CONTENT_TYPE] }),
  };
}

/** Everything mqtt.js needs to send one PUBLISH. @internal */
export interface PublishRequest {
  readonly topic: string;
  readonly payload: Buffer;
  readonly qos: 0 | 1 | 2;
  readonly retain: boolean;
  readonly properties?: {
    messageExpiryInterval?: number;
    correlationData?: Buffer;
    responseTopic?: string;
    contentType?: string;
    userProperties?: Record<string, string>;
  };
}

/**
 * The PUBLISH for an outbound message: `mqtt.topic` / `mqtt.qos` / `mqtt.retain` (and for MQTT 5
 * `mqtt.message-expiry-interval`) override address, qos and retain; MQTT 5 maps correlation id,
 * reply-to and content type to properties and every other non-blank header to a user property, the
 * control headers with their effective values. Throws a BindingError `rejected` (400) for values
 * that cannot become a PUBLISH.
 * @internal
 */
export function publishRequest(message: OutboundMessage, version: MqttVersion): PublishRequest {
  const headers = message.headers;
  const topic = headers[TOPIC] ?? message.address;
  const topicError = topicProblem(topic);
  if (topicError) throw invalid(`The topic '${topic}' is not a valid MQTT topic: ${topicError}.`);
  const qos = parseQos(headers[QOS], message.qos ?? 0);
  const retain = parseRetain(headers[RETAIN]);
  const contentType = headers[CONTENT_TYPE] ?? message.contentType;
  const payload = Buffer.from(message.bytePayload ?? (message.textPayload !== undefined ? encodeWithCharset(message.textPayload, contentType) : new Uint8Array()));
  if (version === 3) return { topic, payload, qos, retain };

  const expiryText = headers[EXPIRY];
  const expiry = expiryText === undefined ? undefined : parseExpiry(expiryText);
  const replyTo = headers[REPLY_TO];
  if (replyTo !== undefined && topicProblem(replyTo)) throw invalid(`The reply-to '${replyTo}' is not a valid MQTT topic: ${topicProblem(replyTo)}.`);
  const effective: Record<string, string> = { [TOPIC]: topic, [QOS]: String(qos), [RETAIN]: String(retain) };
  const userProperties: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (PROPERTY_HEADERS.has(name) || value.trim() === '') continue;
    userProperties[name] = effective[name] ?? value;
  }
  const correlationId = headers[CORRELATION_ID];
  return {
    topic,
    payload,
    qos,
    retain,
    properties: {
      ...(expiry !== undefined && expiry > 0 && { messageExpiryInterval: expiry }),
      ...(correlationId !== undefined && { correlationData: Buffer.from(encodeWithCharset(correlationId, contentType)) }),
      ...(replyTo !== undefined && { responseTopic: replyTo }),
      ...(contentType !== undefined && { contentType }),
      ...(Object.keys(userProperties).length > 0 && { userProperties }),
    },
  };
}

function parseQos(text: string | undefined, fallback: number): 0 | 1 | 2 {
  if (text === undefined) return fallback as 0 | 1 | 2;
  const trimmed = text.trim();
  if (!/^[012]$/.test(trimmed)) throw invalid(`The header '${QOS}' must be 0, 1 or 2 but was '${text}'.`);
  return Number(trimmed) as 0 | 1 | 2;
}

function parseRetain(text: string | undefined): boolean {
  if (text === undefined) return false;
  const normalized = text.trim().toLowerCase();
  if (normalized === 'true') return true;
  if (normalized === 'false') return false;
  throw invalid(`The header '${RETAIN}' must be true or false but was '${text}'.`);
}

function parseExpiry(text: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > 0xffff_ffff) throw invalid(`The header '${EXPIRY}' must be a number of seconds but was '${text}'.`);
  return Number(trimmed);
}

function invalid(message: string): BindingError {
  return new BindingError('TWINLINK_ERR_MQTT_PUBLISH_INVALID', 'rejected', message, { status: 400 });
}
