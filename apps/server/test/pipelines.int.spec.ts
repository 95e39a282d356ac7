import { loopbackConnection } from './support/connections.js';
import { freePort, ServiceProcess, tempDataDir } from './support/service-process.js';

const USER = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;

interface Published {
  readonly address: string;
  readonly headers: Record<string, string>;
  readonly textPayload?: string;
}

const policy = {
  entries: {
    owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'thing:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'policy:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'message:/': { grant: ['READ', 'WRITE'], revoke: [] } } },
    device: { subjects: { 'integration:device': { type: 'device' } }, resources: { 'thing:/features': { grant: ['READ', 'WRITE'], revoke: [] } } },
    reader: { subjects: { 'integration:reader': { type: 'app' } }, resources: { 'thing:/': { grant: ['READ'], revoke: [] }, 'message:/': { grant: ['READ', 'WRITE'], revoke: [] } } },
  },
};

async function inject(port: number, body: Record<string, unknown>): Promise<{ status: number; settlement: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}/inbound`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, settlement: (await response.json()) as Record<string, unknown> };
}

async function published(port: number): Promise<Published[]> {
  return (await (await fetch(`http://127.0.0.1:${port}/published`)).json()) as Published[];
}

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function modify(thingId: string, path: string, value: unknown, headers: Record<string, unknown> = {}): string {
  const [namespace, name] = thingId.split(':');
  return JSON.stringify({ topic: `${namespace}/${name}/things/twin/commands/modify`, headers: { 'correlation-id': `c-${path}`, ...headers }, path, value });
}

describe('message pipelines through the real service', () => {
  let service: ServiceProcess;
  let devicePort: number;
  let appPort: number;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    service = await ServiceProcess.start({ dataDir });
    devicePort = await freePort();
    appPort = await freePort();
    expect((await service.call('PUT', '/api/2/policies/org.acme:p1', { auth: USER, body: policy })).status).toBe(201);
    const thing = { policyId: 'org.acme:p1', attributes: { location: 'hall' }, features: { temp: { properties: { value: 1 } } } };
    expect((await service.call('PUT', '/api/2/things/org.acme:t1', { auth: USER, body: thing })).status).toBe(201);
    const device = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${devicePort}`,
      sources: [
        {
          addresses: ['telemetry'],
          authorizationContext: ['integration:device'],
          enforcement: { input: '{{ header:device-id }}', filters: ['{{ thing:id }}'] },
          replyTarget: { address: 'replies/{{ header:correlation-id }}', headerMapping: { 'correlation-id': '{{ header:correlation-id }}' }, expectedResponseTypes: ['response', 'error', 'nack'] },
        },
        { addresses: ['answers'], authorizationContext: ['integration:reader'] },
      ],
      targets: [{ address: 'device/{{ thing:id }}', topics: ['_/_/things/twin/events'], authorizationContext: ['integration:device'] }],
    });
    const app = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${appPort}`,
      sources: [{ addresses: ['responses'], authorizationContext: ['integration:reader'] }],
      targets: [
        { address: 'events/{{ thing:id }}', topics: ['_/_/things/twin/events?namespaces=org.acme&extraFields=attributes/location'], authorizationContext: ['integration:reader'], headerMapping: { 'x-thing': '{{ thing:name }}' } },
        { address: 'hot', topics: ['_/_/things/twin/events?filter=gt(features/temp/properties/value,50)'], authorizationContext: ['integration:reader'] },
        { address: 'other-ns', topics: ['_/_/things/twin/events?namespaces=org.other'], authorizationContext: ['integration:reader'] },
        { address: 'messages/{{ header:correlation-id }}', topics: ['_/_/things/live/messages'], authorizationContext: ['integration:reader'] },
      ],
    });
    expect((await service.call('PUT', '/api/2/connections/device', { body: device })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/connections/app', { body: app })).status).toBe(201);
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  it('applies a device message, shows the change and publishes the event to the second connection only', async () => {
    const { settlement } = await inject(devicePort, { sourceAddress: 'telemetry', headers: { 'device-id': 'org.acme:t1' }, textPayload: modify('org.acme:t1', '/features/temp/properties/value', 72) });
    expect(settlement).toEqual({ outcome: 'accepted' });
    expect((await service.call('GET', '/api/2/things/org.acme:t1/features/temp/properties/value', { auth: USER })).json()).toBe(72);
    const out = await eventually(() => published(appPort), (list) => list.length >= 2);
    const event = out.find((message) => message.address === 'events/org.acme:t1');
    expect(event?.headers['x-thing']).toBe('t1');
    const envelope = JSON.parse(event?.textPayload ?? '{}') as Record<string, unknown>;
    expect(envelope).toMatchObject({ topic: 'org.acme/t1/things/twin/events/modified', path: '/features/temp/properties/value', value: 72, extra: { attributes: { location: 'hall' } } });
    expect(out.map((message) => message.address).sort()).toEqual(['events/org.acme:t1', 'hot']);
    // loop prevention: the device connection does not get the event of its own command
    expect((await published(devicePort)).filter((message) => message.address.startsWith('device/'))).toEqual([]);
    const replies = (await published(devicePort)).filter((message) => message.address.startsWith('replies/'));
    expect(JSON.parse(replies[0]?.textPayload ?? '{}')).toMatchObject({ status: 204 });
  });

  it('rejects commands failing enforcement, permissions or parsing with Ditto errors to the reply target', async () => {
    const enforcement = await inject(devicePort, { sourceAddress: 'telemetry', headers: { 'device-id': 'org.acme:other', 'correlation-id': 'enf' }, textPayload: modify('org.acme:t1', '/features/temp/properties/value', 1, { 'correlation-id': 'enf' }) });
    expect(enforcement.settlement).toMatchObject({ outcome: 'rejected', redeliver: false });
    const forbidden = await inject(devicePort, { sourceAddress: 'telemetry', headers: { 'device-id': 'org.acme:t1', 'correlation-id': 'forbidden' }, textPayload: modify('org.acme:t1', '/attributes/location', 'x', { 'correlation-id': 'forbidden' }) });
    expect(forbidden.settlement).toMatchObject({ outcome: 'rejected', redeliver: false });
    const malformed = await inject(devicePort, { sourceAddress: 'telemetry', headers: { 'device-id': 'org.acme:t1', 'correlation-id': 'bad' }, textPayload: '{"topic": ' });
    expect(malformed.settlement).toMatchObject({ outcome: 'rejected', redeliver: false });
    const replies = await eventually(() => published(devicePort), (list) => list.filter((m) => m.address.startsWith('replies/')).length >= 3);
    const byAddress = new Map(replies.map((message) => [message.address, JSON.parse(message.textPayload ?? '{}') as { status: number; value: { error: string } }]));
    expect(byAddress.get('replies/enf')?.value.error).toBe('connectivity:connection.id.enforcement.failed');
    expect(byAddress.get('replies/forbidden')?.status).toBe(403);
    // the malformed message has no Ditto headers, so the reply address `{{ header:correlation-id }}` does not resolve
    expect(byAddress.has('replies/bad')).toBe(false);
    expect((await service.call('GET', '/api/2/things/org.acme:t1/attributes/location', { auth: USER })).json()).toBe('hall');
  });

  it('rejects things over 100 kB and leaves the twin unchanged', async () => {
    const big = 'x'.repeat(110 * 1024);
    const result = await inject(devicePort, { sourceAddress: 'telemetry', headers: { 'device-id': 'org.acme:t1' }, textPayload: modify('org.acme:t1', '/features/temp/properties/blob', big) });
    expect(result.settlement).toMatchObject({ outcome: 'rejected', redeliver: false });
    expect((await service.call('GET', '/api/2/things/org.acme:t1/features/temp/properties/blob', { auth: USER })).status).toBe(404);
  });

  it('routes a live message to subscribed targets and returns the response that comes back through a source', async () => {
    const sent = service.call('POST', '/api/2/things/org.acme:t1/inbox/messages/ping?timeout=5', { auth: USER, headers: { 'correlation-id': 'live-1', 'content-type': 'application/json' }, body: { hello: 1 } });
    const routed = await eventually(() => published(appPort), (list) => list.some((m) => m.address === 'messages/live-1'));
    expect(routed.some((m) => m.address === 'messages/live-1')).toBe(true);
    const response = JSON.stringify({ topic: 'org.acme/t1/things/live/messages/ping', headers: { 'correlation-id': 'live-1', 'content-type': 'application/json' }, path: '/inbox/messages/ping', value: { pong: true }, status: 200 });
    expect((await inject(appPort, { sourceAddress: 'responses', textPayload: response })).settlement).toEqual({ outcome: 'accepted' });
    const answer = await sent;
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ pong: true });
  });

  it('answers a live message nobody responds to with 408', async () => {
    const answer = await service.call('POST', '/api/2/things/org.acme:t1/inbox/messages/ping?timeout=1', { auth: USER, headers: { 'correlation-id': 'live-2' }, body: 'hi' });
    expect(answer.status).toBe(408);
    expect(answer.json()).toMatchObject({ status: 408, error: 'messages:message.timeout' });
  });

  it('keeps every acknowledged twin write across a restart', async () => {
    for (let i = 0; i < 20; i++) {
      const { settlement } = await inject(devicePort, { sourceAddress: 'telemetry', headers: { 'device-id': 'org.acme:t1' }, textPayload: modify('org.acme:t1', `/features/f${i}`, { properties: { i } }) });
      expect(settlement).toEqual({ outcome: 'accepted' });
    }
    await service.kill();
    service = await ServiceProcess.start({ dataDir });
    const thing = (await service.call('GET', '/api/2/things/org.acme:t1/features', { auth: USER })).json() as Record<string, unknown>;
    for (let i = 0; i < 20; i++) expect(thing[`f${i}`]).toEqual({ properties: { i } });
  }, 30_000);
});
