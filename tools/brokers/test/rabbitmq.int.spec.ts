import { randomUUID } from 'node:crypto';
import { connect as amqpConnect } from 'amqplib';
import rhea from 'rhea';
import { ensureInstalled } from '../src/install.js';
import { startRabbitmq } from '../src/kinds/rabbitmq.js';
import type { RunningBroker } from '../src/types.js';
import { mqttRoundTrip } from './mqtt-round-trip.js';
import { stopAndCollectLeftovers } from './stopped.js';

/** Sends one message over AMQP 1.0 to a queue and receives it back on a second link. */
function amqp10RoundTrip(url: string): Promise<string> {
  const { hostname, port, username, password } = new URL(url);
  const address = `/queue/twinlink-${randomUUID()}`;
  return new Promise((resolve, reject) => {
    const connection = rhea.create_container().connect({
      host: hostname,
      port: Number(port),
      username,
      password,
      // RabbitMQ 3.x's AMQP 1.0 plugin takes the vhost from the open frame's hostname.
      hostname: 'vhost:/',
      reconnect: false,
    });
    connection.on('connection_error', (context) => reject(context.connection.get_error() ?? new Error('connection_error')));
    connection.on('disconnected', (context) => reject(context.error ?? new Error('disconnected')));
    const receiver = connection.open_receiver(address);
    receiver.on('receiver_open', () => connection.open_sender(address).send({ body: 'hello broker' }));
    receiver.on('message', (context) => {
      resolve(String(context.message?.body));
      connection.removeAllListeners('disconnected');
      connection.close();
    });
  });
}

describe('RabbitMQ', () => {
  let broker: RunningBroker;
  const env = (name: string): string => {
    const value = broker.env[name];
    if (value === undefined) throw new Error(`rabbitmq did not export ${name}`);
    return value;
  };

  beforeAll(async () => {
    await ensureInstalled(['rabbitmq']);
    broker = await startRabbitmq();
  }, 180_000);

  afterAll(async () => {
    await broker.stop();
  }, 60_000);

  it('passes a message over AMQP 0.9.1', async () => {
    const connection = await amqpConnect(env('TWINLINK_TEST_AMQP091_URL'));
    try {
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue('', { exclusive: true });
      channel.sendToQueue(queue, Buffer.from('hello broker'));
      const received = await new Promise<string>((resolve) => {
        void channel.consume(queue, (message) => resolve(message?.content.toString() ?? ''), { noAck: true });
      });
      expect(received).toBe('hello broker');
    } finally {
      await connection.close();
    }
  });

  it('passes a message over AMQP 1.0 on the same port', async () => {
    expect(new URL(env('TWINLINK_TEST_AMQP10_URL')).port).toBe(new URL(env('TWINLINK_TEST_AMQP091_URL')).port);
    expect(await amqp10RoundTrip(env('TWINLINK_TEST_AMQP10_URL'))).toBe('hello broker');
  });

  it('passes a message over MQTT 3.1.1', async () => {
    expect(await mqttRoundTrip(env('TWINLINK_TEST_RABBITMQ_MQTT_URL'), { protocolVersion: 4 })).toBe('hello broker');
  });

  it('stop() ends the node and its epmd and closes every port', async () => {
    // Two processes were started directly: epmd (first) and the node's start script.
    expect(broker.pids).toHaveLength(2);
    expect(await stopAndCollectLeftovers(broker)).toEqual({ openPorts: [], livePids: [] });
  }, 60_000);
});
