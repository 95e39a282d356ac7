import { BINDING_PLUGIN, BindingError, defineBinding, DittoError, OUTBOUND_NAMESPACES } from '@twinlink/core';
import type { BindingErrorKind, ClientContext, JsonObject, ProtocolClient } from '@twinlink/core';
import { ContainerModule } from 'inversify';
import pino from 'pino';
import type { AnnouncementDelivery } from '../announcements/announcement-sink.js';
import { defaultConfig } from '../config/default-config.js';
import type { ServiceConfig } from '../config/service-config.js';
import type { ConnectionEvent, ConnectionJournal, StoredConnection } from '../persistence/connection-journal.js';
import { createRuntime } from '../runtime/create-runtime.js';
import type { ConnectivityRuntime } from '../runtime.js';
import type { CommandResult, ConnectivityCommand } from './connectivity-command.js';

/** The journal port in memory. */
class MemoryJournal implements ConnectionJournal {
  readonly events: ConnectionEvent[] = [];
  async append(event: ConnectionEvent): Promise<void> {
    const current = await this.load(event.connectionId);
    if (event.revision !== (current?.revision ?? 0) + 1) throw new Error('revision conflict');
    this.events.push(event);
  }
  async load(connectionId: string): Promise<StoredConnection | undefined> {
    const events = this.events.filter((event) => event.connectionId === connectionId);
    if (events.length === 0) return undefined;
    const last = events[events.length - 1] as ConnectionEvent;
    const created = [...events].reverse().find((event) => event.type === 'created');
    return { connectionId, revision: last.revision, created: created?.timestamp ?? last.timestamp, modified: last.timestamp, deleted: last.type === 'deleted', connection: last.connection };
  }
  async loadAll(): Promise<StoredConnection[]> {
    const ids = [...new Set(this.events.map((event) => event.connectionId))];
    const all = await Promise.all(ids.map((id) => this.load(id)));
    return all.filter((stored): stored is StoredConnection => stored !== undefined && !stored.deleted);
  }
  async close(): Promise<void> {}
}

/** Trace of what fake clients did, shared by every client of the test. */
const trace: string[] = [];

/** A client that connects at once, or fails with the kind named in specificConfig `fail`. */
function fakeClient(context: ClientContext): ProtocolClient {
  const tag = `${context.connection.id}#${context.clientIndex}`;
  return {
    connect: async () => {
      trace.push(`connect ${tag}`);
      const kind = context.connection.specificConfig['fail'];
      if (kind) throw new BindingError('TWINLINK_ERR_FAKE_REFUSED', kind as BindingErrorKind, 'Connection refused');
    },
    disconnect: async () => void trace.push(`disconnect ${tag}`),
    createConsumer: async (spec) => ({ address: spec.address, stop: async () => undefined }),
    createPublisher: async () => ({ maxInFlight: 1, publish: async () => ({ status: 200 }), close: async () => undefined }),
    test: async () => [{ stage: 'connect', success: true }],
  };
}

const FAKE_BINDING = defineBinding({
  packageName: '@test/binding-fake',
  packageVersion: '1.0.0',
  apiVersion: '1.0.0',
  connectionTypes: [
    {
      type: 'fake',
      uriSchemes: ['fake'],
      secureUriSchemes: [],
      capabilities: { sources: true, targets: true, inboundSettlement: 'per-message', sshTunnel: false, credentials: ['oauth-client-credentials'] },
      placeholders: { enforcementInput: ['header'], sourceHeaderMapping: OUTBOUND_NAMESPACES, targetHeaderMapping: OUTBOUND_NAMESPACES },
      specificConfig: [],
      validate: () => undefined,
    },
  ],
  containerModule: new ContainerModule(({ bind }) => void bind(BINDING_PLUGIN).toConstantValue({ connectionType: 'fake', createClient: fakeClient })),
});

function connectionJson(id: string, extra: JsonObject = {}): JsonObject {
  return {
    id,
    connectionType: 'fake',
    connectionStatus: 'closed',
    uri: 'fake://user:secret@broker:1234',
    sources: [{ addresses: ['in'], authorizationContext: ['integration:test'] }],
    targets: [{ address: 'out', topics: ['_/_/things/twin/events'], authorizationContext: ['integration:test'] }],
    tags: ['prod'],
    ...extra,
  };
}

const OAUTH = { type: 'oauth-client-credentials', tokenEndpoint: 'https://auth.example/token', clientId: 'client', clientSecret: 'SECRET', requestedScopes: 'scope' };

let journal: MemoryJournal;
let runtime: ConnectivityRuntime;
let announced: AnnouncementDelivery[];

async function start(config: ServiceConfig = testConfig()): Promise<void> {
  announced = [];
  runtime = await createRuntime(
    { config, journal, logger: pino({ level: 'silent' }) },
    { builtins: [FAKE_BINDING], announcements: { publish: async (delivery) => void (announced.push(delivery), trace.push(`announce ${delivery.announcement.topic}`)) } },
  );
  await runtime.start();
}

function testConfig(): ServiceConfig {
  const config = defaultConfig();
  return { ...config, instanceId: 'node-1', connections: { ...config.connections, disconnectAnnouncementMs: 1, commandTimeoutMs: 2_000, minBackoffMs: 60_000, maxBackoffMs: 60_000 } };
}

const run = (command: ConnectivityCommand, sudo = false): Promise<CommandResult> => runtime.connections.execute(command, { sudo });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => (error instanceof DittoError ? error.toJSON() : error));

beforeEach(async () => {
  trace.length = 0;
  journal = new MemoryJournal();
  await start();
});

afterEach(async () => runtime.stop());

describe('EngineConnectionService lifecycle', () => {
  it('creates, masks secrets in every answer and refuses a second create with 409', async () => {
    const created = await run({ type: 'createConnection', connection: connectionJson('c1', { credentials: OAUTH }) });
    expect(created).toMatchObject({ type: 'connectivity.responses:createConnection', status: 201 });
    expect(created.payload['connection']).toMatchObject({ uri: 'fake://user:*****@broker:1234', credentials: { ...OAUTH, clientSecret: '*****' } });
    expect(journal.events[0]?.connection?.['uri']).toBe('fake://user:secret@broker:1234');
    expect(await failure(run({ type: 'createConnection', connection: connectionJson('c1') }))).toMatchObject({ status: 409, error: 'connectivity:connection.conflict' });
    const retrieved = await run({ type: 'retrieveConnection', connectionId: 'c1' });
    expect(retrieved.payload['connection']).toMatchObject({ uri: 'fake://user:*****@broker:1234' });
    expect(retrieved.payload['connection']).not.toHaveProperty('_revision');
  });

  it('keeps stored secrets when a modify sends the masked values back', async () => {
    await run({ type: 'createConnection', connection: connectionJson('c1', { credentials: OAUTH }) });
    const masked = (await run({ type: 'retrieveConnection', connectionId: 'c1' })).payload['connection'] as JsonObject;
    expect(await run({ type: 'modifyConnection', connection: { ...masked, name: 'renamed' } })).toMatchObject({ status: 204, payload: { connectionId: 'c1' } });
    const stored = await journal.load('c1');
    expect(stored?.connection).toMatchObject({ name: 'renamed', uri: 'fake://user:secret@broker:1234', credentials: { clientSecret: 'SECRET' } });
    expect(stored?.revision).toBe(2);
  });

  it('turns a modify of an unknown id into a create and guards the connection type', async () => {
    expect(await run({ type: 'modifyConnection', connection: connectionJson('c2') })).toMatchObject({ type: 'connectivity.responses:createConnection', status: 201 });
    const changed = { ...connectionJson('c2'), connectionType: 'mqtt', uri: 'tcp://broker:1883' };
    expect(await failure(run({ type: 'modifyConnection', connection: changed }))).toMatchObject({ status: 400 });
  });

  it('answers 404 for unknown or deleted ids and lets a deleted id be created again', async () => {
    expect(await failure(run({ type: 'openConnection', connectionId: 'nope' }))).toMatchObject({ status: 404, error: 'connectivity:connection.notfound' });
    await run({ type: 'createConnection', connection: connectionJson('c3') });
    expect(await run({ type: 'deleteConnection', connectionId: 'c3' })).toMatchObject({ status: 204 });
    expect(await failure(run({ type: 'retrieveConnectionStatus', connectionId: 'c3' }))).toMatchObject({ status: 404 });
    await run({ type: 'createConnection', connection: connectionJson('c3') });
    const selected = await run({ type: 'retrieveConnection', connectionId: 'c3', selectedFields: 'id,_revision' });
    expect(selected.payload['connection']).toEqual({ id: 'c3', _revision: 3 });
  });

  it('opens: clients connect, status reports them, logs are enabled; close returns to the closed answer', async () => {
    await run({ type: 'createConnection', connection: connectionJson('c4') });
    expect(await run({ type: 'openConnection', connectionId: 'c4' })).toMatchObject({ status: 200, payload: { connectionId: 'c4' } });
    const status = (await run({ type: 'retrieveConnectionStatus', connectionId: 'c4' })).payload;
    expect(status).toMatchObject({ connectionStatus: 'open', liveStatus: 'open', recoveryStatus: 'succeeded', clientStatus: [{ type: 'client', client: 'node-1', status: 'open' }], sourceStatus: [{ address: 'in', status: 'open' }], targetStatus: [{ address: 'out', status: 'open' }] });
    const metrics = (await run({ type: 'retrieveConnectionMetrics', connectionId: 'c4' })).payload;
    expect(metrics).toMatchObject({ connectionId: 'c4', containsFailures: false, connectionMetrics: { inbound: { consumed: { success: { PT1M: 0 } } } } });
    const logs = (await run({ type: 'retrieveConnectionLogs', connectionId: 'c4' })).payload;
    expect(logs['connectionLogs']).toEqual([expect.objectContaining({ category: 'connection', type: 'other', level: 'success', message: 'Client 0 connected.' })]);
    expect(await run({ type: 'closeConnection', connectionId: 'c4' })).toMatchObject({ status: 200 });
    expect((await run({ type: 'retrieveConnectionStatus', connectionId: 'c4' })).payload).toMatchObject({ connectionStatus: 'closed', liveStatus: 'closed', clientStatus: [{ statusDetails: '[DISCONNECTED] connection is closed' }] });
    expect((await run({ type: 'retrieveConnectionMetrics', connectionId: 'c4' })).payload['connectionMetrics']).toEqual({ inbound: null, outbound: null });
    expect(journal.events.map((event) => event.type)).toEqual(['created', 'opened', 'closed']);
  });

  it('answers 504 with the cause when the clients cannot connect, and keeps the desired status open', async () => {
    await run({ type: 'createConnection', connection: connectionJson('c5', { specificConfig: { fail: 'auth' } }) });
    expect(await failure(run({ type: 'openConnection', connectionId: 'c5' }))).toMatchObject({ status: 504, error: 'connectivity:connection.failed', description: 'Connection refused' });
    expect((await journal.load('c5'))?.connection?.['connectionStatus']).toBe('open');
    expect((await run({ type: 'retrieveConnectionStatus', connectionId: 'c5' })).payload).toMatchObject({ connectionStatus: 'open', liveStatus: 'misconfigured', recoveryStatus: 'ongoing' });
  });

  it('tests with one temporary client and persists nothing; an existing id answers 409', async () => {
    const tested = await run({ type: 'testConnection', connection: connectionJson('t1', { clientCount: 2 }) });
    expect(tested).toMatchObject({ status: 200, payload: { connectionId: 't1' } });
    expect(String(tested.payload['testResult'])).toContain('Success');
    expect(trace.filter((entry) => entry.startsWith('connect'))).toEqual(['connect t1#0']);
    expect(journal.events).toEqual([]);
    await run({ type: 'createConnection', connection: connectionJson('t2') });
    expect(await run({ type: 'testConnection', connection: connectionJson('t2') })).toMatchObject({ status: 409, payload: { testResult: 'Connection was already created - no test possible' } });
    expect(await failure(run({ type: 'testConnection', connection: connectionJson('t3', { specificConfig: { fail: 'transient' } }) }))).toMatchObject({ status: 504 });
  });

  it('lists sorted ids, connections and ids by tag', async () => {
    for (const id of ['b', 'a', 'c']) await run({ type: 'createConnection', connection: connectionJson(id, id === 'c' ? { tags: ['dev'] } : {}) });
    expect((await run({ type: 'retrieveAllConnectionIds' })).payload).toEqual({ connectionIds: ['a', 'b', 'c'] });
    expect((await run({ type: 'retrieveConnections', idsOnly: false, selectedFields: 'id' })).list).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect((await run({ type: 'sudoRetrieveConnectionIdsByTag', tag: 'prod' }, true)).payload).toEqual({ connectionIds: ['a', 'b'] });
    expect((await run({ type: 'sudoRetrieveConnectionTags', connectionId: 'c' }, true)).payload).toEqual({ connectionTags: ['dev'] });
  });

  it('restores open connections on start and leaves closed ones closed', async () => {
    await run({ type: 'createConnection', connection: connectionJson('open-one', { connectionStatus: 'open' }) });
    await run({ type: 'createConnection', connection: connectionJson('closed-one') });
    await runtime.stop();
    trace.length = 0;
    await start();
    await runtime.connections.execute({ type: 'openConnection', connectionId: 'open-one' });
    expect(trace.filter((entry) => entry.startsWith('connect'))).toEqual(['connect open-one#0']);
    expect((await run({ type: 'retrieveConnectionStatus', connectionId: 'closed-one' })).payload).toMatchObject({ liveStatus: 'closed' });
  });

  it('announces opened after connecting and closed before disconnecting', async () => {
    const announcing = { ...connectionJson('ann'), targets: [{ address: 'out', topics: ['_/_/connections/announcements'], authorizationContext: ['integration:test'] }] };
    await run({ type: 'createConnection', connection: announcing });
    await run({ type: 'openConnection', connectionId: 'ann' });
    await run({ type: 'closeConnection', connectionId: 'ann' });
    expect(trace).toEqual(['connect ann#0', 'announce _/ann/connections/announcements/opened', 'announce _/ann/connections/announcements/closed', 'disconnect ann#0']);
    expect(announced[0]?.announcement.value).toHaveProperty('openedAt');
  });

  it('adds log entries sent with sudoAddConnectionLogEntry and rejects malformed ones', async () => {
    await run({ type: 'createConnection', connection: connectionJson('l1', { connectionStatus: 'open' }) });
    await run({ type: 'sudoAddConnectionLogEntry', connectionId: 'l1', logEntry: { category: 'response', type: 'dropped', level: 'failure', message: 'unmatched live response', timestamp: '2030-01-01T00:00:00Z' } }, true);
    const logs = (await run({ type: 'retrieveConnectionLogs', connectionId: 'l1' })).payload['connectionLogs'] as JsonObject[];
    expect(logs.at(-1)).toMatchObject({ category: 'response', message: 'unmatched live response', correlationId: '<not-provided>' });
    expect(await failure(run({ type: 'sudoAddConnectionLogEntry', connectionId: 'l1', logEntry: { level: 'x' } }, true))).toMatchObject({ status: 400 });
  });
});
