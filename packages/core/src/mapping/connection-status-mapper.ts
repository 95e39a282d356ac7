import type { ExternalMessage } from '../binding-api/external-message.js';
import type { JsonObject } from '../json/json-value.js';
import { parseNamespacedId } from '../model/entity-id.js';
import type { NamespacedId } from '../model/entity-id.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import { firstValue } from '../placeholders/pipeline-element.js';
import { formatInstant } from '../placeholders/namespaces/time-expression.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { headerValue } from '../protocol/headers.js';
import { thingIdInvalid } from '../protocol/thing-errors.js';
import { mapperConfigInvalid } from './mapping-errors.js';
import { compileOptionTemplate, stringOption } from './mapper-options.js';
import type { ConfiguredMapper, PayloadMapper } from './payload-mapper.js';

/** The feature definition the ConnectionStatus mapper writes. */
const FEATURE_DEFINITION = 'org.eclipse.ditto:ConnectionStatus:1.0.0';
const READY_FOREVER = '9999-12-31T23:59:59Z';
const INTEGER = /^[+-]?\d{1,16}$/;
const HEADER_ONLY = ['header'];

function integerHeader(headers: Readonly<Record<string, string>>, name: string, minimum: number): number | undefined {
  const text = headerValue(headers, name);
  if (typeof text !== 'string' || !INTEGER.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value >= minimum ? value : undefined;
}

function resolveId(template: CompiledTemplate, message: ExternalMessage): string | undefined {
  try {
    return firstValue(template.evaluate({ headers: message.headers }, { caseInsensitiveHeaders: true }));
  } catch {
    return undefined;
  }
}

function iso(epochMillis: number): string | undefined {
  return Number.isFinite(epochMillis) && Math.abs(epochMillis) <= 8.64e15 ? formatInstant(epochMillis) : undefined;
}

function statusCommand(thingId: NamespacedId, featureId: string, creationTime: number, ttd: number): DittoProtocolMessage | undefined {
  const topic = `${thingId.namespace}/${thingId.name}/things/twin/commands/modify`;
  const headers = { 'response-required': false, 'requested-acks': [] };
  const readySince = iso(creationTime);
  if (readySince === undefined) return undefined;
  if (ttd === 0) return { topic, headers, path: `/features/${featureId}/properties/status/readyUntil`, value: readySince };
  const readyUntil = ttd === -1 ? READY_FOREVER : iso(creationTime + ttd * 1000);
  if (readyUntil === undefined) return undefined;
  const value: JsonObject = { definition: [FEATURE_DEFINITION], properties: { status: { readySince, readyUntil } } };
  return { topic, headers, path: `/features/${featureId}`, value };
}

/**
 * `ConnectionStatus` (mapping.md §4.4), inbound only: Hono's `creation-time` and `ttd` headers
 * become a modify command of the connection status feature. Options: `thingId` (required, template
 * over `header:`), `featureId` (default `ConnectionStatus`). Any problem drops the message.
 * @public
 */
export const CONNECTION_STATUS_MAPPER: PayloadMapper = {
  alias: 'ConnectionStatus',
  className: 'ConnectionStatusMessageMapper',
  direction: 'inbound',
  mandatoryOptions: ['thingId'],
  defaultOptions: { featureId: 'ConnectionStatus' },
  configure(options): ConfiguredMapper {
    const thingIdText = stringOption(options, 'thingId') ?? '';
    const thingId = compileOptionTemplate('thingId', thingIdText, HEADER_ONLY);
    if (!thingId.hasPlaceholders && parseNamespacedId(thingIdText) === undefined) {
      const invalid = thingIdInvalid(thingIdText);
      throw mapperConfigInvalid(invalid.message, invalid.description);
    }
    const featureId = compileOptionTemplate('featureId', stringOption(options, 'featureId') ?? 'ConnectionStatus', HEADER_ONLY);
    return {
      mapInbound(message) {
        const creationTime = integerHeader(message.headers, 'creation-time', 0);
        const ttd = integerHeader(message.headers, 'ttd', -1);
        const id = resolveId(thingId, message);
        const feature = resolveId(featureId, message);
        const parsedId = id === undefined ? undefined : parseNamespacedId(id);
        if (creationTime === undefined || ttd === undefined || parsedId === undefined || feature === undefined || feature.length === 0 || feature.includes('/')) return [];
        const command = statusCommand(parsedId, feature, creationTime, ttd);
        return command === undefined ? [] : [command];
      },
      mapOutbound: () => [],
    };
  },
};
