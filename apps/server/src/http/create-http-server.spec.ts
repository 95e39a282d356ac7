import { startTestApp, type TestApp } from '../../test/support/test-app.js';

describe('HTTP server', () => {
  let t: TestApp;
  afterEach(() => t.app.close());

  describe('with defaults', () => {
    beforeEach(async () => {
      t = await startTestApp();
    });

    it.each(['/api/2/connections', '/api/2/connections/x/status', '/devops/piggyback/connectivity', '/devops/anything', '/bindings'])(
      'requires the DevOps user on %s',
      async (path) => {
        const missing = await t.call('GET', path, { auth: false });
        expect(missing.status).toBe(401);
        expect(missing.headers.get('www-authenticate')).toBe('Basic realm="DITTO-DEVOPS", charset="UTF-8"');
        expect(missing.json()).toMatchObject({ status: 401, error: 'gateway:authentication.failed' });
        const wrong = await t.call('GET', path, { auth: `Basic ${Buffer.from('devops:wrong').toString('base64')}` });
        expect(wrong.status).toBe(401);
        expect(t.runtime.commands).toHaveLength(0);
      },
    );

    it('serves probes, metrics and the OpenAPI document without credentials', async () => {
      expect((await t.call('GET', '/alive', { auth: false })).status).toBe(200);
      const metrics = await t.call('GET', '/metrics', { auth: false });
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      const openapi = await t.call('GET', '/openapi.json', { auth: false });
      expect(openapi.json().openapi).toBe('3.0.3');
      expect(Object.keys(openapi.json().paths)).toContain('/api/2/connections/{connectionId}/command');
    });

    it('answers /ready 503 until ready and again once stopping', async () => {
      const starting = await t.call('GET', '/ready', { auth: false });
      expect(starting.status).toBe(503);
      expect(starting.json().error).toBe('gateway:service.unavailable');
      t.readiness.markReady();
      expect((await t.call('GET', '/ready', { auth: false })).status).toBe(200);
      t.readiness.markStopping();
      expect((await t.call('GET', '/ready', { auth: false })).status).toBe(503);
    });

    it('lists loaded and skipped bindings', async () => {
      expect((await t.call('GET', '/bindings')).json()).toEqual({ loaded: t.runtime.bindings.loaded, skipped: [] });
    });

    it('answers malformed JSON with json.invalid', async () => {
      const res = await t.call('POST', '/api/2/connections', { body: '{"connectionType": ', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: 'json.invalid', message: `Failed to parse JSON string '{"connectionType": '!` });
      const empty = await t.call('PUT', '/api/2/connections/x', { headers: { 'content-type': 'application/json' } });
      expect(empty.json().error).toBe('json.invalid');
      const array = await t.call('POST', '/api/2/connections', { body: '[]' });
      expect(array.json().error).toBe('json.invalid');
    });

    it('answers other content types on JSON resources with 415, accepting octet-stream', async () => {
      const res = await t.call('POST', '/api/2/connections', { body: '{}', headers: { 'content-type': 'text/xml' } });
      expect(res.status).toBe(415);
      expect(res.json().error).toBe('mediatype.unsupported');
      const fallback = await t.call('PUT', '/api/2/connections/x', { body: '{"connectionType":"fake"}', headers: { 'content-type': 'application/octet-stream' } });
      expect(fallback.status).toBe(201);
    });

    it('answers unknown routes with 404 JSON and propagates a correlation id', async () => {
      const res = await t.call('GET', '/nothing/here', { headers: { 'x-correlation-id': 'corr-1' } });
      expect(res.status).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, error: 'resource.notfound' });
      expect(res.headers.get('correlation-id')).toBe('corr-1');
      expect((await t.call('GET', '/alive')).headers.get('correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('with a small body limit and an unsecured realm', () => {
    beforeEach(async () => {
      t = await startTestApp((c) => ({ ...c, http: { ...c.http, bodyLimitBytes: 1024 }, devops: { ...c.devops, secured: false } }));
    });

    it('answers bodies over the limit with 413 JSON', async () => {
      const res = await t.call('POST', '/api/2/connections', { body: { name: 'x'.repeat(2000) } });
      expect(res.status).toBe(413);
      expect(res.json()).toMatchObject({ status: 413, error: 'gateway:request.entity.toolarge' });
    });

    it('needs no credentials when the DevOps realm is not secured', async () => {
      expect((await t.call('GET', '/api/2/connections', { auth: false })).status).toBe(200);
    });
  });
});
