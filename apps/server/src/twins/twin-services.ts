import { join } from 'node:path';
import { SqliteTwinStore, TwinEngine } from '@twinlink/twins';
import type { ServiceConfig } from '../config/service-config.js';
import type { ConnectivityRuntime } from '../runtime.js';
import type { AckBus } from '../pipelines/ack-bus.js';
import type { SignalDispatcher } from '../pipelines/signal-dispatcher.js';
import { LivePermissions } from './live-permissions.js';

/** What the twin HTTP API and the live channel endpoints work with. */
export interface TwinServices {
  readonly engine: TwinEngine;
  readonly dispatcher: SignalDispatcher;
  readonly acks: AckBus;
}

/**
 * The embedded twin engine over SQLite in the data directory (`twins.db`, group commit), `cacheSize`
 * things and policies cached, policy subject expiries rounded as configured.
 */
export function openTwinEngine(dataDir: string, cacheSize: number, policies: ServiceConfig['policies']): { engine: TwinEngine; permissions: LivePermissions } {
  const subjectExpiry = { expiryGranularityMs: policies.subjectExpiryGranularityMs, announcementGranularityMs: policies.subjectDeletionAnnouncementGranularityMs };
  const engine = new TwinEngine({ store: new SqliteTwinStore({ file: join(dataDir, 'twins.db'), cacheSize }), subjectExpiry });
  return { engine, permissions: new LivePermissions(engine) };
}

const servicesOfRuntime = new WeakMap<ConnectivityRuntime, TwinServices>();

/** Records the twin services of a runtime, for the HTTP assembly. */
export function attachTwinServices(runtime: ConnectivityRuntime, services: TwinServices): void {
  servicesOfRuntime.set(runtime, services);
}

/** The twin services of a runtime; undefined for runtimes without twins (test stand-ins). */
export function twinServicesOf(runtime: ConnectivityRuntime): TwinServices | undefined {
  return servicesOfRuntime.get(runtime);
}
