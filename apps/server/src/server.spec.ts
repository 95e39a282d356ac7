import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { FakeRuntime } from '../test/support/fake-runtime.js';
import { request } from '../test/support/http-client.js';
import { defaultConfig } from './config/default-config.js';
import type { ServiceConfig } from './config/service-config.js';
import type { ConnectionJournal } from './persistence/connection-journal.js';
import { startService } from './server.js';

describe('startService', () => {
  let dir: string;
  let config: ServiceConfig;
  const logger = pino({ level: 'silent' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twinlink-server-'));
    const base = defaultConfig();
    config = { ...base, http: { ...base.http, port: 0, host: '127.0.0.1' }, storage: { ...base.storage, dataDir: dir } };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands the journal to the runtime, is ready after start and stops every part once', async () => {
    const runtime = new FakeRuntime();
    const calls: string[] = [];
    runtime.start = async () => void calls.push('start');
    runtime.stop = async () => void calls.push('stop');
    let journal: ConnectionJournal | undefined;
    const service = await startService({
      config,
      logger,
      createRuntime: (deps) => {
        journal = deps.journal;
        expect(deps.config).toBe(config);
        return runtime;
      },
    });
    expect((await request(service.url, 'GET', '/ready')).status).toBe(200);
    await journal?.append({ connectionId: 'a', revision: 1, type: 'created', timestamp: new Date().toISOString(), connection: { id: 'a' } });

    const [first, second] = await Promise.all([service.stop(), service.stop()]);
    expect(first).toBe(true);
    expect(second).toBe(true);
    expect(calls).toEqual(['start', 'stop']);
    expect(service.readiness.current).toBe('stopping');
    await expect(request(service.url, 'GET', '/alive')).rejects.toThrow();
    await expect(journal?.load('a')).rejects.toThrow();
  });

  it('reports a shutdown that exceeds the timeout', async () => {
    const runtime = new FakeRuntime();
    runtime.stop = () => new Promise(() => undefined);
    const slow = { ...config, connections: { ...config.connections, shutdownTimeoutMs: 50 } };
    const service = await startService({ config: slow, logger, createRuntime: () => runtime });
    expect(await service.stop()).toBe(false);
  });

  it('closes what it opened when the runtime fails to start', async () => {
    const runtime = new FakeRuntime();
    runtime.start = async () => {
      throw new Error('restore failed');
    };
    let stopped = false;
    runtime.stop = async () => void (stopped = true);
    await expect(startService({ config, logger, createRuntime: () => runtime })).rejects.toThrow('restore failed');
    expect(stopped).toBe(true);
  });
});
