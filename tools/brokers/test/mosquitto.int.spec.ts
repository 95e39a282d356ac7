import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureInstalled } from '../src/install.js';
import { startMosquitto, startMosquittoAuth, startMosquittoTls } from '../src/kinds/mosquitto.js';
import type { RunningBroker } from '../src/types.js';
import { connect } from 'mqtt';
import { connectOnce, mqttRoundTrip } from './mqtt-round-trip.js';
import { stopAndCollectLeftovers } from './stopped.js';

describe('Mosquitto', () => {
  const brokers: RunningBroker[] = [];
  let plain: RunningBroker;
  let auth: RunningBroker;
  let tls: RunningBroker;
  const env = (broker: RunningBroker, name: string): string => {
    const value = broker.env[name];
    if (value === undefined) throw new Error(`${broker.kind} did not export ${name}`);
    return value;
  };

  beforeAll(async () => {
    await ensureInstalled(['mosquitto', 'mosquitto-auth', 'mosquitto-tls']);
    [plain, auth, tls] = await Promise.all([startMosquitto(), startMosquittoAuth(), startMosquittoTls()]);
    brokers.push(plain, auth, tls);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(brokers.map((b) => b.stop()));
  });

  it('exports a tcp URL on a loopback port and passes messages anonymously', async () => {
    const url = env(plain, 'TWINLINK_TEST_MQTT_URL');
    expect(url).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    expect(await mqttRoundTrip(url, { protocolVersion: 4 })).toBe('hello broker');
    expect(await mqttRoundTrip(url, { protocolVersion: 5 })).toBe('hello broker');
  });

  it('admits the generated user and refuses a wrong password and anonymous clients', async () => {
    const url = new URL(env(auth, 'TWINLINK_TEST_MQTT_AUTH_URL'));
    expect(url.username).toBe('twinlink');
    expect(url.password).not.toBe('');
    expect(await mqttRoundTrip(url.href)).toBe('hello broker');

    const wrong = new URL(url.href);
    wrong.password = 'wrong';
    await expect(connectOnce(wrong.href)).rejects.toThrow(/not authori[sz]ed/i);
    await expect(connectOnce(`tcp://${url.host}`)).rejects.toThrow(/not authori[sz]ed/i);
  });

  it('serves TLS with the generated CA and refuses clients that do not trust it', async () => {
    const url = env(tls, 'TWINLINK_TEST_MQTT_TLS_URL');
    expect(url).toMatch(/^ssl:\/\/localhost:\d+$/);
    const ca = readFileSync(env(tls, 'TWINLINK_TEST_MQTT_TLS_CA_FILE'));
    expect(await mqttRoundTrip(url, { ca })).toBe('hello broker');
    await expect(connectOnce(url)).rejects.toThrow(/certificate/i);
  });

  it('requires a client certificate signed by the CA on the mutual-TLS listener', async () => {
    // mqtt.js refuses `ssl:` once a client certificate is given (it only rewrites mqtt/ws/wx/ali).
    const url = env(tls, 'TWINLINK_TEST_MQTT_MTLS_URL').replace(/^ssl:/, 'mqtts:');
    const ca = readFileSync(env(tls, 'TWINLINK_TEST_MQTT_TLS_CA_FILE'));
    const cert = readFileSync(env(tls, 'TWINLINK_TEST_MQTT_TLS_CLIENT_CERT_FILE'));
    const key = readFileSync(env(tls, 'TWINLINK_TEST_MQTT_TLS_CLIENT_KEY_FILE'));
    expect(await mqttRoundTrip(url, { ca, cert, key })).toBe('hello broker');
    await expect(connectOnce(url, { ca })).rejects.toThrow();
  });

  it('starts again on the port of a stopped broker, as a broker restart looks to its clients', async () => {
    const first = await startMosquitto();
    const port = first.ports[0] as number;
    const url = env(first, 'TWINLINK_TEST_MQTT_URL');
    expect(await mqttRoundTrip(url)).toBe('hello broker');
    await first.stop();
    const second = await startMosquitto({ port });
    brokers.push(second);
    expect(second.ports).toEqual([port]);
    expect(env(second, 'TWINLINK_TEST_MQTT_URL')).toBe(url);
    expect(await mqttRoundTrip(url)).toBe('hello broker');
  });

  it('restores persistent sessions and their queued messages from a persistence directory', async () => {
    const persistenceDir = mkdtempSync(join(tmpdir(), 'twinlink-mosquitto-data-'));
    try {
      const first = await startMosquitto({ persistenceDir });
      brokers.push(first);
      const url = env(first, 'TWINLINK_TEST_MQTT_URL');
      const session = { clientId: `persistent-${process.pid}`, clean: false };
      const subscriber = await connectOnce(url, session);
      await subscriber.subscribeAsync('twinlink/queued', { qos: 1 });
      await subscriber.endAsync();
      const publisher = await connectOnce(url);
      await publisher.publishAsync('twinlink/queued', 'kept', { qos: 1 });
      await publisher.endAsync();
      await first.stop();

      const second = await startMosquitto({ port: first.ports[0] as number, persistenceDir });
      brokers.push(second);
      // listening before the CONNACK: the queued message may follow it in the same packet
      const resumed = connect(url, { ...session, reconnectPeriod: 0 });
      const received = new Promise<string>((resolve) => resumed.on('message', (_topic, payload) => resolve(payload.toString())));
      expect(await received).toBe('kept');
      await resumed.endAsync();
    } finally {
      rmSync(persistenceDir, { recursive: true, force: true });
    }
  });

  it('stop() closes the ports, ends the processes and removes the temporary directory', async () => {
    const broker = await startMosquittoTls();
    const dir = dirname(env(broker, 'TWINLINK_TEST_MQTT_TLS_CA_FILE'));
    expect(existsSync(dir)).toBe(true);
    expect(await stopAndCollectLeftovers(broker)).toEqual({ openPorts: [], livePids: [] });
    expect(existsSync(dir)).toBe(false);
  });
});
