import { loopbackConnection } from './support/connections.js';
import { freePort, ServiceProcess, tempDataDir } from './support/service-process.js';

describe('graceful shutdown (real process)', () => {
  it('answers /ready with 503 and refuses new work while connections drain, then exits 0', async () => {
    const service = await ServiceProcess.start({ dataDir: tempDataDir(), env: { TWINLINK_DISCONNECT_ANNOUNCEMENT_DELAY: '2s' } });
    try {
      const loopPort = await freePort();
      // A target on connection announcements makes closing wait for the closed announcement.
      const announcing = loopbackConnection({
        uri: `loop://127.0.0.1:${loopPort}`,
        connectionStatus: 'open',
        targets: [{ address: 'announcements', topics: ['_/_/connections/announcements'], authorizationContext: ['integration:test'] }],
      });
      expect((await service.call('PUT', '/api/2/connections/draining', { body: announcing })).status).toBe(201);
      expect((await service.call('GET', '/ready')).status).toBe(200);

      const exitCode = service.stop();
      const seen = new Set<number>();
      for (let i = 0; i < 100 && !seen.has(503); i++) {
        const ready = await service.call('GET', '/ready').catch(() => undefined);
        if (ready) seen.add(ready.status);
        await new Promise((done) => setTimeout(done, 20));
      }
      const refused = (await service.call('GET', '/api/2/connections/draining').catch(() => undefined))?.status;
      expect(seen.has(503)).toBe(true);
      expect(refused).toBe(503);
      expect(await exitCode).toBe(0);
    } finally {
      await service.cleanup();
    }
  });
});
