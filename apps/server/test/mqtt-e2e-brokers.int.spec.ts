import { readFileSync } from 'node:fs';
import { requireBrokerEnv } from '@twinlink/brokers/jest';
import { attribute, connectionStatus, createThing, eventually, modifyAttribute, mqttConnection, openConnection, TestClient } from './support/mqtt-support.js';
import { ServiceProcess } from './support/service-process.js';

const TLS_URL = requireBrokerEnv('TWINLINK_TEST_MQTT_TLS_URL');
const CA = readFileSync(requireBrokerEnv('TWINLINK_TEST_MQTT_TLS_CA_FILE'), 'utf8');
const RABBITMQ_URL = requireBrokerEnv('TWINLINK_TEST_RABBITMQ_MQTT_URL');

describe('MQTT end to end on other brokers through the running service', () => {
  let service: ServiceProcess;

  beforeAll(async () => {
    service = await ServiceProcess.start();
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  describe('over TLS with a CA of its own', () => {
    const thingId = 'org.tls:device';
    let client: TestClient;

    beforeAll(async () => {
      await createThing(service, thingId);
      // Events of a connection's own commands do not come back to it, so the subscriber is a second connection.
      await openConnection(service, { ...mqttConnection({ id: 'tls-device', type: 'mqtt-5', uri: TLS_URL, source: 'telemetry/org.tls/+' }), ca: CA });
      await openConnection(service, { ...mqttConnection({ id: 'tls-app', type: 'mqtt-5', uri: TLS_URL, targetPrefix: 'events/tls', namespace: 'org.tls' }), ca: CA });
      // the test's own client trusts the same CA; mqtt.js wants `mqtts` rather than the `ssl` scheme
      client = await TestClient.connect(TLS_URL, 5, { protocol: 'mqtts', ca: CA });
      await client.subscribe('events/tls/#');
    }, 60_000);

    afterAll(async () => {
      await client?.close();
    });

    it('applies a modify published by a device and publishes the twin event', async () => {
      await client.publish('telemetry/org.tls/device', modifyAttribute(thingId, 'value', 'secured'));
      expect(await eventually(() => attribute(service, thingId, 'value'), (value) => value === 'secured', 20_000, 'twin changed')).toBe('secured');
      const event = await client.next(`events/tls/${thingId}`, 20_000);
      expect(JSON.parse(event.text)).toMatchObject({ topic: 'org.tls/device/things/twin/events/modified', path: '/attributes/value', value: 'secured' });
    }, 60_000);

    it('without the CA, reports the untrusted server certificate as the client status', async () => {
      const created = await service.call('PUT', '/api/2/connections/tls-no-ca', { body: mqttConnection({ id: 'tls-no-ca', type: 'mqtt-5', uri: TLS_URL, source: 'telemetry/org.tls/+' }) });
      expect(created.status).toBe(201);
      const status = await eventually(
        () => connectionStatus(service, 'tls-no-ca'),
        (value) => ['failed', 'misconfigured'].includes(value.clientStatus?.[0]?.status ?? ''),
        20_000,
        'failed status',
      );
      expect(status.clientStatus?.[0]?.statusDetails).toMatch(/certificate/i);
      expect((await service.call('DELETE', '/api/2/connections/tls-no-ca')).status).toBe(204);
    }, 60_000);
  });

  describe("on RabbitMQ's MQTT 3.1.1", () => {
    // RabbitMQ maps `/` and `.` of MQTT topics onto AMQP routing keys; a namespace without dots
    // keeps the topics the test sees identical to the ones the service publishes.
    const thingId = 'rabbit:device';
    let client: TestClient;

    beforeAll(async () => {
      await createThing(service, thingId);
      await openConnection(service, mqttConnection({ id: 'rabbit-device', type: 'mqtt', uri: RABBITMQ_URL, source: 'telemetry/rabbit/+' }));
      await openConnection(service, mqttConnection({ id: 'rabbit-app', type: 'mqtt', uri: RABBITMQ_URL, targetPrefix: 'events/rabbit', namespace: 'rabbit' }));
      client = await TestClient.connect(RABBITMQ_URL, 4);
      await client.subscribe('events/rabbit/#');
    }, 60_000);

    afterAll(async () => {
      await client?.close();
    });

    it('applies a modify published by a device and publishes the twin event', async () => {
      await client.publish('telemetry/rabbit/device', modifyAttribute(thingId, 'value', 'hopped'));
      expect(await eventually(() => attribute(service, thingId, 'value'), (value) => value === 'hopped', 20_000, 'twin changed')).toBe('hopped');
      const event = await client.next(`events/rabbit/${thingId}`, 20_000);
      expect(JSON.parse(event.text)).toMatchObject({ topic: 'rabbit/device/things/twin/events/modified', path: '/attributes/value', value: 'hopped' });
    }, 60_000);
  });
});
