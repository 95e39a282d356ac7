import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

// Debian puts daemons in sbin, which a non-login root shell (CI) may not have on PATH.
const EXTRA_DIRS = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

/** Absolute path of executable `name` on PATH or in the sbin directories, or undefined. */
export function findExecutable(name: string): string | undefined {
  if (name.startsWith('/')) return isExecutable(name) ? name : undefined;
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

/** Like {@link findExecutable}, but fails with a hint to install when the executable is missing. */
export function requireExecutable(name: string): string {
  const path = findExecutable(name);
  if (path === undefined) {
    throw new Error(`${name} is not installed; run \`twinlink-brokers install <kinds…>\` (or call ensureInstalled)`);
  }
  return path;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
