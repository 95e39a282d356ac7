import { DittoError, isDittoErrorJson } from '../errors/ditto-error.js';
import type { JsonObject, JsonValue } from '../json/json-value.js';
import { isJsonObject, ownValue } from '../json/json-value.js';
import { parseNamespacedId } from '../model/entity-id.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import { firstValue } from '../placeholders/pipeline-element.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import { resolveFirstOrError } from '../placeholders/positions.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { DittoHeaders } from '../protocol/headers.js';
import { jsonInvalid } from '../protocol/protocol-errors.js';
import { policyIdInvalid, thingIdInvalid } from '../protocol/thing-errors.js';
import { parseTopicPath } from '../protocol/topic-path.js';
import { mapperConfigInvalid, mapperOptionMissing } from './mapping-errors.js';
import { booleanOption, compileOptionTemplate, stringMapOption } from './mapper-options.js';
import type { ConfiguredMapper, MapperOptions, PayloadMapper } from './payload-mapper.js';

const THING_FIELDS = ['thingId', 'policyId', 'definition', 'attributes', 'features', '_policy', '_copyPolicyFrom'];

function thingTemplateOf(options: MapperOptions): JsonObject {
  const option = ownValue(options, 'thing');
  let thing: unknown = option;
  if (typeof option === 'string') {
    try {
      thing = JSON.parse(option);
    } catch {
      thing = undefined;
    }
  }
  if (!isJsonObject(thing)) throw mapperConfigInvalid("The mapper option 'thing' must be a JSON object.");
  return thing;
}

function checkLiteralId(thing: JsonObject, field: 'thingId' | 'policyId'): void {
  const id = ownValue(thing, field);
  if (id === undefined) {
    if (field === 'thingId') throw mapperOptionMissing('thing/thingId');
    return;
  }
  if (typeof id !== 'string') throw mapperConfigInvalid(`The field '${field}' of the mapper option 'thing' must be a string.`);
  if (compileOptionTemplate(`thing/${field}`, id, null).hasPlaceholders || parseNamespacedId(id) !== undefined) return;
  const invalid = field === 'thingId' ? thingIdInvalid(id) : policyIdInvalid(id);
  throw mapperConfigInvalid(invalid.message, invalid.description);
}

function createThingValue(resolved: unknown): { topic: string; value: JsonObject } {
  if (!isJsonObject(resolved)) throw jsonInvalid('The resolved thing template is not a JSON object.');
  const value: JsonObject = {};
  for (const field of THING_FIELDS) {
    const fieldValue = ownValue(resolved, field);
    if (fieldValue !== undefined) value[field] = fieldValue as JsonValue;
  }
  const thingId = value['thingId'];
  const id = typeof thingId === 'string' ? parseNamespacedId(thingId) : undefined;
  if (id === undefined) throw thingIdInvalid(String(thingId));
  const policy = value['_policy'];
  if (policy !== undefined && !isJsonObject(policy)) throw jsonInvalid("The inline policy '_policy' of the thing template must be a JSON object.");
  return { topic: `${id.namespace}/${id.name}/things/twin/commands/create`, value };
}

/**
 * `ImplicitThingCreation` (mapping.md §4.6), inbound only: every message creates the thing of the
 * `thing` template (placeholders `header:`, `time:`, `request:`), with an inline `_policy`; outbound,
 * error responses of that creation are raised as errors. Options: `thing` (required),
 * `commandHeaders` (default `{"If-None-Match": "*"}`), `allowPolicyLockout` (default true).
 * @public
 */
export const IMPLICIT_THING_CREATION_MAPPER: PayloadMapper = {
  alias: 'ImplicitThingCreation',
  className: 'ImplicitThingCreationMessageMapper',
  direction: 'inbound',
  mandatoryOptions: ['thing'],
  defaultOptions: { commandHeaders: { 'If-None-Match': '*' }, allowPolicyLockout: true },
  configure(options): ConfiguredMapper {
    const thing = thingTemplateOf(options);
    checkLiteralId(thing, 'thingId');
    checkLiteralId(thing, 'policyId');
    // only compiled: placeholders of other scopes (`ref:`) fail per message, as in Ditto (divergence 17)
    const template = compileOptionTemplate('thing', JSON.stringify(thing), null);
    const fixed = template.hasPlaceholders ? undefined : createThingValue(thing);
    const commandHeaders: [string, CompiledTemplate][] = [['if-none-match', compileOptionTemplate('commandHeaders', '*')]];
    for (const [name, text] of stringMapOption(options, 'commandHeaders') ?? []) commandHeaders.push([name, compileOptionTemplate(`commandHeaders/${name}`, text)]);
    const allowPolicyLockout = booleanOption(options, 'allowPolicyLockout', true);
    return {
      mapInbound(message, context): DittoProtocolMessage[] {
        const placeholders: PlaceholderContext = { headers: message.headers, time: context.now, request: { subjectIds: context.authorizationSubjects } };
        let created = fixed;
        if (created === undefined) {
          const text = resolveFirstOrError(template, placeholders, { caseInsensitiveHeaders: true });
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            throw jsonInvalid(`Failed to parse the resolved thing template '${text.length > 100 ? `${text.slice(0, 100)}…` : text}'!`);
          }
          created = createThingValue(parsed);
        }
        const headers = new DittoHeaders();
        for (const [name, header] of commandHeaders) {
          const value = firstValue(header.evaluate(placeholders, { caseInsensitiveHeaders: true }));
          if (value !== undefined) headers.set(name.toLowerCase(), value);
        }
        headers.set('allow-policy-lockout', allowPolicyLockout);
        return [{ topic: created.topic, headers: headers.toObject(), path: '/', value: created.value }];
      },
      mapOutbound(message) {
        if (parseTopicPath(message.topic).criterion !== 'errors') return [];
        if (isDittoErrorJson(message.value)) throw new DittoError(message.value);
        return [];
      },
    };
  },
};
