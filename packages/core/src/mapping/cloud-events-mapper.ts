import { randomUUID } from 'node:crypto';
import type { ExternalMessage } from '../binding-api/external-message.js';
import type { JsonObject } from '../json/json-value.js';
import { isJsonObject, ownValue } from '../json/json-value.js';
import { formatInstant } from '../placeholders/namespaces/time-expression.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { parseDittoProtocolMessage, toDittoProtocolJson } from '../protocol/envelope.js';
import { defineHeader, headerString, headerValue } from '../protocol/headers.js';
import { jsonInvalid } from '../protocol/protocol-errors.js';
import { contentTypeOf, DITTO_PROTOCOL_CONTENT_TYPE, mediaTypeOf, payloadText } from './content-types.js';
import { parseProtocolPayload } from './ditto-mapper.js';
import { mappingFailed } from './mapping-errors.js';
import type { ConfiguredMapper, MappingContext, PayloadMapper } from './payload-mapper.js';

/** The content type of a structured CloudEvent. */
const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json';
const BINARY_HEADERS = ['ce-id', 'ce-source', 'ce-type', 'ce-specversion'];
const STRUCTURED_FIELDS = ['specversion', 'id', 'source', 'type'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function withCorrelationId(message: DittoProtocolMessage, correlationId: unknown): DittoProtocolMessage {
  const headers = { ...message.headers };
  defineHeader(headers, 'correlation-id', typeof correlationId === 'string' ? correlationId : JSON.stringify(correlationId));
  return { ...message, headers };
}

function binaryMode(message: ExternalMessage, contentType: string): DittoProtocolMessage {
  const missing = BINARY_HEADERS.some((name) => headerValue(message.headers, name) === undefined);
  if (missing) throw mappingFailed(contentType, 'This is not a CloudEvent');
  return withCorrelationId(parseProtocolPayload(message), headerValue(message.headers, 'ce-id'));
}

function structuredMode(message: ExternalMessage, contentType: string): DittoProtocolMessage {
  const text = payloadText(message) ?? '';
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw jsonInvalid(`Failed to parse JSON string '${text.length > 100 ? `${text.slice(0, 100)}…` : text}'!`);
  }
  if (!isJsonObject(event) || STRUCTURED_FIELDS.some((field) => ownValue(event, field) === undefined)) throw mappingFailed(contentType, 'This is not a CloudEvent');
  const base64 = ownValue(event, 'data_base64');
  const data = ownValue(event, 'data');
  let protocol: unknown;
  if (base64 !== undefined) {
    if (typeof base64 !== 'string' || !BASE64.test(base64)) throw mappingFailed(contentType, 'This is not a CloudEvent');
    protocol = Buffer.from(base64, 'base64').toString('utf8');
  } else if (data !== undefined) {
    protocol = data;
  } else {
    throw mappingFailed(contentType, 'This is not a CloudEvent');
  }
  return withCorrelationId(parseDittoProtocolMessage(protocol), ownValue(event, 'id'));
}

function cloudEvent(message: DittoProtocolMessage, context: MappingContext): ExternalMessage {
  const segments = message.topic.split('/');
  const correlationId = headerValue(message.headers, 'correlation-id');
  const event: JsonObject = {
    data: toDittoProtocolJson(message),
    specversion: '1.0',
    id: correlationId === undefined || correlationId === null ? randomUUID() : headerString(correlationId),
    source: 'https://github.com/eclipse-ditto/ditto',
    type: `org.eclipse.ditto.outbound:${segments.slice(2).join('/')}`,
    datacontenttype: DITTO_PROTOCOL_CONTENT_TYPE,
    time: message.timestamp ?? formatInstant(context.now),
    subject: `${segments[0] ?? ''}:${segments[1] ?? ''}`,
  };
  return { headers: { 'content-type': STRUCTURED_CONTENT_TYPE }, textPayload: JSON.stringify(event), contentType: STRUCTURED_CONTENT_TYPE };
}

/**
 * `CloudEvents` (mapping.md §4.8): inbound, structured (`application/cloudevents+json`) and binary
 * (`ce-*` headers with a Ditto Protocol payload) CloudEvents; outbound, a structured CloudEvent
 * carrying the Ditto Protocol message as `data`.
 * @public
 */
export const CLOUD_EVENTS_MAPPER: PayloadMapper = {
  alias: 'CloudEvents',
  className: 'CloudEventsMapper',
  direction: 'both',
  mandatoryOptions: [],
  defaultOptions: {},
  configure(): ConfiguredMapper {
    return {
      mapInbound(message) {
        const contentType = contentTypeOf(message) ?? '';
        const media = mediaTypeOf(contentType);
        if (media === DITTO_PROTOCOL_CONTENT_TYPE) return [binaryMode(message, contentType)];
        if (media === STRUCTURED_CONTENT_TYPE) return [structuredMode(message, contentType)];
        return [];
      },
      mapOutbound: (message, context) => [cloudEvent(message, context)],
    };
  },
};
