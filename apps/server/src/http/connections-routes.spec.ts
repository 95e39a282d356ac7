import { startTestApp, type TestApp } from '../../test/support/test-app.js';

const connection = { connectionType: 'fake', connectionStatus: 'closed', uri: 'fake://user:secret@broker:1234', sources: [], targets: [] };

describe('/api/2/connections', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.app.close());

  const text = (path: string, body: string, contentType = 'text/plain') => t.call('POST', path, { body, headers: { 'content-type': contentType } });

  it('creates with a generated UUID, Location and the masked connection', async () => {
    const res = await t.call('POST', '/api/2/connections', { body: connection });
    expect(res.status).toBe(201);
    const body = res.json();
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.uri).toBe('fake://user:*****@broker:1234');
    expect(res.headers.get('location')).toBe(`${t.baseUrl}/api/2/connections/${body.id}`);
    expect(t.runtime.last).toEqual({ type: 'createConnection', connection: { id: body.id, ...connection } });
  });

  it('sets connectionStatus unknown when POST omits it', async () => {
    const { connectionStatus: _omitted, ...withoutStatus } = connection;
    await t.call('POST', '/api/2/connections/', { body: withoutStatus });
    expect(t.runtime.last).toMatchObject({ connection: { connectionStatus: 'unknown' } });
  });

  it('rejects an id in the POST body', async () => {
    const res = await t.call('POST', '/api/2/connections', { body: { ...connection, id: 'mine' } });
    expect(res.status).toBe(400);
    expect(res.json().error).toBe('connectivity:id.notsettable');
  });

  it('tests on dry-run=true with a temporary id replaced everywhere in the text, answering 200 with no body', async () => {
    const res = await t.call('POST', '/api/2/connections?dry-run=TRUE', { body: { ...connection, id: 'my-conn', name: 'my-conn name' } });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const tested = (t.runtime.last as { connection: { id: string; name: string } }).connection;
    expect(tested.id).toMatch(/-dry-run$/);
    expect(tested.name).toBe(`${tested.id} name`);
    expect(t.runtime.store.size).toBe(0);
  });

  it('answers PUT with 201 for a new id and 204 for an existing one', async () => {
    const created = await t.call('PUT', '/api/2/connections/conn-1', { body: connection });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ id: 'conn-1', uri: 'fake://user:*****@broker:1234' });
    expect(created.headers.get('location')).toBe(`${t.baseUrl}/api/2/connections/conn-1`);
    const modified = await t.call('PUT', '/api/2/connections/conn-1/', { body: { ...connection, id: 'conn-1' } });
    expect(modified.status).toBe(204);
    expect(modified.text).toBe('');
  });

  it('rejects a PUT body id that differs from the path', async () => {
    const res = await t.call('PUT', '/api/2/connections/conn-1', { body: { ...connection, id: 'other' } });
    expect(res.status).toBe(400);
    expect(res.json().error).toBe('connectivity:id.notsettable');
  });

  it('retrieves with fields, deletes, then reports notfound', async () => {
    await t.call('PUT', '/api/2/connections/conn-1', { body: connection });
    const res = await t.call('GET', '/api/2/connections/conn-1?fields=id,_revision&fields=uri');
    expect(res.status).toBe(200);
    expect(t.runtime.commands.map((c) => c.command)).toContainEqual({ type: 'retrieveConnection', connectionId: 'conn-1', selectedFields: 'id,_revision,uri' });
    expect((await t.call('DELETE', '/api/2/connections/conn-1')).status).toBe(204);
    const gone = await t.call('GET', '/api/2/connections/conn-1');
    expect(gone.status).toBe(404);
    expect(gone.json().error).toBe('connectivity:connection.notfound');
  });

  it('tags responses with the revision and honours If-Match and If-None-Match', async () => {
    const created = await t.call('PUT', '/api/2/connections/conn-1', { body: connection });
    expect(created.headers.get('etag')).toBe('"rev:1"');
    expect((await t.call('GET', '/api/2/connections/conn-1')).headers.get('etag')).toBe('"rev:1"');

    const stale = await t.call('PUT', '/api/2/connections/conn-1', { body: connection, headers: { 'if-match': '"rev:7"' } });
    expect(stale.status).toBe(412);
    expect(stale.json().error).toBe('connectivity:precondition.failed');
    expect(t.runtime.revisions.get('conn-1')).toBe(1);

    const current = await t.call('PUT', '/api/2/connections/conn-1', { body: connection, headers: { 'if-match': '"rev:1"' } });
    expect(current.status).toBe(204);
    expect(current.headers.get('etag')).toBe('"rev:2"');

    const unchanged = await t.call('GET', '/api/2/connections/conn-1', { headers: { 'if-none-match': '"rev:2"' } });
    expect(unchanged.status).toBe(304);
    expect((await t.call('GET', '/api/2/connections/conn-1', { headers: { 'if-none-match': '"rev:1"' } })).status).toBe(200);

    expect((await t.call('PUT', '/api/2/connections/conn-1', { body: connection, headers: { 'if-none-match': '*' } })).status).toBe(412);
    expect((await t.call('PUT', '/api/2/connections/conn-2', { body: connection, headers: { 'if-match': '*' } })).status).toBe(412);
    expect(t.runtime.store.has('conn-2')).toBe(false);
    expect((await t.call('PUT', '/api/2/connections/conn-2', { body: connection, headers: { 'if-none-match': '*' } })).status).toBe(201);
    expect((await t.call('DELETE', '/api/2/connections/conn-2', { headers: { 'if-match': '"rev:9"' } })).status).toBe(412);
    expect(t.runtime.store.has('conn-2')).toBe(true);
  });

  it('rejects ids that violate the id syntax', async () => {
    const res = await t.call('GET', `/api/2/connections/${'x'.repeat(101)}`);
    expect(res.status).toBe(400);
    expect(res.json().error).toBe('connectivity:connection.id.invalid');
    expect((await t.call('GET', '/api/2/connections/a%20b/status')).json().error).toBe('connectivity:connection.id.invalid');
  });

  it('lists ids for ids-only=true and for fields=id, full objects otherwise', async () => {
    await t.call('PUT', '/api/2/connections/b', { body: connection });
    await t.call('PUT', '/api/2/connections/a', { body: connection });
    expect((await t.call('GET', '/api/2/connections?ids-only=TRUE')).json()).toEqual(['a', 'b']);
    expect((await t.call('GET', '/api/2/connections?fields=id')).json()).toEqual(['a', 'b']);
    await t.call('GET', '/api/2/connections?fields=id&ids-only=false');
    expect(t.runtime.last).toEqual({ type: 'retrieveConnections', idsOnly: false, selectedFields: 'id' });
    const full = await t.call('GET', '/api/2/connections');
    expect(full.json()).toHaveLength(2);
    expect(full.json()[0].uri).toBe('fake://user:*****@broker:1234');
  });

  it('refuses a full list above 100 connections', async () => {
    for (let i = 0; i < 101; i++) t.runtime.store.set(`c-${i}`, { ...connection, id: `c-${i}` });
    const res = await t.call('GET', '/api/2/connections');
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'connectivity:connections.amount.illegal',
      message: "The amount of requested connections exceeds the limit of '100'.",
    });
    expect((await t.call('GET', '/api/2/connections?ids-only=true')).json()).toHaveLength(101);
  });

  it('maps text commands and rejects any other text', async () => {
    await t.call('PUT', '/api/2/connections/conn-1', { body: connection });
    const res = await text('/api/2/connections/conn-1/command', 'connectivity.commands:openConnection', 'text/plain; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(t.runtime.last).toEqual({ type: 'openConnection', connectionId: 'conn-1' });
    const bad = await text('/api/2/connections/conn-1/command', 'connectivity.commands:openConnection ');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      error: 'connectivity:command.invalid',
      message: 'The command <connectivity.commands:openConnection > is invalid or unknown.',
    });
    const wrongType = await text('/api/2/connections/conn-1/command', '"x"', 'application/json');
    expect(wrongType.status).toBe(415);
    expect(wrongType.json().error).toBe('mediatype.unsupported');
  });

  it('answers status and metrics with type and status inside, logs without', async () => {
    await t.call('PUT', '/api/2/connections/conn-1', { body: connection });
    expect((await t.call('GET', '/api/2/connections/conn-1/status')).json()).toMatchObject({
      type: 'connectivity.responses:retrieveConnectionStatus',
      status: 200,
      connectionId: 'conn-1',
    });
    expect((await t.call('GET', '/api/2/connections/conn-1/metrics')).json()).toMatchObject({
      type: 'connectivity.responses:retrieveConnectionMetrics',
      status: 200,
    });
    expect((await t.call('GET', '/api/2/connections/conn-1/logs')).json()).toEqual({
      connectionId: 'conn-1',
      connectionLogs: [],
      enabledSince: null,
      enabledUntil: null,
    });
  });

  it('answers unsupported methods with 405 and unknown sub-paths with 404', async () => {
    const patch = await t.call('PATCH', '/api/2/connections/conn-1');
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE, HEAD');
    expect(patch.json().status).toBe(405);
    const unknown = await t.call('GET', '/api/2/connections/conn-1/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json().status).toBe(404);
  });
});
