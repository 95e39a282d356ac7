import { jest } from '@jest/globals';
import { BindingError } from '../binding-api/binding-error.js';
import type { BindingPlugin } from '../binding-api/binding-plugin.js';
import type { ClientContext } from '../binding-api/client-context.js';
import type { Consumer, ConsumerSpec, ProtocolClient, Publisher } from '../binding-api/protocol-client.js';
import { parseConnectionUri } from '../model/connection-uri.js';
import { parseConnection } from '../model/parse-connection.js';
import { BackoffPolicy } from './backoff-policy.js';
import { ClientSupervisor } from './client-supervisor.js';
import type { ClientSupervisorListener } from './client-supervisor.js';
import type { ClientSupervisorStatus } from './client-status.js';
import type { SupervisorClock } from './supervisor-clock.js';

/** A clock whose time only moves when the test says so. */
class ManualClock implements SupervisorClock {
  private time = Date.parse('2024-01-06T14:00:00Z');
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => new Date(this.time);
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };
  async advance(ms: number): Promise<void> {
    await flush();
    const until = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.callback();
      await flush();
    }
    this.time = until;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

type Outcome = 'ok' | 'hang' | BindingError;

/** A client whose connect outcomes the test scripts, recording everything the supervisor does. */
class ScriptedClient implements ProtocolClient {
  readonly log: string[] = [];
  readonly signals: AbortSignal[] = [];
  consumerStop: () => Promise<void> = async () => undefined;
  constructor(private readonly outcomes: Outcome[]) {}
  connect(signal: AbortSignal): Promise<void> {
    this.log.push('connect');
    this.signals.push(signal);
    const outcome = this.outcomes.shift() ?? 'ok';
    if (outcome === 'ok') return Promise.resolve();
    if (outcome === 'hang') return new Promise(() => undefined);
    return Promise.reject(outcome);
  }
  async disconnect(): Promise<void> {
    this.log.push('disconnect');
  }
  async createConsumer(spec: ConsumerSpec): Promise<Consumer> {
    this.log.push(`consume ${spec.address}#${spec.consumerIndex}`);
    return {
      address: spec.address,
      stop: (mode) => {
        this.log.push(`stop ${spec.address}#${spec.consumerIndex} ${mode}`);
        return this.consumerStop();
      },
    };
  }
  async createPublisher(): Promise<Publisher> {
    this.log.push('publisher');
    return { maxInFlight: 1, publish: async () => ({ status: 200 }), close: async () => void this.log.push('close publisher') };
  }
  async test(): Promise<[]> {
    return [];
  }
}

const CONNECTION = parseConnection({
  id: 'c1',
  connectionType: 'mqtt',
  connectionStatus: 'open',
  uri: 'tcp://broker:1883',
  sources: [{ addresses: ['a', 'b'], consumerCount: 2, authorizationContext: ['s'] }],
  targets: [
    { address: 'plain', topics: ['_/_/things/twin/events'], authorizationContext: ['s'] },
    { address: 'events/{{ thing:id }}', topics: ['_/_/things/twin/events'], authorizationContext: ['s'] },
  ],
});

function supervise(outcomes: Outcome[], extra: { maxAttempts?: number; listener?: ClientSupervisorListener } = {}) {
  const clock = new ManualClock();
  const client = new ScriptedClient(outcomes);
  let emit: ClientContext['emit'] = () => undefined;
  const plugin: BindingPlugin = {
    connectionType: 'mqtt',
    createClient: (context) => {
      emit = context.emit;
      return client;
    },
  };
  const statuses: ClientSupervisorStatus[] = [];
  const supervisor = new ClientSupervisor({
    plugin,
    context: { connection: CONNECTION, uri: parseConnectionUri(CONNECTION.uri), clientIndex: 0, instanceId: 'i1', tls: undefined, hosts: { assertAllowed: async () => undefined }, logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } },
    inbound: () => ({ capacity: 1, deliver: async () => ({ outcome: 'accepted' }) }),
    backoff: new BackoffPolicy({ minMs: 1000, maxMs: 8000, random: () => 0.5, ...(extra.maxAttempts !== undefined ? { maxAttempts: extra.maxAttempts } : {}) }),
    connectTimeoutMs: 5000,
    stopTimeoutMs: 2000,
    clock,
    listener: { statusChanged: (status) => statuses.push(status), ...extra.listener },
  });
  return { supervisor, client, clock, statuses, emit: (...args: Parameters<ClientContext['emit']>) => emit(...args) };
}

const CONSUMERS = ['consume a#0', 'consume a#1', 'consume b#0', 'consume b#1'];
const lost = new BindingError('TWINLINK_ERR_TEST_LOST', 'remote-closed', 'peer went away');

describe('ClientSupervisor', () => {
  it('connects, starts one consumer per address × consumerCount and one publisher, and reports them open', async () => {
    const connected = jest.fn();
    const { supervisor, client } = supervise(['ok'], { listener: { connected } });
    supervisor.start();
    await expect(supervisor.whenConnected()).resolves.toBeUndefined();
    await flush();
    expect(client.log).toEqual(['connect', ...CONSUMERS, 'publisher']);
    const status = supervisor.status;
    expect(status.client).toMatchObject({ status: 'open', recoveryStatus: 'succeeded', statusDetails: 'CONNECTED' });
    expect(status.sources.map((s) => [s.address, s.consumerIndex, s.status])).toEqual([['a', 0, 'open'], ['a', 1, 'open'], ['b', 0, 'open'], ['b', 1, 'open']]);
    expect(status.targets.map((t) => t.status)).toEqual(['open', 'unknown']);
    expect(status.targets[1]?.statusDetails).toBe('Producers for targets with placeholders are started on-demand.');
    expect(connected).toHaveBeenCalledWith(supervisor.publisher);
  });

  it('reports a transient failure as failed, backs off with jitter and reconnects', async () => {
    const { supervisor, client, clock } = supervise([new BindingError('TWINLINK_ERR_TEST_REFUSED', 'transient', 'Connection refused'), 'ok']);
    supervisor.start();
    await expect(supervisor.whenConnected()).rejects.toThrow('Connection refused');
    expect(supervisor.status.client).toMatchObject({ status: 'failed', recoveryStatus: 'ongoing', statusDetails: 'Connection refused' });
    await clock.advance(499);
    expect(client.log.filter((entry) => entry === 'connect')).toHaveLength(1);
    await clock.advance(1);
    expect(client.log.filter((entry) => entry === 'connect')).toHaveLength(2);
    expect(supervisor.status.client).toMatchObject({ status: 'open', recoveryStatus: 'succeeded' });
  });

  it('reports auth and configuration failures as misconfigured', async () => {
    const { supervisor } = supervise([new BindingError('TWINLINK_ERR_TEST_AUTH', 'auth', 'Not authorized')]);
    supervisor.start();
    await supervisor.whenConnected().catch(() => undefined);
    expect(supervisor.status.client.status).toBe('misconfigured');
    expect(supervisor.status.sources.every((s) => s.status === 'closed')).toBe(true);
  });

  it('re-creates consumers and the publisher after a lost connection', async () => {
    const { supervisor, client, clock, emit } = supervise(['ok', 'ok']);
    supervisor.start();
    await supervisor.whenConnected();
    await flush();
    client.log.length = 0;
    emit({ type: 'connection-lost', error: lost });
    await flush();
    expect(supervisor.status.client).toMatchObject({ status: 'failed', statusDetails: 'peer went away', recoveryStatus: 'ongoing' });
    expect(client.log).toEqual(['stop a#0 now', 'stop a#1 now', 'stop b#0 now', 'stop b#1 now', 'close publisher', 'disconnect']);
    emit({ type: 'connection-lost', error: lost });
    await clock.advance(500);
    expect(client.log.slice(6)).toEqual(['connect', ...CONSUMERS, 'publisher']);
    expect(supervisor.status.client.status).toBe('open');
  });

  it('resets the backoff after a successful connect', async () => {
    const refused = new BindingError('TWINLINK_ERR_TEST_REFUSED', 'transient', 'refused');
    const { supervisor, client, clock, emit } = supervise([refused, refused, 'ok', refused, 'ok']);
    supervisor.start();
    await flush();
    await clock.advance(500 + 1000);
    expect(supervisor.status.client.status).toBe('open');
    emit({ type: 'connection-lost', error: lost });
    await flush();
    await clock.advance(500);
    expect(client.log.filter((entry) => entry === 'connect')).toHaveLength(4);
    await clock.advance(1000);
    expect(client.log.filter((entry) => entry === 'connect')).toHaveLength(5);
  });

  it('aborts a connect attempt that exceeds the connect timeout', async () => {
    const { supervisor, client, clock } = supervise(['hang', 'ok']);
    supervisor.start();
    const outcome = expect(supervisor.whenConnected()).rejects.toMatchObject({ code: 'TWINLINK_ERR_CONNECT_TIMEOUT' });
    await clock.advance(5000);
    await outcome;
    expect(client.signals[0]?.aborted).toBe(true);
  });

  it('stops retrying when the backoff limit is reached', async () => {
    const refused = new BindingError('TWINLINK_ERR_TEST_REFUSED', 'transient', 'refused');
    const { supervisor, client, clock } = supervise([refused, refused, refused], { maxAttempts: 1 });
    supervisor.start();
    await flush();
    await clock.advance(60000);
    expect(client.log.filter((entry) => entry === 'connect')).toHaveLength(2);
    expect(supervisor.status.client.recoveryStatus).toBe('backOffLimitReached');
  });

  it('stops gracefully: announcement hook, consumers drain, publisher closes, client disconnects', async () => {
    const order: string[] = [];
    const { supervisor, client } = supervise(['ok'], { listener: { beforeGracefulDisconnect: async () => void order.push('announce') } });
    supervisor.start();
    await supervisor.whenConnected();
    await flush();
    client.log.length = 0;
    client.consumerStop = async () => void order.push('drained');
    await supervisor.stop();
    expect(order.slice(0, 2)).toEqual(['announce', 'drained']);
    expect(client.log).toEqual(['stop a#0 drain', 'stop a#1 drain', 'stop b#0 drain', 'stop b#1 drain', 'close publisher', 'disconnect']);
    expect(supervisor.status.client).toMatchObject({ status: 'closed' });
    expect(supervisor.status.sources.every((s) => s.status === 'closed')).toBe(true);
  });

  it('bounds stop: a consumer that never drains does not keep the client connected', async () => {
    const { supervisor, client, clock } = supervise(['ok']);
    supervisor.start();
    await supervisor.whenConnected();
    await flush();
    client.consumerStop = () => new Promise(() => undefined);
    const stopped = supervisor.stop();
    await clock.advance(2000);
    await stopped;
    expect(client.log.at(-1)).toBe('disconnect');
    expect(supervisor.status.client.status).toBe('closed');
  });

  it('stops while waiting to reconnect without connecting again', async () => {
    const { supervisor, client, clock } = supervise([new BindingError('TWINLINK_ERR_TEST_REFUSED', 'transient', 'refused')]);
    supervisor.start();
    await flush();
    await supervisor.stop();
    await clock.advance(60000);
    expect(client.log.filter((entry) => entry === 'connect')).toHaveLength(1);
    await expect(supervisor.whenConnected()).rejects.toMatchObject({ code: 'TWINLINK_ERR_CLIENT_CLOSED' });
  });

  it('applies resource status events and passes throttling on', async () => {
    const throttled = jest.fn();
    const { supervisor, emit } = supervise(['ok'], { listener: { throttled } });
    supervisor.start();
    await supervisor.whenConnected();
    await flush();
    emit({ type: 'resource-status', resource: 'source', address: 'b', status: 'failed', detail: 'subscription revoked' });
    emit({ type: 'throttled', address: 'a' });
    expect(supervisor.status.sources.filter((s) => s.status === 'failed').map((s) => [s.address, s.statusDetails])).toEqual([['b', 'subscription revoked'], ['b', 'subscription revoked']]);
    expect(throttled).toHaveBeenCalledWith('a');
  });
});
