import { loopbackConnection } from './support/connections.js';
import { eventually } from './support/eventually.js';
import { loopbackInject, loopbackPublished } from './support/loopback-control.js';
import type { LoopbackPublished } from './support/loopback-control.js';
import { freePort, ServiceProcess } from './support/service-process.js';

const USER = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;
const DEVICE = ['integration:device'];
const ALL = { grant: ['READ', 'WRITE'], revoke: [] };
const policy = {
  entries: {
    owner: { subjects: { 'nginx:ditto': { type: 'user' } }, resources: { 'thing:/': ALL, 'policy:/': ALL } },
    device: { subjects: { 'integration:device': { type: 'device' } }, resources: { 'thing:/': ALL } },
  },
};

interface Envelope {
  readonly topic: string;
  readonly status: number;
  readonly path: string;
  /** The Ditto headers. */
  readonly headers: Record<string, unknown>;
}

/** A published Ditto Protocol message and the external headers it was published with. */
interface Delivered {
  readonly envelope: Envelope;
  readonly external: Record<string, string>;
}

interface LogEntry {
  readonly category: string;
  readonly type: string;
  readonly level: string;
  readonly address?: string;
  readonly correlationId: string;
  readonly message: string;
}

const replyTarget = { address: 'replies/{{ header:correlation-id }}', headerMapping: { 'correlation-id': '{{ header:correlation-id }}' }, expectedResponseTypes: ['response', 'error'] };

function modify(correlationId: string, thingId: string, headers: Record<string, string> = {}): string {
  const [namespace, name] = thingId.split(':');
  return JSON.stringify({ topic: `${namespace}/${name}/things/twin/commands/modify`, headers: { 'correlation-id': correlationId, ...headers }, path: '/attributes/diverted', value: correlationId });
}

/** An open diversion source with these sources and no targets. */
function divertingConnection(port: number, specificConfig: Record<string, string>, sources: Record<string, unknown>[]): Record<string, unknown> {
  return loopbackConnection({ connectionStatus: 'open', uri: `loop://127.0.0.1:${port}`, specificConfig: { 'is-diversion-source': 'true', ...specificConfig }, sources, targets: [] });
}

function source(address: string, headerMapping: Record<string, string>): Record<string, unknown> {
  return { addresses: [address], authorizationContext: DEVICE, headerMapping, replyTarget };
}

const toWebhook = { 'divert-response-to-connection': 'webhook' };

describe('response diversion through the real service', () => {
  let service: ServiceProcess;
  const ports: Record<string, number> = {};

  const published = (connection: string): Promise<LoopbackPublished[]> => loopbackPublished(ports[connection] as number);
  const at = async (connection: string, address: string): Promise<Delivered | undefined> => {
    const message = (await published(connection)).find((candidate) => candidate.address === address);
    return message === undefined ? undefined : { envelope: JSON.parse(message.textPayload ?? '{}') as Envelope, external: message.headers };
  };
  const arrived = (connection: string, address: string): Promise<Delivered | undefined> => eventually(() => at(connection, address), (delivered) => delivered !== undefined);
  const divertedFrom = (connection: string) => ({ headers: expect.objectContaining({ 'diverted-response-from-connection': connection }) as unknown });
  const send = (connection: string, sourceAddress: string, textPayload: string): Promise<Record<string, unknown>> => loopbackInject(ports[connection] as number, { sourceAddress, textPayload });
  const logsOf = async (connection: string): Promise<LogEntry[]> => ((await service.call('GET', `/api/2/connections/${connection}/logs`)).json() as { connectionLogs: LogEntry[] }).connectionLogs;

  beforeAll(async () => {
    service = await ServiceProcess.start();
    for (const name of ['devices', 'preserving', 'rogue', 'webhook', 'archive']) ports[name] = await freePort();
    expect((await service.call('PUT', '/api/2/policies/org.acme:p1', { auth: USER, body: policy })).status).toBe(201);
    expect((await service.call('PUT', '/api/2/things/org.acme:t1', { auth: USER, body: { policyId: 'org.acme:p1' } })).status).toBe(201);
    const connections: Record<string, Record<string, unknown>> = {
      devices: divertingConnection(ports['devices'] as number, {}, [source('commands', toWebhook), source('errors-only', { ...toWebhook, 'divert-expected-response-types': 'error' })]),
      preserving: divertingConnection(ports['preserving'] as number, { 'preserve-normal-response-via-source': 'true' }, [source('commands', toWebhook)]),
      rogue: divertingConnection(ports['rogue'] as number, {}, [source('commands', toWebhook)]),
      webhook: loopbackConnection({
        connectionStatus: 'open',
        uri: `loop://127.0.0.1:${ports['webhook']}`,
        specificConfig: { 'is-diversion-target': 'true', 'authorized-connections-as-sources': 'devices, preserving' },
        targets: [
          { address: 'responses/{{ thing:id }}/{{ header:correlation-id }}', topics: [], authorizationContext: ['integration:webhook'], headerMapping: { 'x-diverted-from': '{{ header:diverted-response-from-connection }}' } },
          { address: 'errors/{{ header:correlation-id }}', topics: [], authorizationContext: ['integration:webhook'] },
        ],
      }),
      archive: loopbackConnection({
        connectionStatus: 'open',
        uri: `loop://127.0.0.1:${ports['archive']}`,
        specificConfig: { 'is-diversion-target': 'true', 'authorized-connections-as-sources': 'devices' },
        targets: [{ address: 'archive/{{ header:correlation-id }}', topics: [], authorizationContext: ['integration:archive'] }],
      }),
    };
    for (const [id, connection] of Object.entries(connections)) {
      const created = await service.call('PUT', `/api/2/connections/${id}`, { body: connection });
      expect({ id, status: created.status }).toEqual({ id, status: 201 });
    }
  }, 30_000);

  afterAll(async () => {
    await service.cleanup();
  });

  it('publishes a response through the other connection, with its target mapping and diverted-response-from-connection, instead of the reply target', async () => {
    expect(await send('devices', 'commands', modify('plain-1', 'org.acme:t1'))).toEqual({ outcome: 'accepted' });
    const diverted = await arrived('webhook', 'responses/org.acme:t1/plain-1');
    expect(diverted?.envelope).toMatchObject({ topic: 'org.acme/t1/things/twin/commands/modify', path: '/attributes/diverted', status: 201, ...divertedFrom('devices') });
    // the target's header mapping sees the header
    expect(diverted?.external).toMatchObject({ 'x-diverted-from': 'devices', 'correlation-id': 'plain-1' });
    // the settlement waited for the diversion: nothing went to the source's own reply target
    expect((await published('devices')).map((message) => message.address)).not.toContain('replies/plain-1');
    expect((await service.call('GET', '/api/2/things/org.acme:t1/attributes/diverted', { auth: USER })).json()).toBe('plain-1');
    const logs = await logsOf('webhook');
    expect(logs).toContainEqual(expect.objectContaining({ category: 'target', type: 'published', level: 'success', address: 'responses/{{ thing:id }}/{{ header:correlation-id }}', correlationId: 'plain-1' }));
  });

  it('diverts the response types listed in divert-expected-response-types (response and error by default)', async () => {
    // default types: an error is diverted
    await send('devices', 'commands', modify('error-default', 'org.acme:missing'));
    expect((await arrived('webhook', 'responses/org.acme:missing/error-default'))?.envelope).toMatchObject({ status: 404, ...divertedFrom('devices') });
    // errors only: the success response takes its normal way, the error is diverted
    await send('devices', 'errors-only', modify('ok-errors-only', 'org.acme:t1'));
    expect((await arrived('devices', 'replies/ok-errors-only'))?.envelope).toMatchObject({ status: 204 });
    expect((await published('webhook')).some((message) => message.headers['correlation-id'] === 'ok-errors-only')).toBe(false);
    await send('devices', 'errors-only', modify('error-errors-only', 'org.acme:missing'));
    expect((await arrived('webhook', 'errors/error-errors-only'))?.envelope).toMatchObject({ status: 404, ...divertedFrom('devices') });
    expect(await at('devices', 'replies/error-errors-only')).toBeUndefined();
  });

  it('also answers through the reply target with preserve-normal-response-via-source', async () => {
    expect(await send('preserving', 'commands', modify('preserved', 'org.acme:t1'))).toEqual({ outcome: 'accepted' });
    expect((await arrived('webhook', 'responses/org.acme:t1/preserved'))?.envelope).toMatchObject({ status: 204, ...divertedFrom('preserving') });
    const normal = (await arrived('preserving', 'replies/preserved'))?.envelope;
    expect(normal).toMatchObject({ status: 204 });
    expect(normal?.headers['diverted-response-from-connection']).toBeUndefined();
  });

  it('drops a response diverted by a connection the target does not authorize, with a warning in its log', async () => {
    expect(await send('rogue', 'commands', modify('rogue-1', 'org.acme:t1'))).toEqual({ outcome: 'accepted' });
    const logs = await eventually(() => logsOf('webhook'), (entries) => entries.some((entry) => entry.correlationId === 'rogue-1'));
    expect(logs.filter((entry) => entry.correlationId === 'rogue-1')).toEqual([
      expect.objectContaining({ category: 'response', type: 'dropped', level: 'failure', message: expect.stringContaining("from connection 'rogue' dropped") }),
    ]);
    expect((await published('webhook')).some((message) => message.headers['correlation-id'] === 'rogue-1')).toBe(false);
    expect(await at('rogue', 'replies/rogue-1')).toBeUndefined();
  });

  it("routes by the originating source's index, and to the only target of a single-target connection", async () => {
    await send('devices', 'commands', modify('index-0', 'org.acme:missing'));
    await send('devices', 'errors-only', modify('index-1', 'org.acme:missing'));
    expect((await arrived('webhook', 'responses/org.acme:missing/index-0'))?.envelope).toMatchObject({ status: 404 });
    expect((await arrived('webhook', 'errors/index-1'))?.envelope).toMatchObject({ status: 404 });
    // a payload mapper's header (here the Ditto Protocol headers) names the connection dynamically, over the header mapping
    await send('devices', 'errors-only', modify('dynamic-1', 'org.acme:missing', { 'divert-response-to-connection': 'archive' }));
    expect((await arrived('archive', 'archive/dynamic-1'))?.envelope).toMatchObject({ status: 404, ...divertedFrom('devices') });
  });

  it('drops responses diverted to a connection that does not exist, is closed or is no diversion target, counted by the source', async () => {
    const sleeper = loopbackConnection({ specificConfig: { 'is-diversion-target': 'true', 'authorized-connections-as-sources': 'devices' }, targets: [{ address: 'asleep', topics: [], authorizationContext: ['integration:sleeper'] }] });
    expect((await service.call('PUT', '/api/2/connections/sleeper', { body: sleeper })).status).toBe(201);
    const cases = { ghost: 'ghost', sleeper: 'sleeper', preserving: 'preserving' };
    for (const [correlationId, to] of Object.entries(cases)) {
      expect(await send('devices', 'commands', modify(`to-${correlationId}`, 'org.acme:t1', { 'divert-response-to-connection': to }))).toEqual({ outcome: 'accepted' });
    }
    const dropped = (await logsOf('devices')).filter((entry) => entry.type === 'dropped');
    expect(dropped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'response', level: 'failure', correlationId: 'to-ghost', message: "Response diverted to connection 'ghost' dropped: the connection is not open." }),
        expect.objectContaining({ category: 'response', level: 'failure', correlationId: 'to-sleeper', message: "Response diverted to connection 'sleeper' dropped: the connection is not open." }),
        expect.objectContaining({ category: 'response', level: 'failure', correlationId: 'to-preserving', message: "Response diverted to connection 'preserving' dropped: the connection is no diversion target." }),
      ]),
    );
    const addresses = (await published('devices')).map((message) => message.address);
    for (const correlationId of Object.keys(cases)) expect(addresses).not.toContain(`replies/to-${correlationId}`);
    const metrics = (await service.call('GET', '/api/2/connections/devices/metrics')).json() as { connectionMetrics: { outbound: { dropped: { failure: { PT1H: number } } } } };
    expect(metrics.connectionMetrics.outbound.dropped.failure.PT1H).toBeGreaterThanOrEqual(3);
  });

  it('refuses a diversion target whose targets have topics', async () => {
    const invalid = loopbackConnection({ specificConfig: { 'is-diversion-target': 'true' } });
    const response = await service.call('PUT', '/api/2/connections/topical', { body: invalid });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: 'connectivity:connection.configuration.invalid', message: expect.stringContaining('isDiversionTarget is true') });
  });
});
