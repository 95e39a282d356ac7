import { FluentServer } from '@fluent-org/logger';
import pino from 'pino';
import { FluentdForwarder, fluentRecord } from './fluentd-forwarder.js';
import type { LogEntry } from './log-entry.js';

const ENTRY: LogEntry = { correlationId: 'c-1', timestamp: '2024-01-06T14:23:42.100Z', category: 'source', type: 'consumed', level: 'success', message: 'Received signal.', address: 'telemetry/#', entityType: 'thing', entityId: 'org.acme:car-1' };

describe('fluentRecord', () => {
  it('orders fields as Ditto does and omits the fallback correlation id', () => {
    expect(Object.keys(fluentRecord('c', ENTRY, 'node-1'))).toEqual(['connectionId', 'level', 'category', 'type', 'correlationId', 'address', 'entityType', 'entityId', 'message', 'instanceId']);
    expect(fluentRecord('c', { ...ENTRY, correlationId: '<not-provided>' }, 'node-1')).not.toHaveProperty('correlationId');
  });
});

describe('FluentdForwarder', () => {
  it('forwards entries over the forward protocol with the connection tag', async () => {
    const server = new FluentServer({ listenOptions: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    const received = new Promise<[string, unknown]>((resolve) => server.on('entry', (tag: string, _time: unknown, record: unknown) => resolve([tag, record])));
    const forwarder = new FluentdForwarder({ host: '127.0.0.1', port: server.port ?? 0, tagPrefix: 'connection' }, 'node-1', pino({ level: 'silent' }));
    try {
      forwarder.forward('my-conn', ENTRY);
      const [tag, record] = await received;
      expect(tag).toBe('connection:my-conn');
      expect(record).toMatchObject({ connectionId: 'my-conn', level: 'success', message: 'Received signal.', instanceId: 'node-1' });
    } finally {
      await forwarder.close();
      await server.close();
    }
  });
});
