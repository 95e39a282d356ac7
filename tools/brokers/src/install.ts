import { aptInstallMissing } from './lib/apt.js';
import { cacheDir } from './lib/cache-dir.js';
import { brokerDefinition } from './kinds/registry.js';
import type { BrokerKind } from './types.js';

/** Where {@link ensureInstalled} puts downloads. */
export interface InstallOptions {
  /** Directory for Kafka and Artemis downloads. Default: see {@link cacheDir}. */
  readonly cacheDir?: string;
}

/**
 * Makes sure every executable and download that `kinds` need is present. Runs `apt-get update` and
 * `apt-get install` (unattended) only if an executable is missing, and Maven only if the cache
 * lacks an artifact, so calling it before every run costs a few file checks.
 * @returns the Debian packages it installed (empty when nothing was missing)
 */
export async function ensureInstalled(kinds: readonly BrokerKind[], options: InstallOptions = {}): Promise<string[]> {
  const definitions = [...new Set(kinds)].map(brokerDefinition);
  const installed = await aptInstallMissing(definitions.flatMap((d) => d.requirements));
  const cache = cacheDir(options.cacheDir);
  for (const definition of definitions) await definition.fetchArtifacts?.(cache);
  return installed;
}
