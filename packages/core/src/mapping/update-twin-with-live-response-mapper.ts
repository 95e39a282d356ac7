import type { ExternalMessage } from '../binding-api/external-message.js';
import type { JsonValue } from '../json/json-value.js';
import { isJsonObject } from '../json/json-value.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import { PLACEHOLDER_PREFIXES } from '../placeholders/namespaces/namespace-registry.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import type { DittoProtocolMessage, HeaderValue } from '../protocol/envelope.js';
import { DittoHeaders, headerString, headerValue } from '../protocol/headers.js';
import { resolveKeepLiteral } from '../placeholders/positions.js';
import type { TopicPath } from '../protocol/topic-path.js';
import { parseTopicPath } from '../protocol/topic-path.js';
import { DEFAULT_CONTENT_TYPE_BLOCKLIST, parseProtocolPayload } from './ditto-mapper.js';
import { CONTENT_TYPE_BLOCKLIST, compileOptionTemplate, objectOption } from './mapper-options.js';
import type { ConfiguredMapper, MappingContext, PayloadMapper } from './payload-mapper.js';

type HeaderEntry = { readonly name: string; readonly template: CompiledTemplate } | { readonly name: string; readonly value: HeaderValue };

function liveRetrieveResponse(message: ExternalMessage): { response: DittoProtocolMessage; topic: TopicPath } | undefined {
  try {
    const response = parseProtocolPayload(message);
    const topic = parseTopicPath(response.topic);
    const isLiveRetrieveResponse =
      topic.group === 'things' && topic.channel === 'live' && topic.criterion === 'commands' && topic.action === 'retrieve' && response.status !== undefined;
    return isLiveRetrieveResponse ? { response, topic } : undefined;
  } catch {
    return undefined;
  }
}

// keep-literal (placeholders.md §2): whatever does not resolve stays as written
function keepLiteral(template: CompiledTemplate, context: PlaceholderContext): string {
  try {
    return resolveKeepLiteral(template, context, { caseInsensitiveHeaders: true });
  } catch {
    return template.template;
  }
}

function mergeHeaders(entries: readonly HeaderEntry[], message: ExternalMessage, context: MappingContext, correlationId: HeaderValue | undefined): DittoHeaders {
  const placeholders = { headers: message.headers, time: context.now, request: { subjectIds: context.authorizationSubjects } };
  const headers = new DittoHeaders();
  for (const entry of entries) {
    headers.set(entry.name, 'template' in entry ? keepLiteral(entry.template, placeholders) : entry.value);
  }
  if (correlationId !== undefined && correlationId !== null) headers.set('correlation-id', `${headerString(correlationId)}-merge-into-twin`);
  headers.set('content-type', 'application/merge-patch+json');
  return headers;
}

/**
 * `UpdateTwinWithLiveResponse` (mapping.md §4.7), inbound only: a live `retrieve` response becomes
 * a twin `merge` command with the response's value. Option: `dittoHeadersForMerge` (values may use
 * placeholders; unresolvable ones are kept literally). Everything else is dropped.
 * @public
 */
export const UPDATE_TWIN_WITH_LIVE_RESPONSE_MAPPER: PayloadMapper = {
  alias: 'UpdateTwinWithLiveResponse',
  className: 'UpdateTwinWithLiveResponseMessageMapper',
  direction: 'inbound',
  mandatoryOptions: [],
  defaultOptions: { [CONTENT_TYPE_BLOCKLIST]: DEFAULT_CONTENT_TYPE_BLOCKLIST, dittoHeadersForMerge: { 'response-required': false, 'if-match': '*' } },
  configure(options): ConfiguredMapper {
    const given = objectOption(options, 'dittoHeadersForMerge') ?? {};
    const entries: HeaderEntry[] = Object.keys(given).map((name) => {
      const value = given[name] as JsonValue;
      if (typeof value === 'string') return { name, template: compileOptionTemplate(`dittoHeadersForMerge/${name}`, value, PLACEHOLDER_PREFIXES) };
      return { name, value: isJsonObject(value) ? JSON.stringify(value) : value };
    });
    return {
      mapInbound(message, context) {
        const found = liveRetrieveResponse(message);
        if (found === undefined) return [];
        const { response, topic } = found;
        const headers = mergeHeaders(entries, message, context, headerValue(response.headers, 'correlation-id'));
        return [
          {
            topic: `${topic.namespace}/${topic.name}/things/twin/commands/merge`,
            headers: headers.toObject(),
            path: response.path,
            value: response.value ?? null,
          },
        ];
      },
      mapOutbound: () => [],
    };
  },
};
