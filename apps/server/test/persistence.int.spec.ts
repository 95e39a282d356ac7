import { loopbackConnection } from './support/connections.js';
import { freePort, ServiceProcess, tempDataDir } from './support/service-process.js';

describe('durability across restarts (real process)', () => {
  const cleanups: ServiceProcess[] = [];
  const start = async (dataDir: string) => {
    const service = await ServiceProcess.start({ dataDir });
    cleanups.push(service);
    return service;
  };
  afterAll(async () => {
    for (const service of cleanups) await service.cleanup();
  });

  it('keeps created, modified and deleted state across a graceful restart and reopens open connections', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const loopPort = await freePort();
    expect((await first.call('PUT', '/api/2/connections/keep', { body: loopbackConnection() })).status).toBe(201);
    expect((await first.call('PUT', '/api/2/connections/keep', { body: loopbackConnection({ name: 'changed' }) })).status).toBe(204);
    expect((await first.call('PUT', '/api/2/connections/gone', { body: loopbackConnection() })).status).toBe(201);
    expect((await first.call('DELETE', '/api/2/connections/gone')).status).toBe(204);
    const open = loopbackConnection({ uri: `loop://127.0.0.1:${loopPort}`, connectionStatus: 'open' });
    expect((await first.call('PUT', '/api/2/connections/opened', { body: open })).status).toBe(201);
    const before = (await first.call('GET', '/api/2/connections/keep')).json();

    expect(await first.stop()).toBe(0);
    expect(first.logs).toContain('shutdown complete');

    const second = await start(dataDir);
    expect((await second.call('GET', '/api/2/connections?ids-only=true')).json()).toEqual(['keep', 'opened']);
    expect((await second.call('GET', '/api/2/connections/keep')).json()).toEqual(before);
    expect((await second.call('GET', '/api/2/connections/gone')).status).toBe(404);
    const status = (await second.call('GET', '/api/2/connections/opened/status')).json();
    expect(status).toMatchObject({ connectionId: 'opened', connectionStatus: 'open' });
  });

  it('loses no acknowledged create when killed with SIGKILL right after the 201', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await first.call('POST', '/api/2/connections', { body: loopbackConnection({ name: `n-${i}` }) });
      expect(res.status).toBe(201);
      ids.push(res.json().id);
    }
    await first.kill();

    const second = await start(dataDir);
    expect((await second.call('GET', '/api/2/connections?ids-only=true')).json()).toEqual([...ids].sort());
    for (const [i, id] of ids.entries()) {
      expect((await second.call('GET', `/api/2/connections/${id}`)).json()).toMatchObject({ id, name: `n-${i}` });
    }
  });
});
