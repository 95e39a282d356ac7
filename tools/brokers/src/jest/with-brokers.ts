import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrokerKind } from '../types.js';
import { BROKERS_GLOBAL } from './keys.js';

/** The part of a jest project configuration that {@link withBrokers} reads and extends. */
export interface JestProjectConfig {
  globals?: Record<string, unknown>;
  [key: string]: unknown;
}

// Sibling modules have this module's own extension: `.js` in dist, `.ts` when run from source.
const sibling = (name: string): string =>
  fileURLToPath(new URL(`./${name}${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/**
 * Adds the brokers globalSetup/globalTeardown to a jest configuration: before the tests, each of
 * `kinds` whose `TWINLINK_TEST_*` variables are not all set is installed if needed and started;
 * afterwards it is stopped. Variables already set (e.g. by CI) are used as they are.
 */
export function withBrokers<C extends JestProjectConfig>(
  config: C,
  kinds: readonly BrokerKind[],
): C & { globals: Record<string, unknown>; globalSetup: string; globalTeardown: string } {
  if ('globalSetup' in config || 'globalTeardown' in config) {
    throw new Error('withBrokers() sets globalSetup and globalTeardown; the configuration already has one');
  }
  return {
    ...config,
    globals: { ...config.globals, [BROKERS_GLOBAL]: [...kinds] },
    globalSetup: sibling('global-setup'),
    globalTeardown: sibling('global-teardown'),
  };
}
