import { brokerDefinition } from './kinds/registry.js';
import type { BrokerKind, RunningBroker, StartOptions } from './types.js';

/** A set of running brokers, started by {@link startBrokers}. */
export interface RunningBrokers {
  /** The union of all brokers' `TWINLINK_TEST_*` variables. */
  readonly env: Record<string, string>;
  readonly brokers: readonly RunningBroker[];
  /** Stops every broker (in parallel) and removes their temporary directories. */
  stop(): Promise<void>;
}

/**
 * Starts the given kinds side by side. If one fails to start, the others are stopped again and
 * the first error is thrown, so a failed start never leaves processes behind.
 * Does not install anything: call {@link ensureInstalled} first.
 */
export async function startBrokers(kinds: readonly BrokerKind[], options: StartOptions = {}): Promise<RunningBrokers> {
  const definitions = [...new Set(kinds)].map(brokerDefinition);
  const results = await Promise.allSettled(definitions.map((d) => d.start(options)));
  const brokers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = async (): Promise<void> => {
    await Promise.all(brokers.map((b) => b.stop()));
  };
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure !== undefined) {
    await stop();
    throw failure.reason;
  }
  return { env: Object.assign({}, ...brokers.map((b) => b.env)) as Record<string, string>, brokers, stop };
}
