import { findExecutable } from './executables.js';
import { runCommand } from './run-command.js';

/** An executable a broker needs and the Debian packages that provide it. */
export interface Requirement {
  readonly executable: string;
  readonly aptPackages: readonly string[];
}

/** The requirements whose executable is not installed. */
export function missingRequirements(requirements: readonly Requirement[]): Requirement[] {
  return requirements.filter((r) => findExecutable(r.executable) === undefined);
}

/**
 * Installs the Debian packages of `requirements` if any of their executables is missing; does
 * nothing (not even `apt-get update`) when all are present, so it is cheap to call before every run.
 * @returns the packages installed (empty if nothing was missing)
 */
export async function aptInstallMissing(requirements: readonly Requirement[]): Promise<string[]> {
  if (missingRequirements(requirements).length === 0) return [];
  // Install every package of the requested kinds, not only the missing ones: after a partial
  // install the versions then still come from one consistent `apt-get update`.
  const packages = [...new Set(requirements.flatMap((r) => r.aptPackages))].sort();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Parallel test projects may install at the same time; wait for dpkg's lock instead of failing.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  const asRoot = (args: string[]): [string, string[]] =>
    process.getuid?.() === 0 ? ['apt-get', args] : ['sudo', ['-n', '-E', 'apt-get', ...args]];
  await runCommand(...asRoot([...lockWait, 'update', '-q']), { env, inheritOutput: true });
  await runCommand(...asRoot([...lockWait, 'install', '-y', '-q', '--no-install-recommends', ...packages]), {
    env,
    inheritOutput: true,
  });
  const stillMissing = missingRequirements(requirements);
  if (stillMissing.length > 0) {
    throw new Error(`installed ${packages.join(' ')}, but still missing: ${stillMissing.map((r) => r.executable).join(', ')}`);
  }
  return packages;
}
