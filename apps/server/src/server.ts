import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config/service-config.js';
import { createHttpServer } from './http/create-http-server.js';
import { Readiness } from './http/readiness.js';
import type { ConnectionJournal } from './persistence/connection-journal.js';
import { openSqliteJournal } from './persistence/sqlite-connection-journal.js';
import type { ConnectivityRuntime, RuntimeDependencies } from './runtime.js';

/** Builds the engine; main passes runtime/create-runtime.js, tests may pass a stand-in. */
export type RuntimeFactory = (dependencies: RuntimeDependencies) => ConnectivityRuntime | Promise<ConnectivityRuntime>;

/** How the service is assembled. */
export interface StartOptions {
  readonly config: ServiceConfig;
  readonly logger: Logger;
  readonly createRuntime: RuntimeFactory;
  /** Defaults to the embedded SQLite journal in `config.storage.dataDir`. */
  readonly openJournal?: (config: ServiceConfig) => ConnectionJournal;
}

/** The running service. */
export interface RunningService {
  readonly http: FastifyInstance;
  readonly runtime: ConnectivityRuntime;
  readonly readiness: Readiness;
  /** The address the HTTP server listens on. */
  readonly url: string;
  /**
   * Graceful shutdown: `/ready` turns 503 at once and other requests are refused, the runtime stops
   * (consumers stop, messages settle, clients close), then the HTTP server closes and the journal
   * closes. Resolves `false` when that took longer than `shutdownTimeoutMs`.
   */
  stop(): Promise<boolean>;
}

const defaultJournal = (config: ServiceConfig): ConnectionJournal =>
  openSqliteJournal({ dataDir: config.storage.dataDir, snapshotEvery: config.storage.snapshotEvery });

/**
 * Opens the journal, creates the runtime, starts listening, then restores connections; `/ready`
 * answers 200 only after that. Listening first keeps `/alive` and `/ready` (503) reachable during
 * a long restore.
 */
export async function startService(options: StartOptions): Promise<RunningService> {
  const { config, logger } = options;
  const instanceId = config.instanceId ?? hostname();
  const journal = (options.openJournal ?? defaultJournal)(config);
  let runtime: ConnectivityRuntime | undefined;
  let http: FastifyInstance | undefined;
  try {
    runtime = await options.createRuntime({ config, journal, logger });
    const readiness = new Readiness();
    http = createHttpServer({ config, instanceId, runtime, logger, readiness });
    const url = await http.listen({ port: config.http.port, host: config.http.host });
    logger.info({ url, instanceId }, 'HTTP server listening');
    await runtime.start();
    readiness.markReady();
    logger.info('service ready');
    const started = { http, runtime, journal };
    let stopping: Promise<boolean> | undefined;
    return {
      http,
      runtime,
      readiness,
      url,
      stop: () => (stopping ??= stopService(started, readiness, config.connections.shutdownTimeoutMs, logger)),
    };
  } catch (error) {
    await http?.close().catch(() => undefined);
    await runtime?.stop().catch(() => undefined);
    await journal.close().catch(() => undefined);
    throw error;
  }
}

async function stopService(
  parts: { http: FastifyInstance; runtime: ConnectivityRuntime; journal: ConnectionJournal },
  readiness: Readiness,
  timeoutMs: number,
  logger: Logger,
): Promise<boolean> {
  readiness.markStopping();
  logger.info({ timeoutMs }, 'shutting down');
  // Connections drain first while HTTP keeps answering (`/ready` 503, other requests 503), so that
  // a load balancer sees the drain; the port closes last.
  const steps = async () => {
    await parts.runtime.stop();
    await parts.http.close();
    await parts.journal.close();
  };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([steps().then(() => 'done' as const), timedOut]);
    if (outcome === 'timeout') {
      logger.error({ timeoutMs }, 'shutdown did not finish in time');
      return false;
    }
    logger.info('shutdown complete');
    return true;
  } finally {
    clearTimeout(timer);
  }
}
