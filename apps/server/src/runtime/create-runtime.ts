import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BindingDefinition } from '@twinlink/core';
import type { AnnouncementSink } from '../announcements/announcement-sink.js';
import { ConnectionAnnouncer } from '../announcements/connection-announcer.js';
import { deliverPolicyAnnouncements } from '../announcements/policy-announcements.js';
import { loadBindings } from '../bindings/load-bindings.js';
import { ConnectionEngine } from '../connections/connection-engine.js';
import type { InboundSinkFactory } from '../connections/connection-engine.js';
import { ConnectionStore } from '../connections/connection-store.js';
import { EngineConnectionService } from '../connections/engine-connection-service.js';
import { LifecycleCommands } from '../connections/lifecycle-commands.js';
import { ConnectionMonitoring } from '../observability/connection-monitoring.js';
import { FluentdForwarder } from '../observability/logs/fluentd-forwarder.js';
import { PrometheusMetrics } from '../observability/metrics/prometheus-metrics.js';
import { AckBus } from '../pipelines/ack-bus.js';
import { inboundPipeline } from '../pipelines/inbound-pipeline.js';
import { OutboundPipeline } from '../pipelines/outbound-pipeline.js';
import { PublisherRegistry } from '../pipelines/publisher-registry.js';
import { ReplyPublisher } from '../pipelines/reply-publisher.js';
import { SignalDispatcher } from '../pipelines/signal-dispatcher.js';
import type { ConnectivityRuntime, RuntimeDependencies } from '../runtime.js';
import { attachTwinServices, openTwinEngine } from '../twins/twin-services.js';

/** The app's own directory (where its package.json lists the bindings it depends on), from src/ and dist/ alike. */
const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Parts the pipelines and tests replace; every one has a default. */
export interface RuntimeExtensions {
  /** Directory whose package.json dependencies are searched for bindings (default: this app). */
  readonly appDir?: string;
  /** Statically imported bindings (default: the built-in list). */
  readonly builtins?: readonly BindingDefinition[];
  /** Where opened/closed announcements go (default: the outbound pipeline). */
  readonly announcements?: AnnouncementSink;
  /** The inbound pipeline (default: the pipeline into the embedded twin engine). */
  readonly inbound?: InboundSinkFactory;
  /** Unsettled messages per consumer (default: `connections.consumerCapacity`). */
  readonly inboundCapacity?: number;
}

/**
 * Wires the engine: bindings (built-in and discovered), monitoring (metrics, Prometheus, connection
 * logs, Fluentd), announcements, the connection engine and the command service over the journal.
 * `start()` restores every connection whose desired status is open; `stop()` closes them all
 * gracefully within `connections.shutdownTimeoutMs`.
 */
export async function createRuntime(deps: RuntimeDependencies, extensions: RuntimeExtensions = {}): Promise<ConnectivityRuntime> {
  const { config, journal, logger } = deps;
  const instanceId = config.instanceId ?? hostname();
  const bindings = await loadBindings({ config: config.bindings, appDir: extensions.appDir ?? APP_DIR, logger, ...(extensions.builtins ? { builtins: extensions.builtins } : {}) });
  const prometheus = new PrometheusMetrics();
  const forwarder = config.logs.fluentd ? new FluentdForwarder(config.logs.fluentd, instanceId, logger) : undefined;
  const monitoring = new ConnectionMonitoring({ logDurationMs: config.logs.connectionLogDurationMs, logCapacity: config.logs.connectionLogCapacity, prometheus, ...(forwarder ? { forwarder } : {}) });
  const twins = openTwinEngine(config.storage.dataDir, config.storage.twinCacheSize, config.policies);
  const publishers = new PublisherRegistry();
  const acks = new AckBus();
  const outbound = new OutboundPipeline({ publishers, monitoring, acks, enrich: (thingId, fields, subjects) => twins.engine.retrievePartialThing(thingId, fields, subjects) });
  const dispatcher = new SignalDispatcher(twins.engine, outbound, twins.permissions);
  deliverPolicyAnnouncements(twins.engine, outbound, acks);
  const inbound =
    extensions.inbound ??
    inboundPipeline({ dispatcher, acks, replies: new ReplyPublisher(publishers, outbound), monitoring, capacity: extensions.inboundCapacity ?? config.connections.consumerCapacity });
  const announcer = new ConnectionAnnouncer(extensions.announcements ?? outbound, config.connections.disconnectAnnouncementMs, (error) =>
    logger.warn({ err: error }, 'A connection announcement could not be published.'),
  );
  const engine = new ConnectionEngine({ config, registry: bindings.registry, plugins: publishers.track(bindings.plugins), monitoring, announcer, inbound, logger });
  const store = new ConnectionStore(journal, () => new Date());
  const lifecycle = new LifecycleCommands(store, engine, monitoring);
  const connections = new EngineConnectionService(store, engine, lifecycle, monitoring, instanceId);
  const runtime: ConnectivityRuntime = {
    connections,
    bindings: { loaded: bindings.loaded, skipped: bindings.skipped },
    metricsRegistry: prometheus.registry,
    async start() {
      const stored = await store.all();
      for (const connection of stored) lifecycle.restore(connection);
      logger.info({ connections: stored.length }, 'Connections restored.');
    },
    async stop() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const bound = new Promise<void>((done) => (timer = setTimeout(done, config.connections.shutdownTimeoutMs)));
      await Promise.race([engine.stopAll(), bound]).finally(() => clearTimeout(timer));
      await forwarder?.close();
      await twins.engine.close();
    },
  };
  attachTwinServices(runtime, { engine: twins.engine, dispatcher, acks });
  return runtime;
}
