import type { DittoError, Source, ValidationKit } from '@twinlink/core';
import { lastWillQos } from './mqtt-specific-config.js';
import { topicFilterProblem, topicProblem } from './topic-filter.js';

/** The MQTT protocol versions of the two connection types. @internal */
export type MqttVersion = 3 | 5;

/** The headers an MQTT 3.1.1 connection may map (source values, target keys). @internal */
export const MQTT3_HEADERS = ['mqtt.topic', 'mqtt.qos', 'mqtt.retain'] as const;

const MAX_KEEP_ALIVE_SECONDS = 65_535;
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/**
 * The MQTT rules that follow core's generic and declarative checks, in Ditto's order (bindings.md
 * §3 "Validation"): client count, address syntax, source qos and MQTT 3 restrictions, target qos and
 * MQTT 3 header mapping, then specificConfig. Returns the first problem; never throws.
 * @internal
 */
export function validateMqtt(kit: ValidationKit, version: MqttVersion): DittoError | undefined {
  const { connection } = kit;
  if (version === 3 && connection.clientCount > 1) return kit.invalid('Client count limited to 1 for MQTT 3.1.1 connections.');
  for (const [index, source] of connection.sources.entries()) {
    for (const address of source.addresses) {
      const problem = topicFilterProblem(address);
      if (problem) return invalidValue(kit, address, 'address', `source ${index}`, `The source address is not a valid MQTT topic filter: ${problem}.`);
    }
  }
  for (const [index, target] of connection.targets.entries()) {
    const problem = topicProblem(target.address);
    if (problem) return invalidValue(kit, target.address, 'address', `target ${index}`, `The target address is not a valid MQTT topic: ${problem}.`);
  }
  for (const [index, source] of connection.sources.entries()) {
    const error = checkSource(kit, version, source, index);
    if (error) return error;
  }
  for (const [index, target] of connection.targets.entries()) {
    if (target.qos === undefined) return kit.invalid(`MQTT Target <${target.address}> must contain QoS value.`);
    if (!isQos(target.qos)) return invalidValue(kit, String(target.qos), 'qos', `target ${index}`);
    if (version === 3) {
      const error = checkMqtt3TargetHeaderMapping(kit, target.headerMapping);
      if (error) return error;
    }
  }
  return checkSpecificConfig(kit);
}

function checkSource(kit: ValidationKit, version: MqttVersion, source: Source, index: number): DittoError | undefined {
  if (source.qos === undefined) return kit.invalid(`MQTT Source <${source.addresses.join(',')}> must contain QoS value.`);
  if (!isQos(source.qos)) return invalidValue(kit, String(source.qos), 'qos', `source ${index}`);
  if (version === 5) return undefined;
  for (const [key, value] of Object.entries(source.headerMapping)) {
    for (const match of value.matchAll(PLACEHOLDER)) {
      const expression = match[1] ?? '';
      if (!MQTT3_HEADERS.some((header) => expression === `header:${header}`)) {
        return kit.invalid(
          `The placeholder '${match[0]}' of the header mapping '${key}' of source ${index} is not allowed in MQTT 3.1.1 source header mapping.`,
          `Use constants or one of ${MQTT3_HEADERS.map((header) => `{{ header:${header} }}`).join(', ')}.`,
        );
      }
    }
  }
  if (source.replyTarget) {
    const error = checkMqtt3TargetHeaderMapping(kit, source.replyTarget.headerMapping);
    if (error) return error;
  }
  if (source.consumerCount > 1) return kit.invalid('Consumer count limited to 1 for MQTT 3.1.1 connections.');
  return undefined;
}

/** MQTT 3.1.1 has no properties: only the control headers can be mapped, from `header:` values. */
function checkMqtt3TargetHeaderMapping(kit: ValidationKit, headerMapping: Readonly<Record<string, string>>): DittoError | undefined {
  for (const [key, value] of Object.entries(headerMapping)) {
    if (!(MQTT3_HEADERS as readonly string[]).includes(key)) return kit.invalid(`The header '${key}' is not allowed in MQTT 3.1.1 target header mapping.`);
    const error = kit.checkPlaceholders(value, ['header'], `The header mapping '${key}'`);
    if (error) return error;
  }
  return undefined;
}

function checkSpecificConfig(kit: ValidationKit): DittoError | undefined {
  const config = kit.connection.specificConfig;
  for (const key of ['keepAlive', 'reconnectForRedeliveryDelay']) {
    const text = config[key];
    if (text === undefined) continue;
    const ms = kit.parseConfigDuration(text);
    if (ms === undefined) return invalidValue(kit, text, key, 'specificConfig', 'Expected a duration such as 60s or 500ms.');
    const seconds = Math.trunc(ms / 1000);
    if (key === 'keepAlive' && (seconds < 0 || seconds > MAX_KEEP_ALIVE_SECONDS)) {
      return kit.invalid(`Expected seconds of duration to be within [0, ${MAX_KEEP_ALIVE_SECONDS}] but it was ${seconds}.`);
    }
  }
  const willTopic = config['lastWillTopic'];
  if (willTopic !== undefined) {
    const problem = topicProblem(willTopic);
    if (problem) return invalidValue(kit, willTopic, 'lastWillTopic', 'specificConfig', `The last-will topic is not a valid MQTT topic: ${problem}.`);
    const qos = lastWillQos(config['lastWillQos']);
    if (qos !== undefined && !isQos(qos)) return invalidValue(kit, String(config['lastWillQos']), 'lastWillQos', 'specificConfig', 'Expected 0, 1 or 2.');
  }
  return undefined;
}

function isQos(value: number): boolean {
  return value === 0 || value === 1 || value === 2;
}

function invalidValue(kit: ValidationKit, value: string, name: string, location: string, detail?: string): DittoError {
  return kit.invalid(`Invalid value '${value}' for configuration '${name}' of ${location}.`, detail);
}
