import type { ExternalMessage } from '../binding-api/external-message.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { parseDittoProtocolMessage, serializeDittoProtocolMessage } from '../protocol/envelope.js';
import { headerString, headerValue } from '../protocol/headers.js';
import { contentTypeOf, DITTO_PROTOCOL_CONTENT_TYPE, payloadText } from './content-types.js';
import { payloadAbsent } from './mapping-errors.js';
import { CONTENT_TYPE_BLOCKLIST } from './mapper-options.js';
import type { ConfiguredMapper, PayloadMapper } from './payload-mapper.js';

/** Hono notifications the Ditto mapper (and the mappers inheriting its defaults) skip. */
export const DEFAULT_CONTENT_TYPE_BLOCKLIST =
  'application/vnd.eclipse-hono-empty-notification,application/vnd.eclipse-hono-device-provisioning-notification,' +
  'application/vnd.eclipse-hono-dc-notification+json,application/vnd.eclipse-hono-delivery-failure-notification+json';

/**
 * The payload of an external message read as one Ditto Protocol message.
 * @throws DittoError `connectivity:message.mapping.failed` for an absent or empty payload, `json.*` for anything not Ditto Protocol
 */
export function parseProtocolPayload(message: ExternalMessage): DittoProtocolMessage {
  const text = payloadText(message);
  if (text === undefined || text.length === 0) throw payloadAbsent(contentTypeOf(message));
  return parseDittoProtocolMessage(text);
}

/** The Ditto mapper's outbound result: the Ditto Protocol JSON with content type and correlation id. */
export function protocolExternalMessage(message: DittoProtocolMessage): ExternalMessage {
  const headers: Record<string, string> = { 'content-type': DITTO_PROTOCOL_CONTENT_TYPE };
  const correlationId = headerValue(message.headers, 'correlation-id');
  if (correlationId !== undefined && correlationId !== null) headers['correlation-id'] = headerString(correlationId);
  return { headers, textPayload: serializeDittoProtocolMessage(message), contentType: DITTO_PROTOCOL_CONTENT_TYPE };
}

const CONFIGURED: ConfiguredMapper = {
  mapInbound: (message) => [parseProtocolPayload(message)],
  mapOutbound: (message) => [protocolExternalMessage(message)],
};

/**
 * `Ditto` (mapping.md §4.1), the default mapper: the payload is a Ditto Protocol message; outbound
 * the Ditto Protocol JSON is sent as text.
 * @public
 */
export const DITTO_MAPPER: PayloadMapper = {
  alias: 'Ditto',
  className: 'DittoMessageMapper',
  direction: 'both',
  mandatoryOptions: [],
  defaultOptions: { [CONTENT_TYPE_BLOCKLIST]: DEFAULT_CONTENT_TYPE_BLOCKLIST },
  configure: () => CONFIGURED,
};
