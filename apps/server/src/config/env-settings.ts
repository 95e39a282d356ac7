/** How the text of an environment variable becomes a configuration value. */
export type EnvKind = 'port' | 'integer' | 'boolean' | 'string' | 'list' | 'duration';

/** One environment variable and the configuration setting it sets (a JSON pointer into the config file shape). */
export interface EnvSetting {
  readonly name: string;
  readonly pointer: string;
  readonly kind: EnvKind;
}

/**
 * Every environment variable the service reads besides `TWINLINK_CONFIG`. apps/server/README.md
 * documents the same list; env values win over the config file.
 */
export const ENV_SETTINGS: readonly EnvSetting[] = [
  { name: 'PORT', pointer: '/http/port', kind: 'port' },
  { name: 'TWINLINK_HOST', pointer: '/http/host', kind: 'string' },
  { name: 'TWINLINK_BODY_LIMIT_BYTES', pointer: '/http/bodyLimitBytes', kind: 'integer' },
  { name: 'TWINLINK_INSTANCE_ID', pointer: '/instanceId', kind: 'string' },
  { name: 'TWINLINK_DEVOPS_SECURED', pointer: '/devops/secured', kind: 'boolean' },
  { name: 'TWINLINK_DEVOPS_USERNAME', pointer: '/devops/username', kind: 'string' },
  { name: 'TWINLINK_DEVOPS_PASSWORD', pointer: '/devops/password', kind: 'string' },
  { name: 'TWINLINK_DATA_DIR', pointer: '/storage/dataDir', kind: 'string' },
  { name: 'TWINLINK_SNAPSHOT_EVERY', pointer: '/storage/snapshotEvery', kind: 'integer' },
  { name: 'TWINLINK_TWIN_CACHE_SIZE', pointer: '/storage/twinCacheSize', kind: 'integer' },
  { name: 'TWINLINK_POLICY_SUBJECT_EXPIRY_GRANULARITY', pointer: '/policies/subjectExpiryGranularityMs', kind: 'duration' },
  { name: 'TWINLINK_POLICY_SUBJECT_DELETION_ANNOUNCEMENT_GRANULARITY', pointer: '/policies/subjectDeletionAnnouncementGranularityMs', kind: 'duration' },
  { name: 'TWINLINK_BINDINGS', pointer: '/bindings/packages', kind: 'list' },
  { name: 'TWINLINK_BINDINGS_DISABLED', pointer: '/bindings/disabled', kind: 'list' },
  { name: 'TWINLINK_BINDINGS_STRICT', pointer: '/bindings/strict', kind: 'boolean' },
  { name: 'TWINLINK_MAX_SOURCES', pointer: '/connections/limits/maxSources', kind: 'integer' },
  { name: 'TWINLINK_MAX_TARGETS', pointer: '/connections/limits/maxTargets', kind: 'integer' },
  { name: 'TWINLINK_MAX_PAYLOAD_MAPPERS', pointer: '/connections/limits/maxPayloadMappers', kind: 'integer' },
  { name: 'TWINLINK_BLOCKED_HOSTNAMES', pointer: '/connections/hostBlocking/blockedHostnames', kind: 'list' },
  { name: 'TWINLINK_BLOCKED_SUBNETS', pointer: '/connections/hostBlocking/blockedSubnets', kind: 'list' },
  { name: 'TWINLINK_BLOCKED_HOST_REGEX', pointer: '/connections/hostBlocking/blockedHostRegex', kind: 'string' },
  { name: 'TWINLINK_ALLOWED_HOSTNAMES', pointer: '/connections/hostBlocking/allowedHostnames', kind: 'list' },
  { name: 'TWINLINK_ENFORCE_HTTPS', pointer: '/connections/enforceHttps', kind: 'boolean' },
  { name: 'TWINLINK_MIN_BACKOFF', pointer: '/connections/minBackoffMs', kind: 'duration' },
  { name: 'TWINLINK_MAX_BACKOFF', pointer: '/connections/maxBackoffMs', kind: 'duration' },
  { name: 'TWINLINK_CONNECT_TIMEOUT', pointer: '/connections/connectTimeoutMs', kind: 'duration' },
  { name: 'TWINLINK_COMMAND_TIMEOUT', pointer: '/connections/commandTimeoutMs', kind: 'duration' },
  { name: 'TWINLINK_DISCONNECT_ANNOUNCEMENT_DELAY', pointer: '/connections/disconnectAnnouncementMs', kind: 'duration' },
  { name: 'TWINLINK_SHUTDOWN_TIMEOUT', pointer: '/connections/shutdownTimeoutMs', kind: 'duration' },
  { name: 'TWINLINK_CONSUMER_CAPACITY', pointer: '/connections/consumerCapacity', kind: 'integer' },
  { name: 'TWINLINK_LOG_LEVEL', pointer: '/logs/level', kind: 'string' },
  { name: 'TWINLINK_CONNECTION_LOG_DURATION', pointer: '/logs/connectionLogDurationMs', kind: 'duration' },
  { name: 'TWINLINK_CONNECTION_LOG_CAPACITY', pointer: '/logs/connectionLogCapacity', kind: 'integer' },
  { name: 'TWINLINK_FLUENTD_HOST', pointer: '/logs/fluentd/host', kind: 'string' },
  { name: 'TWINLINK_FLUENTD_PORT', pointer: '/logs/fluentd/port', kind: 'port' },
  { name: 'TWINLINK_FLUENTD_TAG_PREFIX', pointer: '/logs/fluentd/tagPrefix', kind: 'string' },
];
