import { validateConnection } from '@twinlink/core';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import binding from './index.js';

type Json = Record<string, unknown>;

const CA = readFileSync(new URL('../../core/test/fixtures/test-cert.pem', import.meta.url), 'utf8');

function mqttConnection(overrides: Json = {}): Json {
  return {
    id: 'mqtt-conn',
    connectionType: 'mqtt',
    connectionStatus: 'open',
    uri: 'tcp://broker:1883',
    sources: [{ addresses: ['telemetry/+/data'], qos: 1, authorizationContext: ['integration:iot'] }],
    targets: [{ address: 'events/{{ thing:id }}', topics: ['_/_/things/twin/events'], qos: 0, authorizationContext: ['integration:iot'] }],
    ...overrides,
  };
}

const source = (overrides: Json) => ({ addresses: ['a/b'], qos: 1, authorizationContext: ['integration:iot'], ...overrides });
const target = (overrides: Json) => ({ address: 'x/y', topics: ['_/_/things/twin/events'], qos: 1, authorizationContext: ['integration:iot'], ...overrides });

function errorOf(json: Json) {
  const result = validateConnection(json, { bindings: [binding] });
  return result.valid ? undefined : result.error;
}

describe('MQTT validation', () => {
  it('accepts a valid MQTT 3.1.1 and MQTT 5 connection', () => {
    expect(errorOf(mqttConnection())).toBeUndefined();
    expect(errorOf(mqttConnection({ connectionType: 'mqtt-5', clientCount: 3 }))).toBeUndefined();
    expect(errorOf(mqttConnection({ uri: 'ssl://broker:8883', ca: CA }))).toBeUndefined();
  });

  it('accepts tcp, ssl, ws and wss and nothing else', () => {
    for (const uri of ['tcp://h:1', 'ssl://h:1', 'ws://h:1/mqtt', 'wss://h:1/mqtt']) expect(errorOf(mqttConnection({ uri }))).toBeUndefined();
    expect(errorOf(mqttConnection({ uri: 'amqp://h:1' }))).toMatchObject({ error: 'connectivity:connection.uri.invalid' });
    expect(errorOf(mqttConnection({ uri: 'tcp://h:1', ca: CA }))).toMatchObject({ error: 'connectivity:connection.uri.invalid' });
  });

  it('limits MQTT 3.1.1 to one client and one consumer', () => {
    expect(errorOf(mqttConnection({ clientCount: 2 }))).toMatchObject({ status: 400, error: 'connectivity:connection.configuration.invalid', message: 'Client count limited to 1 for MQTT 3.1.1 connections.' });
    expect(errorOf(mqttConnection({ sources: [source({ consumerCount: 2 })] }))).toMatchObject({ message: 'Consumer count limited to 1 for MQTT 3.1.1 connections.' });
    expect(errorOf(mqttConnection({ connectionType: 'mqtt-5', sources: [source({ consumerCount: 2 })] }))).toBeUndefined();
  });

  it('checks source topic filters on the raw text', () => {
    expect(errorOf(mqttConnection({ sources: [source({ addresses: ['a/#/b'] })] }))).toMatchObject({ message: "Invalid value 'a/#/b' for configuration 'address' of source 0." });
    expect(errorOf(mqttConnection({ sources: [source({ addresses: ['a/b+'] })] }))).toMatchObject({ error: 'connectivity:connection.configuration.invalid' });
    expect(errorOf(mqttConnection({ sources: [source({ addresses: ['$share/group/a/#', '+/x'] })] }))).toBeUndefined();
  });

  it('rejects wildcards in target addresses', () => {
    expect(errorOf(mqttConnection({ targets: [target({ address: 'x/+' })] }))).toMatchObject({ message: "Invalid value 'x/+' for configuration 'address' of target 0." });
    expect(errorOf(mqttConnection({ targets: [target({ address: 'x/#' })] }))).toMatchObject({ error: 'connectivity:connection.configuration.invalid' });
  });

  it('requires qos 0..2 on sources and targets', () => {
    expect(errorOf(mqttConnection({ sources: [source({ qos: undefined })] }))).toMatchObject({ message: 'MQTT Source <a/b> must contain QoS value.' });
    expect(errorOf(mqttConnection({ sources: [source({ qos: 3 })] }))).toMatchObject({ message: "Invalid value '3' for configuration 'qos' of source 0." });
    expect(errorOf(mqttConnection({ targets: [target({ qos: undefined })] }))).toMatchObject({ message: 'MQTT Target <x/y> must contain QoS value.' });
    expect(errorOf(mqttConnection({ targets: [target({ qos: -1 })] }))).toMatchObject({ message: "Invalid value '-1' for configuration 'qos' of target 0." });
  });

  it('restricts MQTT 3.1.1 header mappings, not MQTT 5 ones', () => {
    const badSource = { sources: [source({ headerMapping: { 'device-id': '{{ header:device }}' } })] };
    expect(errorOf(mqttConnection(badSource))).toMatchObject({ error: 'connectivity:connection.configuration.invalid', message: expect.stringContaining('MQTT 3.1.1 source header mapping') });
    expect(errorOf(mqttConnection({ sources: [source({ headerMapping: { t: 'pre-{{ header:mqtt.topic }}', c: 'constant' } })] }))).toBeUndefined();
    expect(errorOf(mqttConnection({ targets: [target({ headerMapping: { 'content-type': 'x' } })] }))).toMatchObject({ message: "The header 'content-type' is not allowed in MQTT 3.1.1 target header mapping." });
    expect(errorOf(mqttConnection({ targets: [target({ headerMapping: { 'mqtt.qos': '{{ thing:id }}' } })] }))).toMatchObject({ status: 400 });
    expect(errorOf(mqttConnection({ targets: [target({ headerMapping: { 'mqtt.retain': '{{ header:retain }}' } })] }))).toBeUndefined();
    const replyTarget = { address: 'r', headerMapping: { 'correlation-id': '{{ header:correlation-id }}' }, expectedResponseTypes: ['response'] };
    expect(errorOf(mqttConnection({ sources: [source({ replyTarget })] }))).toMatchObject({ message: "The header 'correlation-id' is not allowed in MQTT 3.1.1 target header mapping." });
    const mqtt5 = { connectionType: 'mqtt-5', ...badSource, targets: [target({ headerMapping: { 'content-type': '{{ unknown:x }}' } })] };
    expect(errorOf(mqttConnection(mqtt5))).toBeUndefined();
  });

  it('allows {{ source:address }} in the enforcement input, and headers only for MQTT 5', () => {
    const enforcement = (input: string) => ({ sources: [source({ enforcement: { input, filters: ['{{ thing:id }}'] } })] });
    expect(errorOf(mqttConnection(enforcement('{{ source:address }}')))).toBeUndefined();
    expect(errorOf(mqttConnection(enforcement('{{ header:device }}')))).toMatchObject({ status: 400 });
    expect(errorOf(mqttConnection({ connectionType: 'mqtt-5', ...enforcement('{{ header:device }}') }))).toBeUndefined();
  });

  it('checks keepAlive, the last will and the redelivery delay', () => {
    const config = (specificConfig: Json) => mqttConnection({ specificConfig });
    expect(errorOf(config({ keepAlive: '30s', cleanSession: 'true', clientId: 'x', lastWillTopic: 'will/x', lastWillQos: '2' }))).toBeUndefined();
    expect(errorOf(config({ keepAlive: '65536s' }))).toMatchObject({ message: 'Expected seconds of duration to be within [0, 65535] but it was 65536.' });
    expect(errorOf(config({ keepAlive: '60' }))).toBeUndefined();
    expect(errorOf(config({ keepAlive: 'soon' }))).toMatchObject({ message: "Invalid value 'soon' for configuration 'keepAlive' of specificConfig." });
    expect(errorOf(config({ lastWillTopic: 'will/#' }))).toMatchObject({ message: "Invalid value 'will/#' for configuration 'lastWillTopic' of specificConfig." });
    expect(errorOf(config({ lastWillTopic: 'will', lastWillQos: '3' }))).toMatchObject({ message: "Invalid value '3' for configuration 'lastWillQos' of specificConfig." });
    expect(errorOf(config({ lastWillTopic: 'will', lastWillQos: 'high' }))).toBeUndefined();
    expect(errorOf(config({ lastWillQos: '3' }))).toBeUndefined();
    expect(errorOf(config({ reconnectForRedeliveryDelay: 'never' }))).toMatchObject({ status: 400 });
  });

  it('never throws, whatever the connection', () => {
    const arbitrary = fc.record({
      connectionType: fc.constantFrom('mqtt', 'mqtt-5'),
      uri: fc.oneof(fc.constant('tcp://h:1'), fc.string()),
      clientCount: fc.anything(),
      sources: fc.array(fc.record({ addresses: fc.array(fc.string()), qos: fc.anything(), headerMapping: fc.dictionary(fc.string(), fc.string()), consumerCount: fc.anything(), authorizationContext: fc.constant(['a:b']) })),
      targets: fc.array(fc.record({ address: fc.string(), qos: fc.anything(), topics: fc.constant(['_/_/things/twin/events']), headerMapping: fc.dictionary(fc.string(), fc.string()), authorizationContext: fc.constant(['a:b']) })),
      specificConfig: fc.dictionary(fc.constantFrom('keepAlive', 'lastWillTopic', 'lastWillQos', 'reconnectForRedeliveryDelay', 'clientId'), fc.string()),
    });
    fc.assert(fc.property(arbitrary, (overrides) => {
      expect(() => validateConnection(mqttConnection(overrides), { bindings: [binding] })).not.toThrow();
    }));
  });
});
