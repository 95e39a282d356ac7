import { randomUUID } from 'node:crypto';
import { BackoffPolicy, buildTlsOptions, ClientSupervisor, parseConnectionUri } from '@twinlink/core';
import type { BindingLogger, BindingPlugin, ClientSupervisorStatus, Connection, ConnectionTypeSpec, ConnectivityStatus, ConsumerSpec, HostValidator, InboundSink, TestStage } from '@twinlink/core';
import type { Logger } from 'pino';
import type { ConnectionAnnouncer } from '../announcements/connection-announcer.js';
import type { ServiceConfig } from '../config/service-config.js';
import type { ConnectionRecorder } from '../observability/connection-monitoring.js';

/** Connect attempts before a client gives up (recovery status `backOffLimitReached`); Ditto's `connecting-max-tries`. */
export const MAX_CONNECT_ATTEMPTS = 50;

/** Everything a running connection needs from the service. */
export interface RunningConnectionDeps {
  readonly plugin: BindingPlugin;
  readonly spec: ConnectionTypeSpec;
  readonly settings: ServiceConfig['connections'];
  readonly hosts: HostValidator;
  readonly recorder: ConnectionRecorder;
  /** Absent for test connections, which announce nothing. */
  readonly announcer?: ConnectionAnnouncer;
  readonly inbound: (spec: ConsumerSpec) => InboundSink;
  readonly logger: Logger;
}

/**
 * The clients of one connection: `clientCount` supervisors (all in this process), their status,
 * the connection-category log entries of their transitions, and the opened/closed announcements.
 */
export class RunningConnection {
  private readonly supervisors: ClientSupervisor[];
  private readonly lastClientStatus = new Map<number, ConnectivityStatus>();
  private graceful = true;

  constructor(
    readonly connection: Connection,
    private readonly deps: RunningConnectionDeps,
    clientCount: number = connection.clientCount,
  ) {
    const uri = parseConnectionUri(connection.uri);
    const tls = buildTlsOptions(connection, uri, deps.spec.secureUriSchemes);
    this.supervisors = Array.from({ length: clientCount }, (_, clientIndex) => {
      const logger = deps.logger.child({ connectionId: connection.id, clientIndex });
      return new ClientSupervisor({
        plugin: deps.plugin,
        context: { connection, uri, clientIndex, instanceId: randomUUID(), tls, hosts: deps.hosts, logger: bindingLogger(logger) },
        inbound: deps.inbound,
        backoff: new BackoffPolicy({ minMs: deps.settings.minBackoffMs, maxMs: deps.settings.maxBackoffMs, maxAttempts: MAX_CONNECT_ATTEMPTS }),
        connectTimeoutMs: deps.settings.connectTimeoutMs,
        stopTimeoutMs: deps.settings.shutdownTimeoutMs,
        listener: {
          statusChanged: (status) => this.logTransition(status),
          connected: (publisher) => void deps.announcer?.opened(connection, publisher),
          beforeGracefulDisconnect: async (publisher) => {
            if (this.graceful) await deps.announcer?.closed(connection, publisher);
          },
          throttled: (address) => deps.recorder.record({ direction: 'inbound', type: 'throttled', address, success: false, message: 'The consumer exceeded its throttling limit.' }),
        },
      });
    });
  }

  start(): void {
    for (const supervisor of this.supervisors) supervisor.start();
  }

  /** Resolves when every client is connected; rejects with the first failure, or after `timeoutMs`. */
  whenConnected(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The clients did not connect within ${timeoutMs} ms.`)), timeoutMs);
      timer.unref();
    });
    return Promise.race([Promise.all(this.supervisors.map((supervisor) => supervisor.whenConnected())).then(() => undefined), timeout]).finally(() => clearTimeout(timer));
  }

  /** The first client's per-stage test report (testConnection runs exactly one client). */
  test(signal: AbortSignal): Promise<readonly TestStage[]> {
    const [first] = this.supervisors;
    return first ? first.test(signal) : Promise.resolve([]);
  }

  statuses(): ClientSupervisorStatus[] {
    return this.supervisors.map((supervisor) => supervisor.status);
  }

  /** `graceful`: publish the closed announcement and wait for it before disconnecting (close, delete, modify, shutdown). */
  async stop(graceful: boolean): Promise<void> {
    this.graceful = graceful;
    await Promise.all(this.supervisors.map((supervisor) => supervisor.stop()));
  }

  private logTransition(status: ClientSupervisorStatus): void {
    const previous = this.lastClientStatus.get(status.clientIndex);
    const current = status.client.status;
    if (previous === current) return;
    this.lastClientStatus.set(status.clientIndex, current);
    if (current === 'open') this.deps.recorder.connectionEvent(true, `Client ${status.clientIndex} connected.`);
    else if (current === 'failed' || current === 'misconfigured') this.deps.recorder.connectionEvent(false, `Client ${status.clientIndex} failed: ${status.client.statusDetails}`);
    else if (current === 'closed' && previous !== undefined) this.deps.recorder.connectionEvent(true, `Client ${status.clientIndex} disconnected.`);
  }
}

function bindingLogger(logger: Logger): BindingLogger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
