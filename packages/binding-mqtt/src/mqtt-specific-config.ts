import type { Connection, SpecificConfigKey } from '@twinlink/core';

/** The `specificConfig` keys both MQTT connection types understand (bindings.md §3). @internal */
export const MQTT_SPECIFIC_CONFIG: readonly SpecificConfigKey[] = [
  { key: 'clientId', description: 'Client identifier of the subscribing client; with clientCount > 1 suffixed with _<instance id>.', default: 'the connection id' },
  { key: 'separatePublisherClient', description: 'Publish through a second connection.', default: 'false' },
  { key: 'publisherId', description: 'Client identifier of the separate publishing client.', default: '<clientId>p' },
  { key: 'cleanSession', description: 'MQTT 3 clean session / MQTT 5 clean start of the subscribing client.', default: 'false' },
  { key: 'reconnectForRedelivery', description: 'On a failed, redelivery-worthy settlement reconnect without acknowledging, so the broker redelivers.', default: 'false' },
  { key: 'reconnectForRedeliveryDelay', description: 'Delay before that reconnect (HOCON duration, at least 1s).', default: '10s' },
  { key: 'keepAlive', description: 'Keep-alive interval (HOCON duration; a bare number is milliseconds), 0 to 65535 s.', default: '60s' },
  { key: 'lastWillTopic', description: 'Enables a last-will message on this topic.' },
  { key: 'lastWillQos', description: 'QoS of the last-will message.', default: '0' },
  { key: 'lastWillRetain', description: 'Retain flag of the last-will message.', default: 'false' },
  { key: 'lastWillMessage', description: 'UTF-8 payload of the last-will message.', default: '' },
];

/** Parsed MQTT settings of one connection; built after validation passed. @internal */
export interface MqttSettings {
  readonly clientId: string;
  readonly publisherId: string;
  readonly separatePublisherClient: boolean;
  readonly cleanSession: boolean;
  readonly reconnectForRedelivery: boolean;
  readonly reconnectForRedeliveryDelayMs: number;
  readonly keepAliveSeconds: number;
  readonly lastWill?: { readonly topic: string; readonly qos: 0 | 1 | 2; readonly retain: boolean; readonly payload: string };
}

const DEFAULT_KEEP_ALIVE_MS = 60_000;
const DEFAULT_REDELIVERY_DELAY_MS = 10_000;
const MIN_REDELIVERY_DELAY_MS = 1_000;

/**
 * Client identifiers per spec: `clientId` (default: connection id), `publisherId` (default
 * `<clientId>p`); with clientCount > 1 both get `_<instanceId>` so that the clients of one
 * connection never take over each other's session.
 * @internal
 */
export function clientIds(connection: Connection, instanceId: string): { clientId: string; publisherId: string } {
  const base = connection.specificConfig['clientId'] || connection.id;
  const publisherBase = connection.specificConfig['publisherId'] || `${base}p`;
  if (connection.clientCount <= 1) return { clientId: base, publisherId: publisherBase };
  return { clientId: `${base}_${instanceId}`, publisherId: `${publisherBase}_${instanceId}` };
}

/**
 * The settings of a validated connection. Lenient where Ditto is: non-integer `lastWillQos` is 0,
 * non-boolean flags are false, a redelivery delay under 1s is 1s.
 * @internal
 */
export function parseMqttSettings(connection: Connection, instanceId: string, parseDuration: (text: string) => number | undefined): MqttSettings {
  const config = connection.specificConfig;
  const keepAliveMs = config['keepAlive'] !== undefined ? parseDuration(config['keepAlive']) ?? DEFAULT_KEEP_ALIVE_MS : DEFAULT_KEEP_ALIVE_MS;
  const delayMs = config['reconnectForRedeliveryDelay'] !== undefined ? parseDuration(config['reconnectForRedeliveryDelay']) ?? DEFAULT_REDELIVERY_DELAY_MS : DEFAULT_REDELIVERY_DELAY_MS;
  const lastWillTopic = config['lastWillTopic'];
  return {
    ...clientIds(connection, instanceId),
    separatePublisherClient: isTrue(config['separatePublisherClient']),
    cleanSession: isTrue(config['cleanSession']),
    reconnectForRedelivery: isTrue(config['reconnectForRedelivery']),
    reconnectForRedeliveryDelayMs: Math.max(MIN_REDELIVERY_DELAY_MS, delayMs),
    keepAliveSeconds: Math.trunc(keepAliveMs / 1000),
    ...(lastWillTopic !== undefined && {
      lastWill: { topic: lastWillTopic, qos: lastWillQos(config['lastWillQos']) ?? 0, retain: isTrue(config['lastWillRetain']), payload: config['lastWillMessage'] ?? '' },
    }),
  };
}

/** `lastWillQos` as an integer when it is one (range not checked), else undefined. @internal */
export function lastWillQos(text: string | undefined): 0 | 1 | 2 | undefined {
  if (text === undefined || !/^\s*-?\d+\s*$/.test(text)) return undefined;
  return Number(text) as 0 | 1 | 2;
}

function isTrue(text: string | undefined): boolean {
  return text?.trim().toLowerCase() === 'true';
}
