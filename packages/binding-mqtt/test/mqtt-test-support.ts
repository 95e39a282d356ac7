import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import type { Endpoint, Observer, TestAddresses } from '@twinlink/testkit';

/** Host and port of a broker URL such as `tcp://user:pass@127.0.0.1:1883`. */
export function endpointOf(url: string): Endpoint {
  const parsed = new URL(url.replace(/^tcp:/, 'http:').replace(/^ssl:/, 'https:'));
  return { host: parsed.hostname, port: Number(parsed.port) };
}

/** Credentials of a broker URL, for the test's own clients. */
export function credentialsOf(url: string): { username?: string; password?: string } {
  const parsed = new URL(url.replace(/^tcp:/, 'http:'));
  return parsed.username ? { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : {};
}

/** Unique addresses per test. */
export function freshAddresses(): Required<TestAddresses> {
  const id = randomUUID().slice(0, 8);
  return { source: `conformance/${id}/in`, target: `conformance/${id}/out` };
}

/** A connection JSON of `type` for a broker, with one source (qos 1) and one target. */
export function mqttConnectionJson(type: 'mqtt' | 'mqtt-5', uri: string, addresses: TestAddresses, specificConfig: Record<string, string> = {}): Record<string, unknown> {
  return {
    id: `conn-${randomUUID().slice(0, 8)}`,
    connectionType: type,
    connectionStatus: 'open',
    uri,
    specificConfig,
    sources: [{ addresses: [addresses.source], qos: 1, authorizationContext: ['integration:test'] }],
    targets: [{ address: addresses.target, topics: ['_/_/things/twin/events'], qos: 1, authorizationContext: ['integration:test'] }],
  };
}

/** A plain mqtt.js client of the test itself (producer or observer). */
export async function testClient(url: string, version: 4 | 5 = 4): Promise<MqttClient> {
  const { host, port } = endpointOf(url);
  return mqtt.connectAsync({ host, port, protocolVersion: version, reconnectPeriod: 0, clientId: `test-${randomUUID().slice(0, 8)}`, ...credentialsOf(url) });
}

/** Publishes one QoS 1 message. */
export async function inject(url: string, address: string, text: string, version: 4 | 5 = 4): Promise<void> {
  const client = await testClient(url, version);
  await client.publishAsync(address, text, { qos: 1 });
  await client.endAsync();
}

/** Subscribes to `address` and yields what arrives. */
export async function observe(url: string, address: string, version: 4 | 5 = 4): Promise<Observer> {
  const client = await testClient(url, version);
  const queue: { text: string; headers: Record<string, string> }[] = [];
  const waiters: (() => void)[] = [];
  client.on('message', (_topic, payload, packet) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(packet.properties?.userProperties ?? {})) headers[name] = String(value);
    queue.push({ text: payload.toString('utf8'), headers });
    for (const wake of waiters.splice(0)) wake();
  });
  await client.subscribeAsync(address, { qos: 1 });
  return {
    async next(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (queue.length === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Nothing arrived on '${address}' within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return queue.shift()!;
    },
    async close() {
      await client.endAsync();
    },
  };
}
