/**
 * JSON schema of the configuration: the shape of the `TWINLINK_CONFIG` file and of the merged
 * result (defaults, then file, then environment). Durations are milliseconds. Unknown keys are
 * rejected so that a misspelt setting fails the start instead of being silently ignored.
 */
const positiveInt = { type: 'integer', minimum: 1 } as const;
const durationMs = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const port = { type: 'integer', minimum: 0, maximum: 65535 } as const;
const nonEmptyString = { type: 'string', minLength: 1 } as const;
const stringList = { type: 'array', items: nonEmptyString } as const;

function section(properties: Record<string, unknown>, required: readonly string[] = Object.keys(properties)): object {
  return { type: 'object', additionalProperties: false, properties, required };
}

export const CONFIG_SCHEMA = section(
  {
    $schema: { type: 'string' },
    instanceId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
    http: section({ port, host: nonEmptyString, bodyLimitBytes: { type: 'integer', minimum: 1024 } }),
    devops: section(
      { secured: { type: 'boolean' }, username: nonEmptyString, password: nonEmptyString },
      ['secured', 'username', 'password'],
    ),
    storage: section({ dataDir: nonEmptyString, snapshotEvery: positiveInt, twinCacheSize: positiveInt }),
    policies: section({ subjectExpiryGranularityMs: durationMs, subjectDeletionAnnouncementGranularityMs: durationMs }),
    bindings: section({ disabled: stringList, packages: stringList, strict: { type: 'boolean' } }),
    connections: section({
      limits: section({ maxSources: positiveInt, maxTargets: positiveInt, maxPayloadMappers: positiveInt }),
      hostBlocking: section(
        {
          blockedHostnames: stringList,
          blockedSubnets: { type: 'array', items: { type: 'string', pattern: '^[0-9a-fA-F.:]+/\\d{1,3}$' } },
          blockedHostRegex: { type: 'string' },
          allowedHostnames: stringList,
        },
        [],
      ),
      enforceHttps: { type: 'boolean' },
      minBackoffMs: durationMs,
      maxBackoffMs: durationMs,
      connectTimeoutMs: durationMs,
      commandTimeoutMs: durationMs,
      disconnectAnnouncementMs: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
      shutdownTimeoutMs: durationMs,
      consumerCapacity: positiveInt,
    }),
    logs: section(
      {
        level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
        connectionLogDurationMs: durationMs,
        connectionLogCapacity: positiveInt,
        fluentd: section({ host: nonEmptyString, port, tagPrefix: nonEmptyString }, ['host']),
      },
      ['level', 'connectionLogDurationMs', 'connectionLogCapacity'],
    ),
  },
  ['instanceId', 'http', 'devops', 'storage', 'policies', 'bindings', 'connections', 'logs'],
);
