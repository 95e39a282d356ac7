import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import type { IClientOptions, IClientPublishOptions, MqttClient } from 'mqtt';
import { eventually } from './eventually.js';
import { USER } from './http-client.js';
import type { ServiceProcess } from './service-process.js';

export { eventually, USER };

/** Owner `nginx:ditto`; the connections act as `integration:device` with full access to things. */
export const POLICY = {
  entries: {
    owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'thing:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'policy:/': { grant: ['READ', 'WRITE'], revoke: [] } } },
    device: { subjects: { 'integration:device': { type: 'device' } }, resources: { 'thing:/': { grant: ['READ', 'WRITE'], revoke: [] } } },
  },
};

/** Creates the policy (once) and a thing under it with the attribute `value` 0. */
export async function createThing(service: ServiceProcess, thingId: string, policyId = 'org.acme:mqtt-policy'): Promise<void> {
  const policy = await service.call('PUT', `/api/2/policies/${policyId}`, { auth: USER, body: POLICY });
  if (policy.status !== 201 && policy.status !== 204) throw new Error(`policy: ${policy.status} ${policy.text}`);
  const thing = await service.call('PUT', `/api/2/things/${thingId}`, { auth: USER, body: { policyId, attributes: { value: 0 } } });
  if (thing.status !== 201) throw new Error(`thing: ${thing.status} ${thing.text}`);
}

/** Reads a thing's attribute, `undefined` when absent. */
export async function attribute(service: ServiceProcess, thingId: string, name: string): Promise<unknown> {
  const response = await service.call('GET', `/api/2/things/${thingId}/attributes/${name}`, { auth: USER });
  return response.status === 200 ? response.json() : undefined;
}

/** A Ditto Protocol `modify` of one attribute of `thingId`. */
export function modifyAttribute(thingId: string, name: string, value: unknown, headers: Record<string, unknown> = {}): string {
  const [namespace, thingName] = thingId.split(':') as [string, string];
  return JSON.stringify({ topic: `${namespace}/${thingName}/things/twin/commands/modify`, headers, path: `/attributes/${name}`, value });
}

/** Options of {@link mqttConnection}. */
export interface MqttConnectionOptions {
  readonly id: string;
  readonly type: 'mqtt' | 'mqtt-5';
  readonly uri: string;
  /** Source topic filter; omitted: no source. */
  readonly source?: string;
  readonly sourceHeaderMapping?: Record<string, string>;
  readonly replyTarget?: Record<string, unknown>;
  /** Target topic prefix; the event of thing `ns:name` goes to `<prefix>/ns:name`. Omitted: no target. */
  readonly targetPrefix?: string;
  /** Only events of this namespace reach the target. */
  readonly namespace?: string;
  readonly specificConfig?: Record<string, string>;
}

/**
 * An open MQTT connection acting as `integration:device`. The source only admits commands for the
 * thing named by the topic: enforcement of `{{ source:address }}` against `telemetry/<namespace>/<name>`.
 */
export function mqttConnection(options: MqttConnectionOptions): Record<string, unknown> {
  const sources = options.source === undefined ? [] : [{
    addresses: [options.source],
    qos: 1,
    authorizationContext: ['integration:device'],
    enforcement: { input: '{{ source:address }}', filters: ['telemetry/{{ thing:namespace }}/{{ thing:name }}'] },
    ...(options.sourceHeaderMapping === undefined ? {} : { headerMapping: options.sourceHeaderMapping }),
    ...(options.replyTarget === undefined ? {} : { replyTarget: options.replyTarget }),
  }];
  const filter = options.namespace === undefined ? '' : `?namespaces=${options.namespace}`;
  const targets = options.targetPrefix === undefined ? [] : [{
    address: `${options.targetPrefix}/{{ thing:id }}`,
    topics: [`_/_/things/twin/events${filter}`],
    qos: 0,
    authorizationContext: ['integration:device'],
  }];
  return { id: options.id, name: options.id, connectionType: options.type, connectionStatus: 'open', uri: options.uri, specificConfig: options.specificConfig ?? {}, sources, targets };
}

/** Creates a connection and waits until its status says `open`. */
export async function openConnection(service: ServiceProcess, connection: Record<string, unknown>): Promise<void> {
  const id = String(connection['id']);
  const created = await service.call('PUT', `/api/2/connections/${id}`, { body: connection });
  if (created.status !== 201) throw new Error(`connection ${id}: ${created.status} ${created.text}`);
  await eventually(() => connectionStatus(service, id), (status) => status.liveStatus === 'open', 20_000, `connection ${id} open`);
}

/** The parts of a connection status the tests look at. */
export interface ConnectionStatus {
  readonly liveStatus?: string;
  readonly clientStatus?: { status: string; statusDetails?: string }[];
  readonly sourceStatus?: { status: string; statusDetails?: string }[];
}

export async function connectionStatus(service: ServiceProcess, id: string): Promise<ConnectionStatus> {
  return (await service.call('GET', `/api/2/connections/${id}/status`)).json<ConnectionStatus>();
}

/** A message a test client received. */
export interface Received {
  readonly topic: string;
  readonly text: string;
  readonly correlationData?: string;
}

/** An MQTT client of the test itself: publishes, and records everything arriving on its subscriptions. */
export class TestClient {
  readonly received: Received[] = [];

  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const correlation = packet.properties?.correlationData;
      this.received.push({ topic, text: payload.toString('utf8'), ...(correlation ? { correlationData: correlation.toString('utf8') } : {}) });
    });
  }

  static async connect(url: string, version: 4 | 5, options: IClientOptions = {}): Promise<TestClient> {
    const parsed = new URL(url.replace(/^tcp:/, 'http:'));
    const client = await mqtt.connectAsync({
      host: parsed.hostname,
      port: Number(parsed.port),
      protocolVersion: version,
      reconnectPeriod: 0,
      clientId: `test-${randomUUID().slice(0, 8)}`,
      ...(parsed.username ? { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : {}),
      ...options,
    });
    return new TestClient(client);
  }

  async subscribe(filter: string): Promise<void> {
    await this.client.subscribeAsync(filter, { qos: 1 });
  }

  async publish(topic: string, text: string, options: IClientPublishOptions = { qos: 1 }): Promise<void> {
    await this.client.publishAsync(topic, text, options);
  }

  /** Waits for a message on `topic` and returns it. */
  async next(topic: string, timeoutMs = 15_000): Promise<Received> {
    return eventually(async () => this.received.find((m) => m.topic === topic), (m) => m !== undefined, timeoutMs, `message on ${topic}`) as Promise<Received>;
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}

/** How many messages the connection's sources consumed in the last 24 hours. */
export async function consumed(service: ServiceProcess, id: string): Promise<number> {
  const metrics = (await service.call('GET', `/api/2/connections/${id}/metrics`)).json<{
    connectionMetrics?: { inbound?: { consumed?: { success?: { PT24H?: number } } } | null };
  }>();
  return metrics.connectionMetrics?.inbound?.consumed?.success?.PT24H ?? 0;
}
