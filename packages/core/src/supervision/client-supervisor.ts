import { BindingError } from '../binding-api/binding-error.js';
import type { BindingPlugin } from '../binding-api/binding-plugin.js';
import type { ClientContext, ClientEvent } from '../binding-api/client-context.js';
import type { Consumer, ConsumerSpec, ProtocolClient, Publisher, TestStage } from '../binding-api/protocol-client.js';
import type { InboundSink } from '../binding-api/settlement.js';
import type { BackoffPolicy } from './backoff-policy.js';
import type { ClientSupervisorStatus } from './client-status.js';
import { statusOfFailure, toBindingError } from './failure-classification.js';
import { consumerSpecs, needsPublisher, ResourceTable } from './resource-table.js';
import type { SupervisorClock } from './supervisor-clock.js';
import { SYSTEM_CLOCK } from './supervisor-clock.js';

/** Callbacks of a {@link ClientSupervisor}; all optional. @public */
export interface ClientSupervisorListener {
  /** After every change of the client's or a resource's status. */
  statusChanged?(status: ClientSupervisorStatus): void;
  /** After every successful (re)connect, once consumers and the publisher run (opened announcement). */
  connected?(publisher: Publisher | undefined): void;
  /** On a graceful stop while connected, before consumers drain (closed announcement and its delay). */
  beforeGracefulDisconnect?(publisher: Publisher | undefined): Promise<void>;
  /** A consumer exceeded its throttling limit. */
  throttled?(address: string): void;
}

/** What a {@link ClientSupervisor} drives. @public */
export interface ClientSupervisorOptions {
  readonly plugin: BindingPlugin;
  /** The client's context; the supervisor adds `emit`. */
  readonly context: Omit<ClientContext, 'emit'>;
  /** The sink each consumer delivers to. */
  readonly inbound: (spec: ConsumerSpec) => InboundSink;
  readonly backoff: BackoffPolicy;
  /** Bound of one connect attempt, in ms. */
  readonly connectTimeoutMs: number;
  /** Bound of {@link ClientSupervisor.stop}, in ms. */
  readonly stopTimeoutMs: number;
  readonly clock?: SupervisorClock;
  readonly listener?: ClientSupervisorListener;
}

type Phase = 'idle' | 'connecting' | 'establishing' | 'connected' | 'down' | 'stopping' | 'stopped';

/**
 * Drives one {@link ProtocolClient}: connect (bounded by a timeout), one consumer per source address ×
 * `consumerCount`, one publisher; on a failed attempt or a `connection-lost` event it tears everything
 * down, backs off with jitter and does it all again, so consumers and the publisher are re-created
 * after every reconnect. Failures are classified `failed` or `misconfigured` by the error's kind.
 * @public
 */
export class ClientSupervisor {
  private readonly client: ProtocolClient;
  private readonly clock: SupervisorClock;
  private readonly table: ResourceTable;
  private phase: Phase = 'idle';
  private running: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private consumers: Consumer[] = [];
  private currentPublisher: Publisher | undefined;
  private lost: BindingError | undefined;
  private wake: (() => void) | undefined;
  private connectAbort: AbortController | undefined;
  private waiters: { resolve: () => void; reject: (error: BindingError) => void }[] = [];

  constructor(private readonly options: ClientSupervisorOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.table = new ResourceTable(options.context.clientIndex, options.context.connection, this.clock.now());
    this.client = options.plugin.createClient({ ...options.context, emit: (event) => this.onEvent(event) });
  }

  /** The latest status snapshot. */
  get status(): ClientSupervisorStatus {
    return this.table.snapshot();
  }

  /** The running publisher while connected. */
  get publisher(): Publisher | undefined {
    return this.currentPublisher;
  }

  /** Starts connecting; reconnects until {@link stop}. Calling it again does nothing. */
  start(): void {
    if (this.running || this.stopping) return;
    this.running = this.run();
  }

  /**
   * Resolves once the client is connected (at once if it is); rejects with the error of the next
   * failed attempt, or when the supervisor stops first. Reconnecting goes on either way.
   */
  whenConnected(): Promise<void> {
    if (this.phase === 'connected') return Promise.resolve();
    if (this.phase === 'stopping' || this.phase === 'stopped') return Promise.reject(closedError());
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** The binding's per-stage report for testConnection; meaningful once {@link whenConnected} resolved. */
  test(signal: AbortSignal): Promise<readonly TestStage[]> {
    return this.client.test(signal);
  }

  /**
   * Stops for good: when connected, runs `beforeGracefulDisconnect`, lets consumers drain, closes the
   * publisher and disconnects; bounded by `stopTimeoutMs`, after which the client is disconnected
   * without waiting further. Idempotent.
   */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    const wasConnected = this.phase === 'connected';
    this.phase = 'stopping';
    this.connectAbort?.abort(closedError());
    this.wake?.();
    this.settleWaiters(closedError());
    const graceful = async () => {
      await this.running;
      if (wasConnected) await this.options.listener?.beforeGracefulDisconnect?.(this.currentPublisher);
      await this.teardown('drain');
    };
    const finished = await this.within(graceful(), this.options.stopTimeoutMs);
    if (!finished) void this.client.disconnect();
    this.phase = 'stopped';
    const now = this.clock.now();
    this.table.setClient('closed', `Disconnected at ${now.toISOString()}`, now);
    this.table.closeResources('The client is closed.', now);
    this.changed();
  }

  private async run(): Promise<void> {
    this.table.setClient('unknown', 'Connecting.', this.clock.now());
    this.changed();
    while (!this.isStopping()) {
      let failure = await this.establish();
      if (this.isStopping()) return;
      if (failure === undefined) {
        this.options.backoff.reset();
        this.enter('connected');
        const now = this.clock.now();
        this.table.setClient('open', 'CONNECTED', now, 'succeeded');
        this.changed();
        this.settleWaiters(undefined);
        this.options.listener?.connected?.(this.currentPublisher);
        failure = await this.untilLost();
        if (failure === undefined) return;
      }
      this.enter('down');
      this.markFailed(failure);
      this.settleWaiters(failure);
      await this.teardown('now');
      const delay = this.options.backoff.next(statusOfFailure(failure) === 'misconfigured');
      if (delay === undefined) {
        this.table.setRecovery('backOffLimitReached');
        this.changed();
        return;
      }
      await this.sleep(delay);
    }
  }

  /** One attempt: connect, consumers, publisher. Resolves with the failure, or undefined on success. */
  private async establish(): Promise<BindingError | undefined> {
    this.lost = undefined;
    this.enter('connecting');
    try {
      await this.connectWithTimeout();
      this.enter('establishing');
      await this.startConsumers();
      await this.startPublisher();
    } catch (error) {
      return toBindingError(error);
    }
    return this.lost;
  }

  private async connectWithTimeout(): Promise<void> {
    const controller = new AbortController();
    this.connectAbort = controller;
    const timeout = this.options.connectTimeoutMs;
    const timer = this.clock.setTimeout(() => controller.abort(new BindingError('TWINLINK_ERR_CONNECT_TIMEOUT', 'transient', `Connecting timed out after ${timeout} ms.`)), timeout);
    const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
    try {
      await Promise.race([this.client.connect(controller.signal), aborted]);
    } finally {
      this.clock.clearTimeout(timer);
      this.connectAbort = undefined;
    }
  }

  private async startConsumers(): Promise<void> {
    for (const spec of consumerSpecs(this.options.context.connection)) {
      if (this.isStopping()) return;
      try {
        this.consumers.push(await this.client.createConsumer(spec, this.options.inbound(spec)));
        const now = this.clock.now();
        this.table.setConsumer(spec, 'open', `Consumer started at ${now.toISOString()}`, now);
      } catch (error) {
        // A refused subscription marks its source; the client itself stays up (bindings.md, MQTT SUBACK).
        const failure = toBindingError(error);
        this.table.setConsumer(spec, statusOfFailure(failure), failure.message, this.clock.now());
      }
      this.changed();
    }
  }

  private async startPublisher(): Promise<void> {
    if (!needsPublisher(this.options.context.connection) || this.isStopping()) return;
    try {
      this.currentPublisher = await this.client.createPublisher();
      this.table.setTargetsStarted(this.clock.now());
    } catch (error) {
      const failure = toBindingError(error);
      this.table.setTargets(statusOfFailure(failure), failure.message, this.clock.now());
    }
    this.changed();
  }

  /** Waits while connected; resolves with the loss, or undefined when stopping. */
  private untilLost(): Promise<BindingError | undefined> {
    if (this.lost || this.isStopping()) return Promise.resolve(this.isStopping() ? undefined : this.lost);
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve(this.isStopping() ? undefined : this.lost);
      };
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        this.clock.clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  private async teardown(mode: 'drain' | 'now'): Promise<void> {
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.allSettled(consumers.map((consumer) => consumer.stop(mode)));
    const publisher = this.currentPublisher;
    this.currentPublisher = undefined;
    await publisher?.close().catch(() => undefined);
    await this.client.disconnect();
  }

  private onEvent(event: ClientEvent): void {
    if (this.phase === 'stopped') return;
    const now = this.clock.now();
    switch (event.type) {
      case 'connection-lost':
        // Losses while down or backing off schedule nothing more (bindings.md §0.2).
        if (this.phase !== 'connected' && this.phase !== 'establishing') return;
        this.lost ??= event.error;
        this.wake?.();
        return;
      case 'resource-status':
        this.table.setByAddress(event.resource, event.address, event.status, event.detail ?? (event.status === 'open' ? `Started at ${now.toISOString()}` : 'Failed.'), now);
        this.changed();
        return;
      case 'throttled':
        this.options.listener?.throttled?.(event.address);
        return;
    }
  }

  private markFailed(failure: BindingError): void {
    const now = this.clock.now();
    this.table.setClient(statusOfFailure(failure), failure.message, now, 'ongoing');
    this.table.closeResources(`The client is in a failure state: ${failure.message}`, now);
    this.changed();
  }

  private settleWaiters(failure: BindingError | undefined): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      if (failure) waiter.reject(failure);
      else waiter.resolve();
    }
  }

  /** Moves on in the run loop, unless a stop has already taken over. */
  private enter(phase: Exclude<Phase, 'stopping' | 'stopped'>): void {
    if (!this.isStopping()) this.phase = phase;
  }

  private isStopping(): boolean {
    return this.phase === 'stopping' || this.phase === 'stopped';
  }

  private within(work: Promise<void>, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => resolve(false), ms);
      work.then(
        () => {
          this.clock.clearTimeout(timer);
          resolve(true);
        },
        () => {
          this.clock.clearTimeout(timer);
          resolve(true);
        },
      );
    });
  }

  private changed(): void {
    this.options.listener?.statusChanged?.(this.table.snapshot());
  }
}

function closedError(): BindingError {
  return new BindingError('TWINLINK_ERR_CLIENT_CLOSED', 'transient', 'The client was closed.');
}
