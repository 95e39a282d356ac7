import { createHash } from 'node:crypto';
import { expectedAws4Authorization, generatePki } from '@twinlink/testkit';
import type { TestPki } from '@twinlink/testkit';
import { HttpPushServer } from './support/http-push-server.js';
import type { PushedRequest } from './support/http-push-server.js';
import { eventually } from './support/eventually.js';
import { ServiceProcess } from './support/service-process.js';

const USER = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;
const TEXT = { 'content-type': 'text/plain' };
const ALL = { grant: ['READ', 'WRITE'], revoke: [] };
const policy = {
  entries: {
    owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'thing:/': ALL, 'policy:/': ALL } },
    app: { subjects: { 'integration:app': { type: 'app' } }, resources: { 'thing:/': { grant: ['READ'], revoke: [] } } },
  },
};
const AWS = { region: 'eu-central-1', service: 'execute-api', accessKey: 'AKID', secretKey: 'SECRET' };
/** The twin changes the OAuth2 test makes: more than one, so that reusing the token shows. */
const OAUTH_CHANGES = 3;

const sha256Hex = (body: string): string => createHash('sha256').update(body).digest('hex');
const json = (request: PushedRequest | undefined): Record<string, unknown> => JSON.parse(request?.body ?? '{}') as Record<string, unknown>;

describe('http-push over TLS, with HMAC signing and OAuth2, through the real service', () => {
  const pki: TestPki = generatePki();
  let service: ServiceProcess;
  let untrusted: Record<string, unknown>;
  const target = new HttpPushServer(undefined, pki);
  const tokenEndpoint = new HttpPushServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: `token-for-${new URLSearchParams(request.body).get('client_id')}`, expires_in: 3600 }));
  }, pki);

  /** An http-push connection to the HTTPS target for the twin events of one namespace. */
  function connection(name: string, address: string, extra: Record<string, unknown>, port: number): Record<string, unknown> {
    return {
      name,
      connectionType: 'http-push',
      connectionStatus: 'open',
      uri: `https://127.0.0.1:${port}`,
      sources: [],
      targets: [{ address, topics: [`_/_/things/twin/events?namespaces=org.${name}`], authorizationContext: ['integration:app'], headerMapping: { 'content-type': 'application/json' } }],
      ...extra,
    };
  }

  /** Changes the location attribute of `thingId` as the owner. */
  async function change(thingId: string, value: string): Promise<void> {
    expect((await service.call('PUT', `/api/2/things/${thingId}/attributes/location`, { auth: USER, body: JSON.stringify(value) })).status).toBe(204);
  }

  beforeAll(async () => {
    const [port, tokenPort] = [await target.start(), await tokenEndpoint.start()];
    // No host block list is configured: the loopback target and token endpoint are allowed.
    service = await ServiceProcess.start();
    expect((await service.call('PUT', '/api/2/policies/org.acme:p1', { auth: USER, body: policy })).status).toBe(201);
    for (const thingId of ['org.trusted:t1', 'org.untrusted:t1', 'org.hmac:t1', 'org.oauth:t1']) {
      expect((await service.call('PUT', `/api/2/things/${thingId}`, { auth: USER, body: { policyId: 'org.acme:p1', attributes: { location: 'hall' } } })).status).toBe(201);
    }
    const hmac = { type: 'hmac', algorithm: 'aws4-hmac-sha256', parameters: { ...AWS, canonicalHeaders: ['host', 'content-type', 'x-amz-date'], xAmzContentSha256: 'INCLUDED' } };
    const oauth = { type: 'oauth-client-credentials', tokenEndpoint: `https://localhost:${tokenPort}/oauth/token`, clientId: 'twin-client', clientSecret: 'sec', requestedScopes: 'push' };
    const connections = [
      connection('trusted', 'POST:/trusted/{{ thing:name }}', { ca: pki.ca }, port),
      connection('untrusted', 'POST:/untrusted/{{ thing:name }}', {}, port),
      connection('hmac', 'POST:/hmac/{{ thing:name }}?b=2&a=1', { ca: pki.ca, credentials: hmac }, port),
      connection('oauth', 'POST:/oauth/{{ thing:name }}', { ca: pki.ca, credentials: oauth }, port),
    ];
    for (const body of connections) {
      const created = await service.call('PUT', `/api/2/connections/${String(body['name'])}`, { body });
      expect({ name: body['name'], status: created.status, text: created.text }).toMatchObject({ status: 201 });
    }
    for (const id of ['trusted', 'untrusted', 'hmac', 'oauth']) {
      await eventually(async () => (await service.call('GET', `/api/2/connections/${id}/status`)).json() as { liveStatus?: string }, (s) => s.liveStatus === 'open', 20_000, `connection ${id} open`);
    }
    // Logs are what an operator looks at for a refused certificate; make sure they are recorded.
    expect((await service.call('POST', '/api/2/connections/untrusted/command', { body: 'connectivity.commands:enableConnectionLogs', headers: TEXT })).status).toBe(200);
    untrusted = connections[1] as Record<string, unknown>;
  }, 60_000);

  afterAll(async () => {
    await service?.cleanup();
    await Promise.all([target.stop(), tokenEndpoint.stop()]);
  });

  it('publishes to an HTTPS server whose certificate the connection ca trusts', async () => {
    await change('org.trusted:t1', 'lab');
    const [request] = await eventually(() => target.to('/trusted/t1'), (list) => list.length > 0, 20_000, 'the event request over TLS');
    expect(request?.method).toBe('POST');
    expect(json(request)).toMatchObject({ topic: 'org.trusted/t1/things/twin/events/modified', path: '/attributes/location', value: 'lab' });
  });

  it('refuses the server certificate without ca, and shows the failure in metrics and logs', async () => {
    await change('org.untrusted:t1', 'lab');
    type Counter = { success: { PT1H: number }; failure: { PT1H: number } };
    const metrics = await eventually(
      async () => (await service.call('GET', '/api/2/connections/untrusted/metrics')).json() as { containsFailures: boolean; connectionMetrics: { outbound: Record<string, Counter | undefined> } },
      (m) => (m.connectionMetrics.outbound['published']?.failure.PT1H ?? 0) > 0,
      20_000,
      'the failed publish counted',
    );
    expect(metrics.containsFailures).toBe(true);
    expect(metrics.connectionMetrics.outbound['published']?.success.PT1H).toBe(0);
    const logs = (await service.call('GET', '/api/2/connections/untrusted/logs')).json() as { connectionLogs: { type: string; level: string; message: string }[] };
    expect(logs.connectionLogs).toContainEqual(expect.objectContaining({ category: 'target', type: 'published', level: 'failure', message: expect.stringMatching(/certificate/i) }));
    // The handshake failed, so the server never saw a request; the connection itself stays open,
    // as each publish is a request of its own.
    expect(target.to('/untrusted/')).toHaveLength(0);
    // The server learns of the refusal when the client drops the socket, which may come a moment later.
    await eventually(() => target.tlsErrors.length, (count) => count > 0, 20_000, 'the refused handshake at the server');
    expect((await service.call('GET', '/api/2/connections/untrusted/status')).json()).toMatchObject({ liveStatus: 'open' });
  });

  it('reports the refused certificate when testing the connection, and a trusted one as fine', async () => {
    const refused = await service.call('POST', '/api/2/connections?dry-run=true', { body: { ...untrusted, name: 'probe' } });
    expect(refused.status).toBe(504);
    expect(refused.json()).toMatchObject({ error: 'connectivity:connection.failed', description: expect.stringMatching(/certificate/i) });
    const trusted = await service.call('POST', '/api/2/connections?dry-run=true', { body: { ...untrusted, name: 'probe', ca: pki.ca } });
    expect(trusted.status).toBe(200);
  });

  it('signs the event request with aws4-hmac-sha256 so that the server can verify it', async () => {
    await change('org.hmac:t1', 'lab');
    const [request] = await eventually(() => target.to('/hmac/t1'), (list) => list.length > 0, 20_000, 'the signed event request');
    expect(request?.url).toBe('/hmac/t1?b=2&a=1');
    expect(request?.headers['x-amz-content-sha256']).toBe(sha256Hex(request?.body ?? ''));
    expect(request?.headers['authorization']).toBe(expectedAws4Authorization(request as PushedRequest, AWS));
    expect(json(request)).toMatchObject({ path: '/attributes/location', value: 'lab' });
  });

  it('sends a bearer token from the HTTPS token endpoint, fetched once for several requests', async () => {
    for (let i = 0; i < OAUTH_CHANGES; i += 1) await change('org.oauth:t1', `room-${i}`);
    const requests = await eventually(() => target.to('/oauth/t1'), (list) => list.length >= OAUTH_CHANGES, 20_000, 'the event requests with a bearer token');
    // Requests may overtake each other (parallelism), so their order is not checked.
    expect(requests.map((request) => json(request)['value']).sort()).toEqual(Array.from({ length: OAUTH_CHANGES }, (_, i) => `room-${i}`));
    for (const request of requests) expect(request.headers['authorization']).toBe('Bearer token-for-twin-client');
    expect(tokenEndpoint.received).toHaveLength(1);
    expect(tokenEndpoint.received[0]).toMatchObject({ method: 'POST', url: '/oauth/token' });
    expect(Object.fromEntries(new URLSearchParams(tokenEndpoint.received[0]?.body))).toEqual({ grant_type: 'client_credentials', client_id: 'twin-client', client_secret: 'sec', scope: 'push' });
  });
});
