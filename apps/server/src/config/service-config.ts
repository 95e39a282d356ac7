import type { HostBlockingConfig, ValidationLimits } from '@twinlink/core';

/**
 * The validated configuration of the service. Loaded from environment variables and an optional
 * JSON file (`TWINLINK_CONFIG`) by config/load-config.ts; every section has embedded defaults so
 * the service starts with no configuration at all.
 */
export interface ServiceConfig {
  /**
   * Identifier of this service instance (`TWINLINK_INSTANCE_ID`, default the host name): the key of
   * piggyback response envelopes and the `client` of status entries. Always set by loadConfig.
   */
  readonly instanceId?: string;
  readonly http: {
    /** `PORT`, default 8080. */
    readonly port: number;
    /** default 0.0.0.0 */
    readonly host: string;
    /** Largest accepted request body in bytes (413 above), default 1 MiB. */
    readonly bodyLimitBytes: number;
  };
  readonly devops: {
    /** Basic-auth realm on `/devops/*` and `/api/2/connections*`; default true. */
    readonly secured: boolean;
    readonly username: string;
    /** `TWINLINK_DEVOPS_PASSWORD`, default `foobar` (a warning is logged when the default is used). */
    readonly password: string;
    readonly passwordIsDefault: boolean;
  };
  readonly storage: {
    /** `TWINLINK_DATA_DIR`, default `./data`. */
    readonly dataDir: string;
    /** Take a snapshot of a connection every this many events. */
    readonly snapshotEvery: number;
    /** `TWINLINK_TWIN_CACHE_SIZE`: things (and as many policies) kept in memory; the rest are read from the store on demand. */
    readonly twinCacheSize: number;
  };
  readonly policies: {
    /** A subject `expiry` is rounded up to this, in ms (Ditto's `subject-expiry-granularity`, default 1 h). */
    readonly subjectExpiryGranularityMs: number;
    /** `announcement.beforeExpiry` is rounded up to this, in ms (Ditto's `subject-deletion-announcement-granularity`, default 1 min). */
    readonly subjectDeletionAnnouncementGranularityMs: number;
  };
  readonly bindings: {
    /** Built-in binding package names not to load. */
    readonly disabled: readonly string[];
    /** Further binding packages to load, besides those found among the app's dependencies. */
    readonly packages: readonly string[];
    /** Fail at start instead of skipping a broken or incompatible binding. */
    readonly strict: boolean;
  };
  readonly connections: {
    readonly limits: ValidationLimits;
    readonly hostBlocking: HostBlockingConfig;
    readonly enforceHttps: boolean;
    /** Backoff between reconnects: first delay and cap, in ms (full jitter applied). */
    readonly minBackoffMs: number;
    readonly maxBackoffMs: number;
    /** How long one connect attempt may take before it counts as failed, in ms. */
    readonly connectTimeoutMs: number;
    /** How long openConnection/test wait for clients before answering 504, in ms. */
    readonly commandTimeoutMs: number;
    /** Delay between the closed announcement and disconnecting, in ms (default 3000). */
    readonly disconnectAnnouncementMs: number;
    /** Bound of graceful shutdown, in ms. */
    readonly shutdownTimeoutMs: number;
    /** Unsettled messages one consumer may hold; at-least-once sources get no more credit beyond it. */
    readonly consumerCapacity: number;
  };
  readonly logs: {
    /** Service log level (pino). */
    readonly level: string;
    /** How long connection logs stay enabled after create/open/enable/retrieve, in ms (default 1 h). */
    readonly connectionLogDurationMs: number;
    /** Entries kept per connection and log category. */
    readonly connectionLogCapacity: number;
    /** Fluentd forwarding of connection logs; absent = off. */
    readonly fluentd?: { readonly host: string; readonly port: number; readonly tagPrefix: string };
  };
}
