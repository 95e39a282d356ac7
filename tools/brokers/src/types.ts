/** Every broker kind this package can install and start. */
export const BROKER_KINDS = [
  'mosquitto',
  'mosquitto-auth',
  'mosquitto-tls',
  'rabbitmq',
  'kafka',
  'artemis',
] as const;

/** One broker kind, e.g. `mosquitto` or `rabbitmq`. */
export type BrokerKind = (typeof BROKER_KINDS)[number];

/** Settings shared by all starters. */
export interface StartOptions {
  /** How long to wait for a broker to accept connections, in milliseconds. Default: per kind. */
  readonly readyTimeoutMs?: number;
  /** Parent of the per-broker temporary directories. Default: `os.tmpdir()`. */
  readonly tmpRoot?: string;
  /** Directory for downloaded Kafka and Artemis artifacts. Default: see {@link cacheDir}. */
  readonly cacheDir?: string;
}

/** A broker that accepts connections until {@link RunningBroker.stop} is called. */
export interface RunningBroker {
  readonly kind: BrokerKind;
  /** The `TWINLINK_TEST_*` variables that point clients at this broker. */
  readonly env: Readonly<Record<string, string>>;
  /** Process ids this broker runs as (for checks that nothing outlives `stop()`). */
  readonly pids: readonly number[];
  /** Loopback ports the broker listens on. */
  readonly ports: readonly number[];
  /** Milliseconds from launch until the broker accepted connections. */
  readonly startMs: number;
  /** Terminates every process of the broker and removes its temporary directory. Idempotent. */
  stop(): Promise<void>;
}

/** Starts one broker kind. */
export type BrokerStarter = (options: StartOptions) => Promise<RunningBroker>;

/** Whether `value` names a broker kind. */
export function isBrokerKind(value: string): value is BrokerKind {
  return (BROKER_KINDS as readonly string[]).includes(value);
}
