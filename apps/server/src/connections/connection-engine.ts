import { checkConnection, createHostValidator, DittoError, parseConnection } from '@twinlink/core';
import type { BindingPlugin, BindingRegistry, ClientSupervisorStatus, Connection, ConsumerSpec, HostValidator, InboundSink, JsonObject, ValidateConnectionOptions } from '@twinlink/core';
import type { Logger } from 'pino';
import type { ConnectionAnnouncer } from '../announcements/connection-announcer.js';
import type { ServiceConfig } from '../config/service-config.js';
import type { ConnectionMonitoring } from '../observability/connection-monitoring.js';
import { connectionFailed } from './connection-errors.js';
import { RunningConnection } from './running-connection.js';

/** Builds the inbound sink of a consumer; the inbound pipeline plugs in here. */
export type InboundSinkFactory = (connection: Connection, spec: ConsumerSpec) => InboundSink;

/** What the engine works with. */
export interface ConnectionEngineDeps {
  readonly config: ServiceConfig;
  readonly registry: BindingRegistry;
  readonly plugins: ReadonlyMap<string, BindingPlugin>;
  readonly monitoring: ConnectionMonitoring;
  readonly announcer: ConnectionAnnouncer;
  readonly inbound: InboundSinkFactory;
  readonly logger: Logger;
}

/** A connection that should run but cannot start (e.g. its binding is no longer installed). */
interface StartProblem {
  readonly reason: string;
  readonly since: Date;
}

/**
 * The running side of the lifecycle: which connections have clients, starting and stopping them,
 * waiting for them to connect, and running a temporary client for testConnection.
 */
export class ConnectionEngine {
  readonly validationOptions: ValidateConnectionOptions;
  private readonly running = new Map<string, RunningConnection>();
  private readonly problems = new Map<string, StartProblem>();
  private readonly closedSince = new Map<string, Date>();
  private readonly hosts: HostValidator;

  constructor(private readonly deps: ConnectionEngineDeps) {
    const settings = deps.config.connections;
    this.validationOptions = { bindings: deps.registry, limits: settings.limits, hostBlocking: settings.hostBlocking, enforceHttps: settings.enforceHttps };
    this.hosts = createHostValidator(settings.hostBlocking);
  }

  /** Stored JSON as a connection, validated against the current configuration (open re-validates, §4.1). */
  revalidate(json: JsonObject): Connection {
    const connection = parseConnection(json, { extraConnectionTypes: this.deps.registry.types() });
    const error = checkConnection(connection, this.validationOptions, this.deps.registry);
    if (error) throw error;
    return connection;
  }

  isRunning(connectionId: string): boolean {
    return this.running.has(connectionId) || this.problems.has(connectionId);
  }

  runningConnection(connectionId: string): RunningConnection | undefined {
    return this.running.get(connectionId);
  }

  /** Starts the clients of a connection (replacing none: callers stop first). Connecting goes on in the background. */
  start(connection: Connection): RunningConnection {
    const running = this.create(connection, true);
    this.running.set(connection.id, running);
    this.problems.delete(connection.id);
    this.deps.monitoring.prepareMetrics(connection.id, { sources: connection.sources.flatMap((source) => source.addresses), targets: connection.targets.map((target) => target.address) });
    running.start();
    return running;
  }

  /** Records a desired-open connection that cannot start; its status reports `misconfigured` with the reason. */
  markUnstartable(connectionId: string, reason: string): void {
    this.problems.set(connectionId, { reason, since: new Date() });
  }

  /** Waits for every client; a failure or timeout becomes 504 `connectivity:connection.failed` with the cause. */
  async awaitConnected(running: RunningConnection): Promise<void> {
    try {
      await running.whenConnected(this.deps.config.connections.commandTimeoutMs);
    } catch (error) {
      throw connectionFailed(running.connection.id, error instanceof Error ? error.message : String(error));
    }
  }

  /** Stops the clients of a connection, if any; `graceful` publishes the closed announcement first. */
  async stop(connectionId: string, graceful: boolean): Promise<void> {
    this.problems.delete(connectionId);
    const running = this.running.get(connectionId);
    if (!running) return;
    this.running.delete(connectionId);
    await running.stop(graceful);
    this.closedSince.set(connectionId, new Date());
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((connectionId) => this.stop(connectionId, true)));
  }

  /** Status of the running clients, or undefined when none run. */
  statuses(connectionId: string): ClientSupervisorStatus[] | undefined {
    const problem = this.problems.get(connectionId);
    if (problem) {
      return [{ clientIndex: 0, client: { status: 'misconfigured', recoveryStatus: 'unknown', statusDetails: problem.reason, inStateSince: problem.since }, sources: [], targets: [] }];
    }
    return this.running.get(connectionId)?.statuses();
  }

  lastClosed(connectionId: string): Date | undefined {
    return this.closedSince.get(connectionId);
  }

  /**
   * testConnection (§4.7): one temporary client, no announcements, a sink that settles nothing
   * positively (a dry-run consumer must not acknowledge or forward), disconnected afterwards.
   * Returns the per-stage report; a failed connect or stage becomes 504 with the cause.
   */
  async test(connection: Connection): Promise<string> {
    const running = this.create(connection, false);
    running.start();
    try {
      await this.awaitConnected(running);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.deps.config.connections.commandTimeoutMs).unref();
      const stages = await running.test(controller.signal).finally(() => clearTimeout(timer));
      const failed = stages.filter((stage) => !stage.success);
      if (failed.length > 0) throw connectionFailed(connection.id, failed.map((stage) => `${stage.stage}: ${stage.detail ?? 'failed'}`).join('; '));
      const report = stages.map((stage) => `${stage.stage}: ok`).join(', ');
      return `Success(successfully connected + initialized mapper${report ? `; ${report}` : ''})`;
    } finally {
      await running.stop(false);
    }
  }

  private create(connection: Connection, live: boolean): RunningConnection {
    const registered = this.deps.registry.get(connection.connectionType);
    const plugin = this.deps.plugins.get(connection.connectionType);
    if (!registered || !plugin) {
      throw new DittoError({ status: 400, error: 'connectivity:connection.configuration.invalid', message: `No binding is installed for connection type '${connection.connectionType}'.` });
    }
    const recorder = this.deps.monitoring.recorder(connection.id, connection.connectionType);
    return new RunningConnection(
      connection,
      {
        plugin,
        spec: registered.spec,
        settings: this.deps.config.connections,
        hosts: this.hosts,
        recorder,
        ...(live ? { announcer: this.deps.announcer } : {}),
        inbound: live ? (spec) => this.deps.inbound(connection, spec) : () => DRY_RUN_SINK,
        logger: this.deps.logger,
      },
      live ? connection.clientCount : 1,
    );
  }
}

const DRY_RUN_SINK: InboundSink = {
  capacity: 1,
  deliver: async () => ({ outcome: 'rejected', redeliver: true, reason: 'A test connection does not process messages.' }),
};
