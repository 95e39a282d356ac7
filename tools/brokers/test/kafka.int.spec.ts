import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ensureInstalled } from '../src/install.js';
import { startKafka } from '../src/kinds/kafka.js';
import type { RunningBroker } from '../src/types.js';
import { stopAndCollectLeftovers } from './stopped.js';

describe('Kafka (KRaft)', () => {
  let broker: RunningBroker;

  beforeAll(async () => {
    await ensureInstalled(['kafka']);
    broker = await startKafka();
  }, 180_000);

  afterAll(async () => {
    await broker.stop();
  }, 60_000);

  it('produces and consumes a record through the exported bootstrap address', async () => {
    const bootstrap = broker.env['TWINLINK_TEST_KAFKA_BOOTSTRAP'];
    expect(bootstrap).toMatch(/^127\.0\.0\.1:\d+$/);
    // kafkajs logs one "group coordinator is not available" error for the first group on a fresh broker.
    const kafka = new Kafka({ brokers: [String(bootstrap)], clientId: 'twinlink-brokers-test', logLevel: logLevel.NOTHING });
    const topic = `twinlink-${randomUUID()}`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `g-${randomUUID()}` });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'k', value: 'hello broker' }] });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = await new Promise<string>((resolve) => {
        void consumer.run({ eachMessage: async ({ message }) => resolve(String(message.value)) });
      });
      expect(received).toBe('hello broker');
    } finally {
      await Promise.all([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
    }
  }, 60_000);

  it('stop() ends the JVM and closes its ports', async () => {
    expect(await stopAndCollectLeftovers(broker)).toEqual({ openPorts: [], livePids: [] });
  }, 60_000);
});
