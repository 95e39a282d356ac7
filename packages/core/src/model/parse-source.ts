import type { JsonObject } from '../json/json-value.js';
import type { AcknowledgementRequests, Enforcement, ReplyTarget, ResponseType, Source } from './connection.js';
import { implicitReplyTarget } from './implicit-reply-target.js';
import { configurationInvalid } from '../validation/validation-errors.js';
import {
  distinct,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  requireString,
  stringList,
  stringMap,
} from './json-fields.js';

const RESPONSE_TYPES: readonly ResponseType[] = ['response', 'error', 'nack'];
const DEFAULT_RESPONSE_TYPES: readonly ResponseType[] = ['response', 'error'];

/** Reads one source (§5) and applies the implicit default reply target of §5.4. */
export function parseSource(json: JsonObject, pointer: string, connectionType: string): Source {
  const enforcement = parseEnforcement(json, pointer);
  const acknowledgementRequests = parseAcknowledgementRequests(json, pointer);
  const qos = optionalInteger(json, 'qos', `${pointer}/qos`);
  const replyJson = optionalObject(json, 'replyTarget', `${pointer}/replyTarget`);
  const replyTargetEnabled = replyJson ? optionalBoolean(replyJson, 'enabled', `${pointer}/replyTarget/enabled`, true) : true;
  const explicitReply = replyJson ? parseReplyTarget(replyJson, `${pointer}/replyTarget`) : undefined;
  const source: Source = {
    addresses: distinct(stringList(json, 'addresses', `${pointer}/addresses`, true) ?? []),
    consumerCount: optionalInteger(json, 'consumerCount', `${pointer}/consumerCount`) ?? 1,
    ...(qos !== undefined ? { qos } : {}),
    authorizationContext: stringList(json, 'authorizationContext', `${pointer}/authorizationContext`, false) ?? [],
    ...(enforcement ? { enforcement } : {}),
    ...(acknowledgementRequests ? { acknowledgementRequests } : {}),
    declaredAcks: distinct(stringList(json, 'declaredAcks', `${pointer}/declaredAcks`, false) ?? []),
    headerMapping: stringMap(json, 'headerMapping', `${pointer}/headerMapping`) ?? {},
    payloadMapping: stringList(json, 'payloadMapping', `${pointer}/payloadMapping`, false) ?? [],
    ...(explicitReply ? { replyTarget: explicitReply } : {}),
    replyTargetEnabled,
  };
  return explicitReply || !replyTargetEnabled ? source : implicitReplyTarget(source, connectionType);
}

function parseEnforcement(json: JsonObject, pointer: string): Enforcement | undefined {
  const enforcement = optionalObject(json, 'enforcement', `${pointer}/enforcement`);
  if (!enforcement) return undefined;
  return {
    input: requireString(enforcement, 'input', `${pointer}/enforcement/input`),
    filters: stringList(enforcement, 'filters', `${pointer}/enforcement/filters`, true) ?? [],
  };
}

function parseAcknowledgementRequests(json: JsonObject, pointer: string): AcknowledgementRequests | undefined {
  const requests = optionalObject(json, 'acknowledgementRequests', `${pointer}/acknowledgementRequests`);
  if (!requests) return undefined;
  const filter = optionalString(requests, 'filter', `${pointer}/acknowledgementRequests/filter`);
  return {
    includes: distinct(stringList(requests, 'includes', `${pointer}/acknowledgementRequests/includes`, false) ?? []),
    ...(filter !== undefined ? { filter } : {}),
  };
}

/** `undefined` when no address is given: the object then only carries `enabled`. */
function parseReplyTarget(json: JsonObject, pointer: string): ReplyTarget | undefined {
  const address = optionalString(json, 'address', `${pointer}/address`);
  if (address === undefined) return undefined;
  const types = stringList(json, 'expectedResponseTypes', `${pointer}/expectedResponseTypes`, false);
  for (const type of types ?? []) {
    if (!RESPONSE_TYPES.includes(type as ResponseType)) {
      throw configurationInvalid(
        `The field <${pointer}/expectedResponseTypes> contains the unknown response type '${type}'.`,
        `Expected response types are: ${RESPONSE_TYPES.join(', ')}.`,
      );
    }
  }
  return {
    address,
    headerMapping: stringMap(json, 'headerMapping', `${pointer}/headerMapping`) ?? {},
    expectedResponseTypes: types ? (distinct(types) as ResponseType[]) : DEFAULT_RESPONSE_TYPES,
  };
}
