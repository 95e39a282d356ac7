import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loopbackConnection, piggyback } from './support/connections.js';
import { ServiceProcess } from './support/service-process.js';

const MASKED = 'loop://user:*****@127.0.0.1:1';

describe('secrets in responses (real process)', () => {
  let service: ServiceProcess;
  beforeAll(async () => {
    service = await ServiceProcess.start();
  });
  afterAll(() => service.cleanup());

  it('masks the URI password in every answer and in the log, and keeps it when a masked value is sent back', async () => {
    const created = await service.call('POST', '/api/2/connections', { body: loopbackConnection() });
    expect(created.status).toBe(201);
    const id = created.json().id as string;
    expect(created.json().uri).toBe(MASKED);
    expect(created.text).not.toContain('secret');

    expect((await service.call('GET', `/api/2/connections/${id}`)).json().uri).toBe(MASKED);
    const list = await service.call('GET', '/api/2/connections');
    expect(list.json().map((c: { uri: string }) => c.uri)).toEqual([MASKED]);
    const pb = await service.call('POST', '/devops/piggyback/connectivity', {
      body: piggyback({ type: 'connectivity.commands:retrieveConnection', connectionId: id }),
    });
    expect(pb.json().connection.uri).toBe(MASKED);

    // The Explorer UI edits what it retrieved: the masked URI comes back and must not replace the secret.
    const modified = await service.call('PUT', `/api/2/connections/${id}`, { body: { ...created.json<Record<string, unknown>>(), name: 'renamed' } });
    expect(modified.status).toBe(204);
    expect((await service.call('GET', `/api/2/connections/${id}`)).json()).toMatchObject({ name: 'renamed', uri: MASKED });

    expect(await service.stop()).toBe(0);
    const db = new Database(join(service.dataDir, 'connections.db'), { readonly: true });
    const stored = db.prepare('SELECT connection FROM connection_events WHERE connection_id = ? ORDER BY revision DESC LIMIT 1').pluck().get(id) as string;
    db.close();
    expect(JSON.parse(stored).uri).toBe('loop://user:secret@127.0.0.1:1');
    expect(service.logs).not.toContain('secret');
  });
});
