import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { startMosquitto, type RunningBroker } from '@twinlink/brokers';
import { requireBrokerEnv } from '@twinlink/brokers/jest';
import {
  attribute,
  connectionStatus,
  consumed,
  createThing,
  eventually,
  modifyAttribute,
  mqttConnection,
  openConnection,
  TestClient,
  USER,
} from './support/mqtt-support.js';
import { ServiceProcess, tempDataDir } from './support/service-process.js';

const MQTT_URL = requireBrokerEnv('TWINLINK_TEST_MQTT_URL');
const AUTH_URL = requireBrokerEnv('TWINLINK_TEST_MQTT_AUTH_URL');

const ENFORCEMENT_FAILED = 'connectivity:connection.id.enforcement.failed';

describe('MQTT end to end through the running service', () => {
  let service: ServiceProcess;

  beforeAll(async () => {
    service = await ServiceProcess.start();
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  describe.each([
    { type: 'mqtt' as const, version: 4 as const, namespace: 'org.mqtt3' },
    { type: 'mqtt-5' as const, version: 5 as const, namespace: 'org.mqtt5' },
  ])('$type', ({ type, version, namespace }) => {
    const thingId = `${namespace}:device`;
    let client: TestClient;
    // MQTT 5: the response topic and correlation data become the headers `reply-to` and
    // `correlation-id`, which the source header mapping carries into the command for the reply.
    // MQTT 3.1.1 has no response topic: replies go to a topic named by the Ditto correlation-id.
    const sourceHeaderMapping = version === 5 ? { 'reply-to': '{{ header:reply-to }}', 'correlation-id': '{{ header:correlation-id }}' } : undefined;
    const replyTarget =
      version === 5
        ? { address: '{{ header:reply-to }}', headerMapping: { 'correlation-id': '{{ header:correlation-id }}' }, expectedResponseTypes: ['response', 'error', 'nack'] }
        : { address: `replies/${type}/{{ header:correlation-id }}`, expectedResponseTypes: ['response', 'error', 'nack'] };

    beforeAll(async () => {
      await createThing(service, thingId);
      // Events of a connection's own commands do not come back to it (loop prevention), so the
      // event subscriber is a second connection of the same type.
      await openConnection(service, mqttConnection({ id: `${type}-device`, type, uri: MQTT_URL, source: `telemetry/${namespace}/+`, replyTarget, ...(sourceHeaderMapping ? { sourceHeaderMapping } : {}) }));
      await openConnection(service, mqttConnection({ id: `${type}-app`, type, uri: MQTT_URL, targetPrefix: `events/${type}`, namespace }));
      client = await TestClient.connect(MQTT_URL, version);
      await client.subscribe(`events/${type}/#`);
      await client.subscribe(`replies/${type}/#`);
    }, 60_000);

    afterAll(async () => {
      await client.close();
    });

    it('applies a modify published by a device and publishes the twin event to the subscribed topic', async () => {
      await client.publish(`telemetry/${namespace}/device`, modifyAttribute(thingId, 'value', 42, { 'correlation-id': `${type}-ok` }));
      expect(await eventually(() => attribute(service, thingId, 'value'), (value) => value === 42)).toBe(42);
      const event = await client.next(`events/${type}/${thingId}`);
      expect(JSON.parse(event.text)).toMatchObject({ topic: `${namespace}/device/things/twin/events/modified`, path: '/attributes/value', value: 42 });
    });

    it('rejects a command for a thing other than the one its topic names and leaves the twin unchanged', async () => {
      const before = await attribute(service, thingId, 'value');
      const correlationId = `${type}-enforcement`;
      const properties = version === 5 ? { responseTopic: `replies/${type}/${correlationId}`, correlationData: Buffer.from(correlationId) } : {};
      await client.publish(`telemetry/${namespace}/other`, modifyAttribute(thingId, 'value', 'forged', { 'correlation-id': correlationId }), { qos: 1, properties });
      const reply = await client.next(`replies/${type}/${correlationId}`);
      expect(JSON.parse(reply.text)).toMatchObject({ value: { error: ENFORCEMENT_FAILED } });
      expect(await attribute(service, thingId, 'value')).toEqual(before);
    });
  });

  it('answers an MQTT 5 command on its response topic with its correlation data', async () => {
    const client = await TestClient.connect(MQTT_URL, 5);
    try {
      await client.subscribe('answers/#');
      // no correlation-id in the Ditto headers: the one in the reply comes from the MQTT correlation data
      await client.publish('telemetry/org.mqtt5/device', modifyAttribute('org.mqtt5:device', 'answered', true, { 'response-required': true }), {
        qos: 1,
        properties: { responseTopic: 'answers/mqtt-5', correlationData: Buffer.from('corr-5') },
      });
      const reply = await client.next('answers/mqtt-5');
      expect(reply.correlationData).toBe('corr-5');
      expect(JSON.parse(reply.text)).toMatchObject({ topic: 'org.mqtt5/device/things/twin/commands/modify', path: '/attributes/answered', status: 201 });
      expect(await attribute(service, 'org.mqtt5:device', 'answered')).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('resumes consuming after the broker restarted, loses no QoS 1 message and shows the outage in the status', async () => {
    // A broker that keeps sessions across its restart, as a production broker does: messages it
    // accepted stay queued for the service's persistent session.
    const persistenceDir = mkdtempSync(join(tmpdir(), 'twinlink-mosquitto-data-'));
    let broker: RunningBroker = await startMosquitto({ persistenceDir });
    const url = broker.env['TWINLINK_TEST_MQTT_URL'] as string;
    const port = broker.ports[0] as number;
    const thingId = 'org.restart:device';
    // the test's publisher resends what the stopped broker did not acknowledge
    const publisher = await TestClient.connect(url, 4, { clientId: `restart-${randomUUID().slice(0, 8)}`, clean: false, reconnectPeriod: 200 });
    try {
      await createThing(service, thingId);
      const specificConfig = { clientId: `restart-${randomUUID().slice(0, 8)}`, cleanSession: 'false' };
      await openConnection(service, mqttConnection({ id: 'restart', type: 'mqtt', uri: url, source: 'telemetry/org.restart/+', specificConfig }));
      const send = (i: number): Promise<void> => publisher.publish('telemetry/org.restart/device', modifyAttribute(thingId, `n${i}`, i));

      // stopped right after the broker accepted the first 20, while the service is still consuming them
      await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)));
      await broker.stop();
      const outage = await eventually(() => connectionStatus(service, 'restart'), (status) => status.clientStatus?.[0]?.status !== 'open', 15_000, 'outage shown');
      expect(outage.liveStatus).not.toBe('open');
      // published while the broker is down: queued by the client, sent once it is back
      const duringOutage = Array.from({ length: 20 }, (_, i) => send(20 + i));

      broker = await startMosquitto({ port, persistenceDir });
      await eventually(() => connectionStatus(service, 'restart'), (status) => status.liveStatus === 'open' && status.clientStatus?.[0]?.status === 'open', 30_000, 'open again');
      await Promise.all(duringOutage);
      await Promise.all(Array.from({ length: 20 }, (_, i) => send(40 + i)));

      const attributes = await eventually(
        async () => (await service.call('GET', `/api/2/things/${thingId}/attributes`, { auth: USER })).json<Record<string, unknown>>(),
        (value) => Object.keys(value).length >= 61,
        30_000,
        'all 60 messages applied',
      );
      for (let i = 0; i < 60; i++) expect(attributes[`n${i}`]).toBe(i);
    } finally {
      await publisher.close();
      await broker.stop();
      rmSync(persistenceDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reports wrong credentials as a failed connection with the reason and stays responsive', async () => {
    const wrong = new URL(AUTH_URL.replace(/^tcp:/, 'http:'));
    wrong.password = 'wrong';
    const uri = wrong.href.replace(/^http:/, 'tcp:').replace(/\/$/, '');
    const created = await service.call('PUT', '/api/2/connections/wrong-password', { body: mqttConnection({ id: 'wrong-password', type: 'mqtt', uri, source: 'telemetry/org.wrong/+' }) });
    expect(created.status).toBe(201);
    const status = await eventually(
      () => connectionStatus(service, 'wrong-password'),
      (value) => ['failed', 'misconfigured'].includes(value.clientStatus?.[0]?.status ?? ''),
      20_000,
      'failed status',
    );
    expect(status.liveStatus).toMatch(/failed|misconfigured/);
    expect(status.clientStatus?.[0]?.statusDetails).toMatch(/not authori[sz]ed|bad user name or password/i);
    // still serving, and still reporting the same reason rather than restarting the connection in a loop
    expect((await service.call('GET', '/ready', { auth: false })).status).toBe(200);
    expect((await connectionStatus(service, 'wrong-password')).clientStatus?.[0]?.statusDetails).toMatch(/not authori[sz]ed|bad user name or password/i);
    expect((await service.call('DELETE', '/api/2/connections/wrong-password')).status).toBe(204);
  }, 60_000);
});

describe('a QoS 1 message the service has not persisted yet', () => {
  it('is not acknowledged: after the service was killed, the broker redelivers it and the twin gets it', async () => {
    const dataDir = tempDataDir();
    let service = await ServiceProcess.start({ dataDir });
    const thingId = 'org.durable:device';
    const publisher = await TestClient.connect(MQTT_URL, 4);
    try {
      await createThing(service, thingId);
      const specificConfig = { clientId: `durable-${randomUUID().slice(0, 8)}`, cleanSession: 'false', reconnectForRedelivery: 'true', reconnectForRedeliveryDelay: '1s' };
      await openConnection(service, mqttConnection({ id: 'durable', type: 'mqtt', uri: MQTT_URL, source: 'telemetry/org.durable/+', specificConfig }));

      // An exclusive lock on the twin database: the service cannot commit the write before it is killed.
      // A failed commit asks for redelivery, which this connection does by reconnecting without acknowledging.
      const lock = new Database(join(dataDir, 'twins.db'), { timeout: 0 });
      lock.exec('BEGIN EXCLUSIVE');
      try {
        await publisher.publish('telemetry/org.durable/device', modifyAttribute(thingId, 'value', 'kept'));
        await eventually(() => consumed(service, 'durable'), (count) => count >= 1, 30_000, 'message consumed');
        await service.kill();
      } finally {
        lock.exec('ROLLBACK');
        lock.close();
      }
      expect(await attributeFromDisk(dataDir, thingId)).toBe(0);

      service = await ServiceProcess.start({ dataDir });
      expect(await eventually(() => attribute(service, thingId, 'value'), (value) => value === 'kept', 30_000, 'redelivered write')).toBe('kept');
    } finally {
      await publisher.close();
      await service.cleanup();
    }
  }, 120_000);
});

/** The attribute `value` as committed in the twin database. */
async function attributeFromDisk(dataDir: string, thingId: string): Promise<unknown> {
  const db = new Database(join(dataDir, 'twins.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT thing FROM things WHERE thing_id = ?').get(thingId) as { thing: string } | undefined;
    return (JSON.parse(row?.thing ?? '{}') as { attributes?: Record<string, unknown> }).attributes?.['value'];
  } finally {
    db.close();
  }
}
