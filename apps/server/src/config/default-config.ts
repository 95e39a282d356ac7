import { hostname } from 'node:os';
import { DEFAULT_VALIDATION_LIMITS } from '@twinlink/core';
import type { ServiceConfig } from './service-config.js';

/** Ditto's well-known DevOps password; using it is allowed but logged as a warning. */
export const DEFAULT_DEVOPS_PASSWORD = 'foobar';

/** Port the Fluentd forward protocol listens on by default. */
export const DEFAULT_FLUENTD_PORT = 24224;

/**
 * The embedded defaults: the service starts with no configuration at all. Also the base every
 * test builds its configuration from.
 */
export function defaultConfig(): ServiceConfig {
  return {
    instanceId: hostname(),
    http: { port: 8080, host: '0.0.0.0', bodyLimitBytes: 1024 * 1024 },
    devops: { secured: true, username: 'devops', password: DEFAULT_DEVOPS_PASSWORD, passwordIsDefault: true },
    storage: { dataDir: './data', snapshotEvery: 10, twinCacheSize: 10_000 },
    policies: { subjectExpiryGranularityMs: 3_600_000, subjectDeletionAnnouncementGranularityMs: 60_000 },
    bindings: { disabled: [], packages: [], strict: false },
    connections: {
      limits: { ...DEFAULT_VALIDATION_LIMITS },
      // Ditto blocks nothing unless told to; a blocklist is opt-in so local brokers keep working.
      hostBlocking: { blockedHostnames: [], blockedSubnets: [], allowedHostnames: [] },
      enforceHttps: true,
      minBackoffMs: 1_000,
      maxBackoffMs: 60_000,
      connectTimeoutMs: 10_000,
      commandTimeoutMs: 50_000,
      disconnectAnnouncementMs: 3_000,
      shutdownTimeoutMs: 10_000,
      consumerCapacity: 100,
    },
    logs: { level: 'info', connectionLogDurationMs: 3_600_000, connectionLogCapacity: 100 },
  };
}
