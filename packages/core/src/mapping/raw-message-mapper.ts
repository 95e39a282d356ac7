import type { ExternalMessage } from '../binding-api/external-message.js';
import { DittoError } from '../errors/ditto-error.js';
import type { JsonValue } from '../json/json-value.js';
import { parseNamespacedId } from '../model/entity-id.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import { firstValue } from '../placeholders/pipeline-element.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { headerString, headerValue } from '../protocol/headers.js';
import { jsonInvalid } from '../protocol/protocol-errors.js';
import { thingIdInvalid } from '../protocol/thing-errors.js';
import { parseTopicPath } from '../protocol/topic-path.js';
import { DITTO_PROTOCOL_CONTENT_TYPE, mediaTypeOf, payloadKindOf } from './content-types.js';
import { DEFAULT_CONTENT_TYPE_BLOCKLIST, parseProtocolPayload, protocolExternalMessage } from './ditto-mapper.js';
import { mappingFailed } from './mapping-errors.js';
import { CONTENT_TYPE_BLOCKLIST, compileOptionTemplate, stringMapOption, stringOption } from './mapper-options.js';
import type { ConfiguredMapper, MappingContext, PayloadMapper } from './payload-mapper.js';
import { rawMessageOutbound } from './raw-message-outbound.js';

const CONTENT_TYPE = 'content-type';
const DEFAULT_INCOMING_HEADERS: Readonly<Record<string, string>> = {
  [CONTENT_TYPE]: "{{header:content-type|fn:default('application/octet-stream')}}",
  'ditto-message-direction': "{{header:ditto-message-direction|fn:default('TO')}}",
  'ditto-message-thing-id': '{{header:ditto-message-thing-id}}',
  'ditto-message-subject': '{{header:ditto-message-subject}}',
  status: '{{header:status}}',
  'ditto-message-feature-id': '{{header:ditto-message-feature-id}}',
};

function formatInvalid(message: string, description: string): DittoError {
  return new DittoError({ status: 400, error: 'messages:message.format.invalid', message, description });
}

function resolveHeaders(templates: ReadonlyMap<string, CompiledTemplate>, message: ExternalMessage, context: MappingContext): Map<string, string> {
  const placeholders = { headers: message.headers, time: context.now, request: { subjectIds: context.authorizationSubjects } };
  const resolved = new Map<string, string>();
  for (const [name, template] of templates) {
    const value = firstValue(template.evaluate(placeholders, { caseInsensitiveHeaders: true }));
    if (value !== undefined) resolved.set(name, value);
  }
  return resolved;
}

function required(headers: Map<string, string>, name: string, contentType: string): string {
  const value = headers.get(name);
  if (value === undefined || value.length === 0) throw mappingFailed(contentType, `The RawMessage mapper could not resolve the message header '${name}'.`);
  return value;
}

function payloadValue(message: ExternalMessage, contentType: string): JsonValue | undefined {
  const kind = payloadKindOf(contentType);
  if (kind === 'binary') {
    const bytes = message.bytePayload ?? (message.textPayload === undefined ? undefined : new TextEncoder().encode(message.textPayload));
    return bytes === undefined ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
  const text = message.textPayload ?? (message.bytePayload === undefined ? undefined : new TextDecoder().decode(message.bytePayload));
  if (text === undefined || kind === 'text') return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw jsonInvalid(`Failed to parse JSON string '${text.length > 100 ? `${text.slice(0, 100)}…` : text}'!`);
  }
}

function liveMessage(message: ExternalMessage, headers: Map<string, string>, contentType: string): DittoProtocolMessage {
  const thingId = required(headers, 'ditto-message-thing-id', contentType);
  const subject = required(headers, 'ditto-message-subject', contentType);
  const id = parseNamespacedId(thingId);
  if (id === undefined) throw thingIdInvalid(thingId);
  const direction = (headers.get('ditto-message-direction') ?? 'TO').toUpperCase();
  if (direction !== 'TO' && direction !== 'FROM') throw mappingFailed(contentType, `The message direction '${direction}' is neither 'TO' nor 'FROM'.`);
  const featureId = headers.get('ditto-message-feature-id');
  const box = direction === 'TO' ? 'inbox' : 'outbox';
  const path = `${featureId ? `/features/${featureId}` : ''}/${box}/messages/${subject}`;
  const result: { -readonly [K in keyof DittoProtocolMessage]: DittoProtocolMessage[K] } = {
    topic: `${id.namespace}/${id.name}/things/live/messages/${subject}`,
    headers: { [CONTENT_TYPE]: contentType },
    path,
  };
  const status = headers.get('status');
  if (status !== undefined && status.length > 0) {
    const code = Number(status);
    if (!Number.isInteger(code) || code < 100 || code > 599) throw mappingFailed(contentType, `The status '${status}' is not an HTTP status code.`);
    result.status = code;
  }
  const value = payloadValue(message, contentType);
  if (value !== undefined) result.value = value;
  return result;
}

/**
 * `RawMessage` (mapping.md §4.5): live messages carry their payload as is (text, JSON or Base64 bytes),
 * addressed by `ditto-message-*` headers; Ditto Protocol content and every other signal go through
 * the Ditto mapper. Options: `outgoingContentType`, `incomingMessageHeaders` (templates).
 * @public
 */
export const RAW_MESSAGE_MAPPER: PayloadMapper = {
  alias: 'RawMessage',
  className: 'RawMessageMapper',
  direction: 'both',
  mandatoryOptions: [],
  defaultOptions: { [CONTENT_TYPE_BLOCKLIST]: DEFAULT_CONTENT_TYPE_BLOCKLIST, outgoingContentType: 'text/plain; charset=UTF-8' },
  configure(options): ConfiguredMapper {
    const outgoingContentType = stringOption(options, 'outgoingContentType') ?? 'text/plain; charset=UTF-8';
    const given = stringMapOption(options, 'incomingMessageHeaders') ?? new Map<string, string>();
    const templates = new Map<string, CompiledTemplate>();
    for (const [name, text] of [...Object.entries(DEFAULT_INCOMING_HEADERS), ...given]) {
      templates.set(name.toLowerCase(), compileOptionTemplate(`incomingMessageHeaders/${name}`, text));
    }
    return {
      mapInbound(message, context) {
        const headers = resolveHeaders(templates, message, context);
        const contentType = headers.get(CONTENT_TYPE);
        if (contentType === undefined) {
          throw formatInvalid(
            'The RawMessage mapper failed to resolve content-type of an incoming message.',
            "Please ensure that 'content-type' is defined and resolvable in the mapper configuration 'incomingMessageHeaders'.",
          );
        }
        if (mediaTypeOf(contentType) === DITTO_PROTOCOL_CONTENT_TYPE) return [parseProtocolPayload(message)];
        return [liveMessage(message, headers, contentType)];
      },
      mapOutbound(message) {
        const topic = parseTopicPath(message.topic);
        if (topic.criterion === 'messages') {
          const own = headerValue(message.headers, CONTENT_TYPE);
          const contentType = own === undefined || own === null ? outgoingContentType : headerString(own);
          if (mediaTypeOf(contentType) !== DITTO_PROTOCOL_CONTENT_TYPE) return [rawMessageOutbound(message, topic, contentType)];
        }
        return [protocolExternalMessage(message)];
      },
    };
  },
};
