import type { ServerResponse } from 'node:http';
import { loopbackConnection } from './support/connections.js';
import { HttpPushServer } from './support/http-push-server.js';
import type { PushedRequest } from './support/http-push-server.js';
import { eventually } from './support/eventually.js';
import { freePort, ServiceProcess } from './support/service-process.js';

const USER = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;
const ALL = { grant: ['READ', 'WRITE'], revoke: [] };
const READ = { grant: ['READ'], revoke: [] };
const policy = {
  entries: {
    owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'thing:/': ALL, 'policy:/': ALL, 'message:/': ALL } },
    device: { subjects: { 'integration:device': { type: 'device' } }, resources: { 'thing:/': ALL } },
    app: { subjects: { 'integration:app': { type: 'app' } }, resources: { 'thing:/': READ, 'message:/': READ } },
  },
};
/** Targets of the slow connection: every twin change there becomes this many requests. */
const SLOW_TARGETS = 25;
const SLOW_CHANGES = 90;
/** What the service admits per connection before dropping: the publisher's queue (1000) plus 1000 waiting. */
const ADMITTED = 2000;

const json = (request: PushedRequest | undefined): Record<string, unknown> => JSON.parse(request?.body ?? '{}') as Record<string, unknown>;

/** Answers like a webhook: live messages with a reply, ack paths with the status in the thing name. */
function answer(request: PushedRequest, response: ServerResponse): void {
  if (request.url.startsWith('/hook/live/')) {
    response.writeHead(200, { 'content-type': 'application/json', 'x-responder': 'webhook' });
    response.end(JSON.stringify({ pong: json(request)['value'] ?? null }));
    return;
  }
  const status = /^\/hook\/acks\/status-(\d{3})/.exec(request.url)?.[1];
  response.writeHead(status === undefined ? 204 : Number(status), status === undefined ? {} : { 'content-type': 'application/json' });
  response.end(status === undefined ? undefined : JSON.stringify({ seen: request.url }));
}

describe('http-push connections through the real service', () => {
  let service: ServiceProcess;
  let devicePort: number;
  const webhook = new HttpPushServer(answer);
  const held: (() => void)[] = [];
  let holding = true;
  const slow = new HttpPushServer((_, response) => {
    if (!holding) return void response.end();
    return new Promise<void>((resolve) => held.push(() => resolve(void response.end())));
  });

  beforeAll(async () => {
    const [webhookPort, slowPort] = [await webhook.start(), await slow.start()];
    devicePort = await freePort();
    service = await ServiceProcess.start({ env: { TWINLINK_MAX_TARGETS: String(SLOW_TARGETS) } });
    expect((await service.call('PUT', '/api/2/policies/org.acme:p1', { auth: USER, body: policy })).status).toBe(201);
    for (const thingId of ['org.twin:t1', 'org.ack:status-201', 'org.ack:status-409', 'org.slow:s1']) {
      expect((await service.call('PUT', `/api/2/things/${thingId}`, { auth: USER, body: { policyId: 'org.acme:p1', attributes: { location: 'hall' } } })).status).toBe(201);
    }
    const http = {
      name: 'webhook',
      connectionType: 'http-push',
      connectionStatus: 'open',
      uri: `http://127.0.0.1:${webhookPort}/hook/`,
      sources: [],
      specificConfig: { parallelism: '2' },
      targets: [
        {
          address: 'PUT:/twin/{{ thing:namespace }}/{{ thing:name }}?action={{ topic:action }}',
          topics: ['_/_/things/twin/events?namespaces=org.twin'],
          authorizationContext: ['integration:app'],
          headerMapping: { 'x-thing-id': '{{ thing:id }}', 'x-correlation': '{{ header:correlation-id }}', 'content-type': 'application/json' },
        },
        { address: 'POST:/live/{{ header:correlation-id }}', topics: ['_/_/things/live/messages'], authorizationContext: ['integration:app'], issuedAcknowledgementLabel: 'live-response' },
        { address: 'POST:/acks/{{ thing:name }}', topics: ['_/_/things/twin/events?namespaces=org.ack'], authorizationContext: ['integration:app'], issuedAcknowledgementLabel: '{{connection:id}}:pushed' },
      ],
    };
    const device = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${devicePort}`,
      sources: [
        {
          addresses: ['commands'],
          authorizationContext: ['integration:device'],
          replyTarget: { address: 'replies/{{ header:correlation-id }}', headerMapping: { 'correlation-id': '{{ header:correlation-id }}' }, expectedResponseTypes: ['response', 'error', 'nack'] },
        },
      ],
      targets: [],
    });
    const slowTargets = Array.from({ length: SLOW_TARGETS }, (_, i) => ({ address: `POST:/slow/{{ thing:name }}/${i}`, topics: ['_/_/things/twin/events?namespaces=org.slow'], authorizationContext: ['integration:app'] }));
    const slowConnection = { name: 'slow', connectionType: 'http-push', connectionStatus: 'open', uri: `http://127.0.0.1:${slowPort}`, sources: [], specificConfig: { parallelism: '2' }, targets: slowTargets };
    expect((await service.call('PUT', '/api/2/connections/webhook', { body: http })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/connections/device', { body: device })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/connections/slow', { body: slowConnection })).status).toBe(201);
    for (const id of ['webhook', 'device', 'slow']) {
      await eventually(async () => (await service.call('GET', `/api/2/connections/${id}/status`)).json() as { liveStatus?: string }, (status) => status.liveStatus === 'open', 20_000, `connection ${id} open`);
    }
  }, 60_000);

  afterAll(async () => {
    holding = false;
    for (const release of held.splice(0)) release();
    await service?.cleanup();
    await Promise.all([webhook.stop(), slow.stop()]);
  });

  it('turns a twin change into a request with the addressed method and path, mapped headers and the event as body', async () => {
    const change = await service.call('PUT', '/api/2/things/org.twin:t1/attributes/location', { auth: USER, headers: { 'correlation-id': 'twin-change-1' }, body: '"lab"' });
    expect(change.status).toBe(204);
    const [request] = await eventually(() => webhook.to('/hook/twin/').filter((r) => json(r)['path'] === '/attributes/location'), (list) => list.length > 0, 20_000, 'the event request');
    expect(request).toMatchObject({ method: 'PUT', url: '/hook/twin/org.twin/t1?action=modified' });
    expect(request?.headers).toMatchObject({ 'x-thing-id': 'org.twin:t1', 'x-correlation': 'twin-change-1', 'content-type': 'application/json' });
    expect(json(request)).toMatchObject({ topic: 'org.twin/t1/things/twin/events/modified', path: '/attributes/location', value: 'lab' });
  });

  it('delivers a live message sent over the HTTP API to the webhook as a request', async () => {
    // timeout=0: no response required, so the answer (202) comes once the message was published.
    const sent = await service.call('POST', '/api/2/things/org.twin:t1/inbox/messages/ping?timeout=0', {
      auth: USER,
      headers: { 'correlation-id': 'live-http-0', 'content-type': 'application/json' },
      body: { hello: 0 },
    });
    expect(sent.status).toBe(202);
    const [request] = webhook.to('/hook/live/live-http-0');
    expect(request).toMatchObject({ method: 'POST' });
    expect(json(request)).toMatchObject({ topic: 'org.twin/t1/things/live/messages/ping', path: '/inbox/messages/ping', value: { hello: 0 } });
  });

  it('answers a live message sent over the HTTP API with the response of the webhook', async () => {
    const answered = await service.call('POST', '/api/2/things/org.twin:t1/inbox/messages/ping?timeout=10', {
      auth: USER,
      headers: { 'correlation-id': 'live-http-1', 'content-type': 'application/json' },
      body: { hello: 1 },
    });
    expect(answered.status).toBe(200);
    expect(answered.json()).toEqual({ pong: { hello: 1 } });
    expect(webhook.to('/hook/live/live-http-1')).toHaveLength(1);
  });

  it.each([201, 409])('acknowledges a command with the HTTP status of the target (%i)', async (status) => {
    const correlationId = `ack-${status}`;
    const command = {
      topic: `org.ack/status-${status}/things/twin/commands/modify`,
      headers: { 'correlation-id': correlationId, 'requested-acks': ['webhook:pushed'], timeout: '10s' },
      path: '/attributes/location',
      value: 'dock',
    };
    await fetch(`http://127.0.0.1:${devicePort}/inbound`, { method: 'POST', body: JSON.stringify({ sourceAddress: 'commands', textPayload: JSON.stringify(command) }) });
    const replies = await eventually(
      async () => (await (await fetch(`http://127.0.0.1:${devicePort}/published`)).json()) as { address: string; textPayload?: string }[],
      (list) => list.some((message) => message.address === `replies/${correlationId}`),
      20_000,
      `the reply to ${correlationId}`,
    );
    const reply = JSON.parse(replies.find((message) => message.address === `replies/${correlationId}`)?.textPayload ?? '{}') as { topic: string; status: number; value: Record<string, { status: number; payload?: unknown; headers?: Record<string, unknown> }> };
    expect(reply.topic).toBe(`org.ack/status-${status}/things/twin/acks`);
    // One requested acknowledgement: the aggregated status is its status.
    expect(reply.status).toBe(status);
    // The ack carries the webhook's answer: its JSON body inline and its content type.
    expect(reply.value['webhook:pushed']).toMatchObject({ status, payload: { seen: `/hook/acks/status-${status}` }, headers: { 'content-type': 'application/json', 'correlation-id': correlationId } });
    expect(webhook.to(`/hook/acks/status-${status}`).some((request) => json(request)['value'] === 'dock')).toBe(true);
  });

  it('keeps parallelism requests at a slow server, bounds what waits and counts the rest as dropped', async () => {
    const changes = Array.from({ length: SLOW_CHANGES }, (_, i) => service.call('PUT', `/api/2/things/org.slow:s1/attributes/a${i}`, { auth: USER, body: String(i) }));
    const outbound = async () => {
      const metrics = (await service.call('GET', '/api/2/connections/slow/metrics')).json() as { connectionMetrics: { outbound: Record<string, { success: { PT1H: number }; failure: { PT1H: number } }> } };
      const { dropped, published } = metrics.connectionMetrics.outbound;
      return { dropped: dropped?.failure.PT1H ?? 0, published: published?.success.PT1H ?? 0 };
    };
    const total = SLOW_CHANGES * SLOW_TARGETS;
    await eventually(outbound, (counts) => counts.dropped >= total - ADMITTED, 45_000, 'the overflow counted as dropped');
    expect(slow.maxActive).toBeLessThanOrEqual(2);
    expect(slow.received.length).toBeLessThanOrEqual(2);
    holding = false;
    for (const release of held.splice(0)) release();
    for (const change of await Promise.all(changes)) expect(change.status).toBe(201);
    const counts = await eventually(outbound, (c) => c.published >= ADMITTED, 45_000, 'every admitted request published');
    expect(counts).toEqual({ dropped: total - ADMITTED, published: ADMITTED });
    expect(slow.to('/slow/s1/').length).toBe(ADMITTED);
    expect(slow.maxActive).toBeLessThanOrEqual(2);
  }, 120_000);
});
