import { readFileSync } from 'node:fs';
import { requireBrokerEnv } from '@twinlink/brokers/jest';
import { createClientHarness, RecordingSink, startFaultyTcpProxy } from '@twinlink/testkit';
import type { ClientHarness } from '@twinlink/testkit';
import binding from '../src/index.js';
import { endpointOf, freshAddresses, inject, mqttConnectionJson, testClient } from './mqtt-test-support.js';

const plainUrl = requireBrokerEnv('TWINLINK_TEST_MQTT_URL');
const authUrl = requireBrokerEnv('TWINLINK_TEST_MQTT_AUTH_URL');
const tlsUrl = requireBrokerEnv('TWINLINK_TEST_MQTT_TLS_URL');
const mtlsUrl = requireBrokerEnv('TWINLINK_TEST_MQTT_MTLS_URL');
const ca = readFileSync(requireBrokerEnv('TWINLINK_TEST_MQTT_TLS_CA_FILE'), 'utf8');
const clientCert = readFileSync(requireBrokerEnv('TWINLINK_TEST_MQTT_TLS_CLIENT_CERT_FILE'), 'utf8');
const clientKey = readFileSync(requireBrokerEnv('TWINLINK_TEST_MQTT_TLS_CLIENT_KEY_FILE'), 'utf8');

const ACCEPT = { outcome: 'accepted' } as const;
const TIMEOUT = 10_000;

function consumerOf(h: ClientHarness, sink: RecordingSink) {
  const source = h.connection.sources[0]!;
  return h.client.createConsumer({ sourceIndex: 0, source, address: source.addresses[0]!, consumerIndex: 0 }, sink);
}

async function connect(json: Record<string, unknown>): Promise<ClientHarness> {
  const h = createClientHarness(binding, json);
  await h.client.connect(AbortSignal.timeout(TIMEOUT));
  return h;
}

describe.each(['mqtt', 'mqtt-5'] as const)('%s client against Mosquitto', (type) => {
  it('refuses wrong credentials as an auth failure (status misconfigured)', async () => {
    const wrong = authUrl.replace(/:[^:@/]+@/, ':wrong-password@');
    const h = createClientHarness(binding, mqttConnectionJson(type, wrong, freshAddresses()));
    await expect(h.client.connect(AbortSignal.timeout(TIMEOUT))).rejects.toMatchObject({ name: 'BindingError', kind: 'auth' });
    await h.client.disconnect();
    const ok = await connect(mqttConnectionJson(type, authUrl, freshAddresses()));
    await ok.client.disconnect();
  });

  it('connects over TLS with the generated CA, and is refused without it', async () => {
    const ok = await connect({ ...mqttConnectionJson(type, tlsUrl, freshAddresses()), ca });
    await ok.client.disconnect();
    const untrusted = createClientHarness(binding, mqttConnectionJson(type, tlsUrl, freshAddresses()));
    await expect(untrusted.client.connect(AbortSignal.timeout(TIMEOUT))).rejects.toMatchObject({ name: 'BindingError', kind: 'misconfigured' });
    await untrusted.client.disconnect();
  });

  it('connects with a client certificate to the mutual-TLS listener', async () => {
    const json = { ...mqttConnectionJson(type, mtlsUrl, freshAddresses()), ca, credentials: { type: 'client-cert', cert: clientCert, key: clientKey } };
    const h = await connect(json);
    await h.client.disconnect();
    const without = createClientHarness(binding, { ...mqttConnectionJson(type, mtlsUrl, freshAddresses()), ca });
    await expect(without.client.connect(AbortSignal.timeout(TIMEOUT))).rejects.toMatchObject({ name: 'BindingError' });
    await without.client.disconnect();
  });

  it('does not acknowledge a QoS 1 message before it is settled', async () => {
    const addresses = freshAddresses();
    const json = mqttConnectionJson(type, plainUrl, addresses);
    const first = await connect(json);
    const unsettled = new RecordingSink(10);
    await consumerOf(first, unsettled);
    await inject(plainUrl, addresses.source, 'keep-me');
    await unsettled.waitFor('keep-me', TIMEOUT);
    await first.client.disconnect();

    const second = await connect(json);
    const sink = new RecordingSink(10, ACCEPT);
    await consumerOf(second, sink);
    expect((await sink.waitFor('keep-me', TIMEOUT)).message.headers['mqtt.qos']).toBe('1');
    await second.client.disconnect();

    const third = await connect(json);
    const after = new RecordingSink(10, ACCEPT);
    await consumerOf(third, after);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(after.deliveries).toHaveLength(0);
    await third.client.disconnect();
  });

  it('resumes after the broker connection is cut mid-stream without losing a QoS 1 message', async () => {
    const proxy = await startFaultyTcpProxy(endpointOf(plainUrl));
    const addresses = freshAddresses();
    const h = createClientHarness(binding, mqttConnectionJson(type, `tcp://127.0.0.1:${proxy.port}`, addresses));
    const producer = await testClient(plainUrl);
    const received = new Set<string>();
    const sink = new RecordingSink(10, ACCEPT);
    try {
      await h.client.connect(AbortSignal.timeout(TIMEOUT));
      await consumerOf(h, sink);
      const total = 200;
      for (let i = 0; i < total; i++) {
        await producer.publishAsync(addresses.source, `n${i}`, { qos: 1 });
        if (i === 80) proxy.cut();
      }
      await h.nextEvent('connection-lost', TIMEOUT);
      // What core's supervisor does after a loss: tear down, connect again, re-create the consumer.
      await h.client.disconnect();
      await h.client.connect(AbortSignal.timeout(TIMEOUT));
      const resumed = new RecordingSink(10, ACCEPT);
      await consumerOf(h, resumed);
      const deadline = Date.now() + TIMEOUT;
      while (Date.now() < deadline) {
        for (const delivery of [...sink.deliveries, ...resumed.deliveries]) received.add(delivery.text);
        if (received.size === total) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(received.size).toBe(total);
      expect(resumed.deliveries.length).toBeGreaterThan(0);
    } finally {
      await producer.endAsync();
      await h.client.disconnect();
      await proxy.close();
    }
  });
});
