import { loopbackConnection } from './support/connections.js';
import { ServiceProcess, tempDataDir } from './support/service-process.js';

describe('historical retrieval and conditional requests (real process)', () => {
  let service: ServiceProcess;
  beforeAll(async () => {
    service = await ServiceProcess.start({ dataDir: tempDataDir() });
  });
  afterAll(() => service.cleanup());

  it('answers a connection as it was at a revision or an instant, from the journal', async () => {
    expect((await service.call('PUT', '/api/2/connections/hist', { body: loopbackConnection({ name: 'first' }) })).status).toBe(201);
    const between = new Date().toISOString();
    await new Promise((done) => setTimeout(done, 20));
    expect((await service.call('PUT', '/api/2/connections/hist', { body: loopbackConnection({ name: 'second' }) })).status).toBe(204);

    const atRevision = await service.call('GET', '/api/2/connections/hist', { headers: { 'at-historical-revision': '1' } });
    expect(atRevision.status).toBe(200);
    expect(atRevision.json().name).toBe('first');
    const atInstant = await service.call('GET', '/api/2/connections/hist', { headers: { 'at-historical-timestamp': between } });
    expect(atInstant.json().name).toBe('first');
    expect((await service.call('GET', '/api/2/connections/hist')).json().name).toBe('second');

    const unknown = await service.call('GET', '/api/2/connections/hist', { headers: { 'at-historical-revision': '99' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json().error).toBe('connectivity:connection.history.notfound');
    const malformed = await service.call('GET', '/api/2/connections/hist', { headers: { 'at-historical-revision': 'two' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json().error).toBe('header.invalid');
  });

  it('refuses a modify based on a stale revision and keeps the stored connection', async () => {
    const created = await service.call('PUT', '/api/2/connections/cond', { body: loopbackConnection({ name: 'v1' }) });
    const tag = created.headers.get('etag');
    expect(tag).toBe('"rev:1"');
    expect((await service.call('PUT', '/api/2/connections/cond', { body: loopbackConnection({ name: 'v2' }), headers: { 'if-match': tag ?? '' } })).status).toBe(204);
    const stale = await service.call('PUT', '/api/2/connections/cond', { body: loopbackConnection({ name: 'v3' }), headers: { 'if-match': tag ?? '' } });
    expect(stale.status).toBe(412);
    expect((await service.call('GET', '/api/2/connections/cond')).json().name).toBe('v2');
  });
});
