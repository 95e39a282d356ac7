import { randomUUID } from 'node:crypto';
import rhea, { type Connection } from 'rhea';
import { ensureInstalled } from '../src/install.js';
import { startArtemis } from '../src/kinds/artemis.js';
import type { RunningBroker } from '../src/types.js';
import { connectOnce, mqttRoundTrip } from './mqtt-round-trip.js';
import { stopAndCollectLeftovers } from './stopped.js';

function amqpConnect(url: string): Promise<Connection> {
  const { hostname, port, username, password } = new URL(url);
  return new Promise((resolve, reject) => {
    const connection = rhea.create_container().connect({ host: hostname, port: Number(port), username, password, reconnect: false });
    connection.once('connection_open', () => resolve(connection));
    // A failed SASL exchange ends in connection_error (with no error object) or a disconnect.
    connection.once('connection_error', () => reject(new Error('AMQP connection refused')));
    connection.once('disconnected', () => reject(new Error('AMQP connection closed before it opened')));
  });
}

describe('Artemis', () => {
  let broker: RunningBroker;
  const env = (name: string): string => {
    const value = broker.env[name];
    if (value === undefined) throw new Error(`artemis did not export ${name}`);
    return value;
  };

  beforeAll(async () => {
    await ensureInstalled(['artemis']);
    broker = await startArtemis();
  }, 180_000);

  afterAll(async () => {
    await broker.stop();
  }, 60_000);

  it('queues an AMQP 1.0 message sent before any receiver attached (queue:// prefix is anycast)', async () => {
    const connection = await amqpConnect(env('TWINLINK_TEST_ARTEMIS_AMQP10_URL'));
    try {
      const address = `queue://twinlink-${randomUUID()}`;
      const sender = connection.open_sender(address);
      await new Promise<void>((resolve) => sender.once('accepted', () => resolve()).once('sendable', () => sender.send({ body: 'hello broker', durable: true })));
      const received = await new Promise<string>((resolve) => {
        connection.open_receiver(address).once('message', (context) => resolve(String(context.message?.body)));
      });
      expect(received).toBe('hello broker');
    } finally {
      connection.close();
    }
  });

  it('refuses AMQP 1.0 with a wrong password', async () => {
    const wrong = new URL(env('TWINLINK_TEST_ARTEMIS_AMQP10_URL'));
    wrong.password = 'wrong';
    await expect(amqpConnect(wrong.href)).rejects.toThrow();
  });

  it('passes MQTT 5 and MQTT 3.1.1 messages and refuses a wrong password', async () => {
    const url = env('TWINLINK_TEST_ARTEMIS_MQTT_URL');
    expect(await mqttRoundTrip(url, { protocolVersion: 5 })).toBe('hello broker');
    expect(await mqttRoundTrip(url, { protocolVersion: 4 })).toBe('hello broker');
    const wrong = new URL(url);
    wrong.password = 'wrong';
    await expect(connectOnce(wrong.href, { protocolVersion: 5 })).rejects.toThrow(/bad user name or password|not authori[sz]ed/i);
  });

  it('stop() ends the JVM and closes its ports', async () => {
    expect(await stopAndCollectLeftovers(broker)).toEqual({ openPorts: [], livePids: [] });
  }, 60_000);
});
