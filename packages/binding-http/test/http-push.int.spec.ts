import { BindingError } from '@twinlink/core';
import type { OutboundMessage, Publisher } from '@twinlink/core';
import { createTestClient } from './client-harness.js';
import { withAddress } from './connections.js';
import { TestServer } from './test-server.js';

const never = new AbortController().signal;
const message = (address: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({ address, headers: {}, ...extra });

describe('http-push against a real HTTP server', () => {
  const server = new TestServer();
  let port = 0;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    port = await server.start();
  });
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    server.received.length = 0;
    server.maxActive = 0;
    server.handler = (_, response) => void response.end();
  });
  afterAll(() => server.stop());

  async function publisherFor(json: Record<string, unknown>, options = {}): Promise<{ publisher: Publisher; logs: { level: string; message: string; fields?: Record<string, unknown> }[] }> {
    const { client, recorded } = createTestClient(json, options);
    await client.connect(never);
    cleanups.push(() => client.disconnect());
    return { publisher: await client.createPublisher(), logs: recorded.logs };
  }

  it('sends method, base path + address path, headers and body, and returns the response as the outcome', async () => {
    server.handler = (_, response) => {
      response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'x-answer': '42' });
      response.end('{"ok":true}');
    };
    const { publisher } = await publisherFor(withAddress('POST:/things/{{ thing:id }}', { uri: `http://127.0.0.1:${port}/base/` }));
    const outcome = await publisher.publish(
      message('POST:/things/org.example:thing-1', { headers: { 'x-correlation': 'c-1', 'content-type': 'application/json' }, textPayload: '{"temp":21}' }),
      never,
    );
    expect(server.received).toEqual([expect.objectContaining({ method: 'POST', url: '/base/things/org.example:thing-1', body: Buffer.from('{"temp":21}') })]);
    expect(server.received[0]?.headers).toEqual(expect.objectContaining({ 'x-correlation': 'c-1', 'content-type': 'application/json', 'content-length': '11' }));
    expect(outcome).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'x-answer': '42', 'content-type': 'application/json; charset=utf-8' }),
      contentType: 'application/json; charset=utf-8',
      textPayload: '{"ok":true}',
    });
  });

  it('applies http.path and http.query, omits the GET body and sends Basic auth from the URI', async () => {
    const { publisher } = await publisherFor(withAddress('GET:/x', { uri: `http://us%40er:p%3Ass@127.0.0.1:${port}/base` }));
    await publisher.publish(message('GET:/x', { headers: { 'http.path': 'replaced', 'HTTP.QUERY': 'a=1&b=2' }, textPayload: 'dropped' }), never);
    const [received] = server.received;
    expect(received).toEqual(expect.objectContaining({ method: 'GET', url: '/replaced?a=1&b=2', body: Buffer.alloc(0) }));
    expect(received?.headers['authorization']).toBe(`Basic ${Buffer.from('us@er:p:ss').toString('base64')}`);
    expect(received?.headers).not.toHaveProperty('http.path');
    expect(received?.headers).not.toHaveProperty('content-type');
  });

  it('returns non-2xx responses as outcomes, logs them, and binary bodies as bytes', async () => {
    server.handler = (_, response) => {
      response.writeHead(409, { 'content-type': 'application/octet-stream' });
      response.end(Buffer.from([1, 2, 3]));
    };
    const { publisher, logs } = await publisherFor(withAddress('PUT:/x', { uri: `http://127.0.0.1:${port}` }));
    const outcome = await publisher.publish(message('PUT:/x', { bytePayload: Uint8Array.of(9) }), never);
    expect(outcome).toEqual(expect.objectContaining({ status: 409, bytePayload: Uint8Array.from([1, 2, 3]) }));
    expect(server.received[0]?.headers['content-type']).toBe('application/octet-stream');
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ status: 409, target: 'PUT /x' }) }));
  });

  it('keeps at most parallelism requests in flight and rejects beyond the queue bound', async () => {
    const release: (() => void)[] = [];
    server.handler = (_, response) => new Promise<void>((resolve) => release.push(() => resolve(void response.end('done'))));
    const { publisher } = await publisherFor(withAddress('POST:/slow', { uri: `http://127.0.0.1:${port}`, specificConfig: { parallelism: '2' } }), { queueSize: 6 });
    expect(publisher.maxInFlight).toBe(6);
    const publishes = Array.from({ length: 6 }, (_, i) => publisher.publish(message('POST:/slow', { textPayload: String(i) }), never));
    await waitFor(() => server.received.length === 2);
    await expect(publisher.publish(message('POST:/slow'), never)).rejects.toEqual(expect.objectContaining({ code: 'TWINLINK_ERR_HTTP_TOO_MANY_IN_FLIGHT', status: 503 }));
    while (server.received.length < 6 || release.length > 0) {
      await waitFor(() => release.length > 0);
      release.shift()?.();
    }
    expect((await Promise.all(publishes)).map((o) => o.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(server.maxActive).toBe(2);
  });

  it('rounds parallelism up to a power of two', async () => {
    const release: (() => void)[] = [];
    server.handler = (_, response) => new Promise<void>((resolve) => release.push(() => resolve(void response.end())));
    const { publisher } = await publisherFor(withAddress('POST:/slow', { uri: `http://127.0.0.1:${port}`, specificConfig: { parallelism: '3' } }));
    const publishes = Array.from({ length: 6 }, () => publisher.publish(message('POST:/slow'), never));
    await waitFor(() => server.received.length === 4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received).toHaveLength(4);
    while (release.length > 0 || server.received.length < 6) {
      await waitFor(() => release.length > 0);
      release.shift()?.();
    }
    await Promise.all(publishes);
  });

  it('fails a request the server does not answer within idleTimeout with 408', async () => {
    server.handler = () => undefined;
    const { publisher, logs } = await publisherFor(withAddress('POST:/x', { uri: `http://127.0.0.1:${port}`, specificConfig: { idleTimeout: '300ms' } }));
    await expect(publisher.publish(message('POST:/x'), never)).rejects.toEqual(expect.objectContaining({ code: 'TWINLINK_ERR_HTTP_TIMEOUT', status: 408 }));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ status: 408 }) }));
  });

  it('fails with 503 when the server is unreachable, without retrying', async () => {
    const gone = new TestServer();
    const gonePort = await gone.start();
    await gone.stop();
    const { publisher } = await publisherFor(withAddress('POST:/x', { uri: `http://127.0.0.1:${gonePort}` }));
    const error = await publisher.publish(message('POST:/x'), never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BindingError);
    expect(error).toEqual(expect.objectContaining({ code: 'TWINLINK_ERR_HTTP_REQUEST_FAILED', status: 503, kind: 'transient' }));
  });

  it('honours the abort signal of a publish', async () => {
    server.handler = () => undefined;
    const { publisher } = await publisherFor(withAddress('POST:/x', { uri: `http://127.0.0.1:${port}` }));
    const controller = new AbortController();
    const publishing = publisher.publish(message('POST:/x'), controller.signal);
    await waitFor(() => server.received.length === 1);
    controller.abort();
    await expect(publishing).rejects.toEqual(expect.objectContaining({ status: 408 }));
  });

  it('checks the host before connecting and reports test stages', async () => {
    const blocked = createTestClient(withAddress('POST:/x', { uri: `http://127.0.0.1:${port}` }), {}, { blockedHostnames: ['blocked.example.com'] });
    await expect(blocked.client.connect(never)).rejects.toEqual(expect.objectContaining({ kind: 'misconfigured' }));
    const { client } = createTestClient(withAddress('POST:/x', { uri: `http://127.0.0.1:${port}` }));
    await client.connect(never);
    cleanups.push(() => client.disconnect());
    expect(await client.test(never)).toEqual([{ stage: `connect http://127.0.0.1:${port}`, success: true }]);
    await expect(client.createConsumer({} as never, {} as never)).rejects.toEqual(expect.objectContaining({ kind: 'misconfigured' }));
    expect(server.received).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
