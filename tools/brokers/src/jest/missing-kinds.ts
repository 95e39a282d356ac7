import { envNamesOf } from '../env-names.js';
import type { BrokerKind } from '../types.js';

/**
 * The kinds that must be started because at least one of their variables is missing from `env`.
 * A kind whose variables are all set (by CI, or by a developer's own brokers) is left alone.
 */
export function missingKinds(kinds: readonly BrokerKind[], env: NodeJS.ProcessEnv): BrokerKind[] {
  return [...new Set(kinds)].filter((kind) => envNamesOf(kind).some((name) => !env[name]));
}
