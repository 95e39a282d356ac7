import { createHash, createHmac } from 'node:crypto';
import type { OutboundMessage, Publisher } from '@twinlink/core';
import { createTestClient } from './client-harness.js';
import { withAddress } from './connections.js';
import { expectedAws4Authorization, generatePki } from '@twinlink/testkit';
import type { TestPki } from '@twinlink/testkit';
import type { ReceivedRequest } from './test-server.js';
import { TestServer } from './test-server.js';

const never = new AbortController().signal;
const post: OutboundMessage = { address: 'POST:/api/data', headers: { 'content-type': 'application/json' }, textPayload: '{"a":1}' };

describe('http-push TLS, HMAC signing and OAuth2', () => {
  let pki: TestPki;
  const server = new TestServer();
  let port = 0;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    pki = generatePki();
    port = await server.start({ cert: pki.serverCert, key: pki.serverKey });
  });
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    server.received.length = 0;
    server.handler = (_, response) => void response.end();
  });
  afterAll(() => server.stop());

  async function publisherFor(json: Record<string, unknown>): Promise<Publisher> {
    const { client } = createTestClient(json);
    await client.connect(never);
    cleanups.push(() => client.disconnect());
    return client.createPublisher();
  }

  it('trusts the server through the connection ca, and refuses it without', async () => {
    const trusted = await publisherFor(withAddress('POST:/api/data', { uri: `https://127.0.0.1:${port}`, ca: pki.ca }));
    expect((await trusted.publish(post, never)).status).toBe(200);
    const untrusted = await publisherFor(withAddress('POST:/api/data', { uri: `https://127.0.0.1:${port}` }));
    await expect(untrusted.publish(post, never)).rejects.toEqual(expect.objectContaining({ status: 503, message: expect.stringMatching(/certificate/i) }));
    const unchecked = await publisherFor(withAddress('POST:/api/data', { uri: `https://127.0.0.1:${port}`, validateCertificates: false }));
    expect((await unchecked.publish(post, never)).status).toBe(200);
    expect(server.received).toHaveLength(2);
  });

  it('reports the TLS handshake in the connection test', async () => {
    const { client } = createTestClient(withAddress('POST:/x', { uri: `https://127.0.0.1:${port}` }));
    await client.connect(never);
    cleanups.push(() => client.disconnect());
    expect(await client.test(never)).toEqual([{ stage: `connect https://127.0.0.1:${port}`, success: false, detail: expect.stringMatching(/certificate/i) }]);
  });

  it('signs requests with aws4-hmac-sha256 so that the server can verify them', async () => {
    const parameters = { region: 'eu-central-1', service: 'execute-api', accessKey: 'AKID', secretKey: 'SECRET', canonicalHeaders: ['host', 'content-type', 'x-amz-date'], xAmzContentSha256: 'INCLUDED' };
    const credentials = { type: 'hmac', algorithm: 'aws4-hmac-sha256', parameters };
    const publisher = await publisherFor(withAddress('POST:/api/data', { uri: `https://127.0.0.1:${port}`, ca: pki.ca, credentials }));
    await publisher.publish({ ...post, address: 'POST:/api/data?b=2&a=1' }, never);
    const [received] = server.received;
    expect(received).toBeDefined();
    expect(received?.headers['x-amz-content-sha256']).toBe(createHash('sha256').update((received as ReceivedRequest).body).digest('hex'));
    expect(received?.headers['authorization']).toBe(expectedAws4Authorization(received as ReceivedRequest, parameters));
  });

  it('signs requests with az-monitor-2016-04-01 so that the server can verify them', async () => {
    const sharedKey = Buffer.from('monitor-key').toString('base64');
    const credentials = { type: 'hmac', algorithm: 'az-monitor-2016-04-01', parameters: { workspaceId: 'ws-1', sharedKey } };
    const publisher = await publisherFor(withAddress('POST:/api/logs', { uri: `https://127.0.0.1:${port}`, ca: pki.ca, credentials }));
    await publisher.publish({ ...post, address: 'POST:/api/logs?api-version=2016-04-01' }, never);
    const received = server.received[0] as ReceivedRequest;
    const stringToSign = `POST\n${received.body.length}\n${received.headers['content-type']}\nx-ms-date:${received.headers['x-ms-date']}\n/api/logs`;
    const signature = createHmac('sha256', Buffer.from('monitor-key')).update(stringToSign).digest('base64');
    expect(received.headers['authorization']).toBe(`SharedKey ws-1:${signature}`);
  });

  it('fetches an OAuth2 token over HTTPS once, and sends it as bearer token', async () => {
    const tokenServer = new TestServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: `token-for-${new URLSearchParams(request.body.toString()).get('client_id')}`, expires_in: 3600 }));
    });
    const tokenPort = await tokenServer.start({ cert: pki.serverCert, key: pki.serverKey });
    cleanups.push(() => tokenServer.stop());
    const credentials = { type: 'oauth-client-credentials', tokenEndpoint: `https://localhost:${tokenPort}/oauth/token`, clientId: 'my-client', clientSecret: 'sec', requestedScopes: 'read write' };
    const { client } = createTestClient(withAddress('POST:/api/data', { uri: `https://127.0.0.1:${port}`, ca: pki.ca, credentials }));
    await client.connect(never);
    cleanups.push(() => client.disconnect());
    const publisher = await client.createPublisher();
    await publisher.publish(post, never);
    await publisher.publish(post, never);
    expect(server.received.map((r) => r.headers['authorization'])).toEqual(['Bearer token-for-my-client', 'Bearer token-for-my-client']);
    expect(tokenServer.received).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(tokenServer.received[0]?.body.toString()))).toEqual({ grant_type: 'client_credentials', client_id: 'my-client', client_secret: 'sec', scope: 'read write' });
    expect(await client.test(never)).toEqual([expect.objectContaining({ success: true }), { stage: 'oauth token', success: true }]);
  });

  it('fails publishes with 401 when the token endpoint refuses the client', async () => {
    const tokenServer = new TestServer((_, response) => {
      response.writeHead(401);
      response.end();
    });
    const tokenPort = await tokenServer.start({ cert: pki.serverCert, key: pki.serverKey });
    cleanups.push(() => tokenServer.stop());
    const credentials = { type: 'oauth-client-credentials', tokenEndpoint: `https://localhost:${tokenPort}/token`, clientId: 'c', clientSecret: 'wrong', requestedScopes: 's' };
    const publisher = await publisherFor(withAddress('POST:/api/data', { uri: `https://127.0.0.1:${port}`, ca: pki.ca, credentials }));
    await expect(publisher.publish(post, never)).rejects.toEqual(expect.objectContaining({ kind: 'auth', status: 401 }));
    expect(server.received).toHaveLength(0);
  });
});
