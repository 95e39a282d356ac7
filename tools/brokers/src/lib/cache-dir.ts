import { homedir } from 'node:os';
import { join } from 'node:path';

/** Environment variable that overrides where Kafka and Artemis downloads are kept. */
export const CACHE_DIR_ENV = 'TWINLINK_BROKERS_CACHE';

/**
 * Directory for downloaded broker artifacts: `explicit`, else `$TWINLINK_BROKERS_CACHE`,
 * else `$XDG_CACHE_HOME/twinlink-brokers`, else `~/.cache/twinlink-brokers`.
 */
export function cacheDir(explicit?: string): string {
  return (
    explicit ??
    process.env[CACHE_DIR_ENV] ??
    join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'twinlink-brokers')
  );
}
