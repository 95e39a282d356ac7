import { loopbackConnection } from './support/connections.js';
import { freePort, ServiceProcess } from './support/service-process.js';

const USER = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;

interface Published {
  readonly address: string;
  readonly headers: Record<string, string>;
  readonly textPayload?: string;
  readonly contentType?: string;
}

const ALL = { grant: ['READ', 'WRITE'], revoke: [] };
const READ = { grant: ['READ'], revoke: [] };
const entries = {
  owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'thing:/': ALL, 'policy:/': ALL, 'message:/': ALL } },
  mapper: { subjects: { 'integration:mapper': { type: 'device' } }, resources: { 'thing:/': ALL, 'policy:/': ALL, 'message:/': ALL } },
  observer: { subjects: { 'integration:observer': { type: 'app' } }, resources: { 'thing:/': READ, 'message:/': READ } },
};

async function inject(port: number, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/inbound`, { method: 'POST', body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

async function published(port: number): Promise<Published[]> {
  return (await (await fetch(`http://127.0.0.1:${port}/published`)).json()) as Published[];
}

/** The first message published to `address`, waited for with bounded polling. */
async function publishedTo(port: number, address: string, accept: (message: Published) => boolean = () => true): Promise<Published | undefined> {
  const until = Date.now() + 10_000;
  for (;;) {
    const found = (await published(port).catch(() => [])).find((message) => message.address === address && accept(message));
    if (found !== undefined || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function modify(correlationId: string, path: string, value: unknown): Record<string, unknown> {
  return { topic: 'org.acme/t1/things/twin/commands/modify', headers: { 'correlation-id': correlationId }, path, value };
}

describe('built-in payload mappers, announcements and limits through the real service', () => {
  let service: ServiceProcess;
  let mapperPort: number;
  let observerPort: number;
  const get = async (path: string): Promise<{ status: number; json: () => unknown }> => service.call('GET', path, { auth: USER });

  beforeAll(async () => {
    service = await ServiceProcess.start({ env: { TWINLINK_MAX_SOURCES: '8', TWINLINK_MAX_TARGETS: '8' } });
    mapperPort = await freePort();
    observerPort = await freePort();
    expect((await service.call('PUT', '/api/2/policies/org.acme:p1', { auth: USER, body: { entries } })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/things/org.acme:t1', { auth: USER, body: { policyId: 'org.acme:p1', attributes: { a: 1 } } })).status).toBe(201);
    const subjects = ['integration:mapper'];
    const mapper = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${mapperPort}`,
      mappingDefinitions: {
        implicit: { mappingEngine: 'ImplicitThingCreation', options: { thing: { thingId: '{{ header:device-id }}', _policy: { entries }, attributes: { createdBy: 'implicit' } } } },
        status: { mappingEngine: 'ConnectionStatus', options: { thingId: '{{ header:device-id }}' } },
        merge: { mappingEngine: 'UpdateTwinWithLiveResponse', options: {} },
      },
      sources: [
        { addresses: ['implicit'], authorizationContext: subjects, payloadMapping: ['implicit'] },
        { addresses: ['status'], authorizationContext: subjects, payloadMapping: ['status'] },
        { addresses: ['live-responses'], authorizationContext: subjects, payloadMapping: ['merge'] },
        { addresses: ['raw'], authorizationContext: subjects, payloadMapping: ['RawMessage'], headerMapping: { 'response-required': 'false' } },
        { addresses: ['cloud'], authorizationContext: subjects, payloadMapping: ['CloudEvents'] },
        {
          addresses: ['ditto'],
          authorizationContext: subjects,
          headerMapping: { 'correlation-id': '{{ header:correlation-id }}' },
          replyTarget: { address: 'replies/{{ header:correlation-id }}', expectedResponseTypes: ['response', 'error'] },
        },
      ],
      targets: [],
    });
    const readers = ['integration:observer'];
    const observer = loopbackConnection({
      connectionStatus: 'open',
      uri: `loop://127.0.0.1:${observerPort}`,
      mappingDefinitions: { normalized: { mappingEngine: 'Normalized', options: { fields: 'thingId,features,_revision' } } },
      targets: [
        { address: 'normalized', topics: ['_/_/things/twin/events'], authorizationContext: readers, payloadMapping: ['normalized'] },
        { address: 'cloud-events', topics: ['_/_/things/twin/events'], authorizationContext: readers, payloadMapping: ['CloudEvents'] },
        { address: 'raw/{{ topic:action-subject }}', topics: ['_/_/things/live/messages'], authorizationContext: readers, payloadMapping: ['RawMessage'] },
        { address: 'announcements', topics: ['_/_/connections/announcements'], authorizationContext: readers },
      ],
    });
    expect((await service.call('PUT', '/api/2/connections/mapper', { body: mapper })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/connections/observer', { body: observer })).status).toBe(201);
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  it('ImplicitThingCreation creates the thing with its own policy once; a second message is a 412 that settles as success', async () => {
    expect(await inject(mapperPort, { sourceAddress: 'implicit', headers: { 'device-id': 'org.acme:new-1' }, textPayload: '{}' })).toEqual({ outcome: 'accepted' });
    const thing = await get('/api/2/things/org.acme:new-1');
    expect(thing.status).toBe(200);
    expect(thing.json()).toMatchObject({ thingId: 'org.acme:new-1', policyId: 'org.acme:new-1', attributes: { createdBy: 'implicit' } });
    expect((await get('/api/2/policies/org.acme:new-1')).json()).toMatchObject({ entries: { mapper: { subjects: { 'integration:mapper': { type: 'device' } } } } });
    expect(await inject(mapperPort, { sourceAddress: 'implicit', headers: { 'device-id': 'org.acme:new-1' }, textPayload: '{}' })).toEqual({ outcome: 'accepted' });
  });

  it('ConnectionStatus writes the readiness feature from creation-time and ttd', async () => {
    const headers = { 'device-id': 'org.acme:t1', 'creation-time': String(Date.UTC(2024, 0, 2, 3, 4, 5)), ttd: '-1' };
    expect(await inject(mapperPort, { sourceAddress: 'status', headers })).toEqual({ outcome: 'accepted' });
    expect((await get('/api/2/things/org.acme:t1/features/ConnectionStatus')).json()).toEqual({
      definition: ['org.eclipse.ditto:ConnectionStatus:1.0.0'],
      properties: { status: { readySince: '2024-01-02T03:04:05Z', readyUntil: '9999-12-31T23:59:59Z' } },
    });
  });

  it('UpdateTwinWithLiveResponse merges a live retrieve response into the twin', async () => {
    const response = { topic: 'org.acme/t1/things/live/commands/retrieve', headers: { 'correlation-id': 'live-r1' }, path: '/attributes', value: { fromDevice: 'yes' }, status: 200 };
    expect(await inject(mapperPort, { sourceAddress: 'live-responses', textPayload: JSON.stringify(response) })).toEqual({ outcome: 'accepted' });
    expect((await get('/api/2/things/org.acme:t1/attributes')).json()).toEqual({ a: 1, fromDevice: 'yes' });
  });

  it('RawMessage turns plain text into a live message and back into plain text on a target', async () => {
    const headers = { 'content-type': 'text/plain', 'ditto-message-thing-id': 'org.acme:t1', 'ditto-message-subject': 'hello' };
    expect(await inject(mapperPort, { sourceAddress: 'raw', headers, contentType: 'text/plain', textPayload: 'hi there' })).toEqual({ outcome: 'accepted' });
    const raw = await publishedTo(observerPort, 'raw/hello');
    expect(raw?.textPayload).toBe('hi there');
    expect(raw?.headers).toMatchObject({ 'ditto-message-subject': 'hello', 'ditto-message-thing-id': 'org.acme:t1', 'ditto-message-direction': 'TO' });
  });

  it('CloudEvents carries a command in, its event goes out as a CloudEvent and through the Normalized mapper', async () => {
    const event = { specversion: '1.0', id: 'ce-1', source: 'urn:device', type: 'org.acme.update', data: modify('ignored', '/features/temp', { properties: { value: 42 } }) };
    const headers = { 'content-type': 'application/cloudevents+json' };
    expect(await inject(mapperPort, { sourceAddress: 'cloud', headers, contentType: 'application/cloudevents+json', textPayload: JSON.stringify(event) })).toEqual({ outcome: 'accepted' });
    expect((await get('/api/2/things/org.acme:t1/features/temp/properties/value')).json()).toBe(42);
    const cloud = await publishedTo(observerPort, 'cloud-events', (message) => (message.textPayload ?? '').includes('"ce-1"'));
    expect(cloud?.contentType).toBe('application/cloudevents+json');
    expect(JSON.parse(cloud?.textPayload ?? '{}')).toMatchObject({ specversion: '1.0', id: 'ce-1', type: 'org.eclipse.ditto.outbound:things/twin/events/created', subject: 'org.acme:t1', data: { path: '/features/temp' } });
    const normalized = await publishedTo(observerPort, 'normalized', (message) => (message.textPayload ?? '').includes('"temp"'));
    expect(JSON.parse(normalized?.textPayload ?? '{}')).toEqual({ thingId: 'org.acme:t1', features: { temp: { properties: { value: 42 } } }, _revision: expect.any(Number) });
  });

  it('refuses a message over 250 kB with a Ditto error and changes nothing', async () => {
    const huge = JSON.stringify(modify('huge', '/attributes/huge', 'x'.repeat(260 * 1024)));
    const settlement = await inject(mapperPort, { sourceAddress: 'ditto', headers: { 'correlation-id': 'huge' }, textPayload: huge });
    expect(settlement).toMatchObject({ outcome: 'rejected', redeliver: false });
    const reply = await publishedTo(mapperPort, 'replies/huge');
    expect(JSON.parse(reply?.textPayload ?? '{}')).toMatchObject({ status: 413, value: { status: 413, error: 'messages:payload.toolarge' } });
    expect((await get('/api/2/things/org.acme:t1/attributes/huge')).status).toBe(404);
    // the Ditto mapper on the same source still works
    const small = JSON.stringify(modify('small', '/attributes/small', 1));
    expect(await inject(mapperPort, { sourceAddress: 'ditto', headers: { 'correlation-id': 'small' }, textPayload: small })).toEqual({ outcome: 'accepted' });
    expect(JSON.parse((await publishedTo(mapperPort, 'replies/small'))?.textPayload ?? '{}')).toMatchObject({ status: 201 });
  });

  it('publishes the opened and closed announcements of a connection to its announcement target', async () => {
    const opened = await publishedTo(observerPort, 'announcements');
    expect(JSON.parse(opened?.textPayload ?? '{}')).toMatchObject({ topic: '_/observer/connections/announcements/opened', path: '/', value: { openedAt: expect.any(String) } });
    // the closed announcement goes out before the client disconnects (the disconnect announcement delay)
    const closing = service.call('POST', '/api/2/connections/observer/command', { body: 'connectivity.commands:closeConnection', headers: { 'content-type': 'text/plain' } });
    const closed = await publishedTo(observerPort, 'announcements', (message) => (message.textPayload ?? '').includes('/closed'));
    expect(JSON.parse(closed?.textPayload ?? '{}')).toMatchObject({ topic: '_/observer/connections/announcements/closed', value: { closedAt: expect.any(String) } });
    expect((await closing).status).toBe(200);
  }, 20_000);
});
