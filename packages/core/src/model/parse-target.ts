import type { JsonObject } from '../json/json-value.js';
import type { Target } from './connection.js';
import { distinct, optionalInteger, optionalString, requireString, stringList, stringMap } from './json-fields.js';
import { canonicalTargetTopic } from './canonical-target-topic.js';

/** Reads one target (§6); topics are parsed, canonicalised and de-duplicated. */
export function parseTarget(json: JsonObject, pointer: string): Target {
  const qos = optionalInteger(json, 'qos', `${pointer}/qos`);
  const label = optionalString(json, 'issuedAcknowledgementLabel', `${pointer}/issuedAcknowledgementLabel`);
  const topics = stringList(json, 'topics', `${pointer}/topics`, false) ?? [];
  return {
    address: requireString(json, 'address', `${pointer}/address`),
    topics: distinct(topics.map(canonicalTargetTopic)),
    ...(qos !== undefined ? { qos } : {}),
    authorizationContext: stringList(json, 'authorizationContext', `${pointer}/authorizationContext`, false) ?? [],
    ...(label !== undefined ? { issuedAcknowledgementLabel: label } : {}),
    headerMapping: stringMap(json, 'headerMapping', `${pointer}/headerMapping`) ?? {},
    payloadMapping: stringList(json, 'payloadMapping', `${pointer}/payloadMapping`, false) ?? [],
  };
}
