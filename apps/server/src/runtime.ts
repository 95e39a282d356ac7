import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { SkippedBinding } from '@twinlink/core';
import type { ServiceConfig } from './config/service-config.js';
import type { ConnectionService } from './connections/connection-service.js';
import type { ConnectionJournal } from './persistence/connection-journal.js';

/** A binding the runtime loaded, for `GET /bindings`. */
export interface LoadedBinding {
  readonly packageName: string;
  readonly packageVersion: string;
  readonly apiVersion: string;
  readonly connectionTypes: readonly string[];
  readonly source: 'builtin' | 'discovered';
}

/** The running connectivity engine behind the HTTP API. */
export interface ConnectivityRuntime {
  readonly connections: ConnectionService;
  readonly bindings: { readonly loaded: readonly LoadedBinding[]; readonly skipped: readonly SkippedBinding[] };
  /** prom-client registry with the per-connection counters, served at `GET /metrics`. */
  readonly metricsRegistry: Registry;
  /** Restores every connection whose desired status is open. Resolves when done (then the service is ready). */
  start(): Promise<void>;
  /** Graceful: consumers stop, in-flight messages settle, clients close; bounded by config. */
  stop(): Promise<void>;
}

/** What the runtime needs from the assembly. */
export interface RuntimeDependencies {
  readonly config: ServiceConfig;
  readonly journal: ConnectionJournal;
  readonly logger: Logger;
}
