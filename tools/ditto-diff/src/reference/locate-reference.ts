import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EnvironmentError } from './environment-error.js';

/** The environment variable that overrides where the reference folder is. */
export const REFERENCE_ENV = 'TWINLINK_DITTO_REFERENCE';

/** The reference folder's default location, relative to the repository root. */
export const DEFAULT_REFERENCE_PATH = '../shared/tools/ditto-reference';

const REQUIRED_FILES = ['build.sh', 'run.sh', 'pom.xml', 'src'];
const MIN_JAVA = 17;

/**
 * Finds the reference folder: `$TWINLINK_DITTO_REFERENCE`, else `../shared/tools/ditto-reference`
 * next to the repository.
 * @throws EnvironmentError when the folder or one of its files is missing.
 */
export function locateReference(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[REFERENCE_ENV];
  const dir = configured !== undefined && configured !== '' ? resolve(configured) : resolve(repoRoot, DEFAULT_REFERENCE_PATH);
  const origin = configured ? `$${REFERENCE_ENV}` : `the default location (${DEFAULT_REFERENCE_PATH} from the repository root)`;
  if (!existsSync(dir)) {
    throw new EnvironmentError(
      `Ditto's reference program was not found at ${dir}, ${origin}. ` +
        `Point ${REFERENCE_ENV} at a copy of shared/tools/ditto-reference.`,
    );
  }
  const missing = REQUIRED_FILES.filter((file) => !existsSync(resolve(dir, file)));
  if (missing.length > 0) {
    throw new EnvironmentError(`The folder ${dir} is not Ditto's reference program: ${missing.join(', ')} missing.`);
  }
  return dir;
}

/** The major version in `java -version` output (`1.8.0` → 8, `17.0.15` → 17), or `undefined`. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/**
 * Checks that Java 17+ (always) and Maven (only when the reference must be built) are on the PATH.
 * @throws EnvironmentError naming what is missing.
 */
export function checkTools(needMaven: boolean): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new EnvironmentError('Java was not found on the PATH; the Ditto reference needs Java 17 or newer.');
  }
  const major = javaMajorVersion(`${java.stderr}${java.stdout}`);
  if (major !== undefined && major < MIN_JAVA) {
    throw new EnvironmentError(`Java ${major} was found; the Ditto reference needs Java ${MIN_JAVA} or newer.`);
  }
  if (!needMaven) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new EnvironmentError('Maven (mvn) was not found on the PATH; it is needed once to build the Ditto reference.');
  }
}
