import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EnvironmentError } from './environment-error.js';
import { checkTools } from './locate-reference.js';

/** Where the built copy lives, relative to the repository root. */
export const CACHE_PATH = 'node_modules/.cache/ditto-reference';

const STAMP = '.source-hash';
const BUILT_JAR = 'target/ditto-oracle-1.0.jar';
const SKIPPED = new Set(['target', '.git']);

/** Every source file of the reference (not `target/`), sorted, relative to `dir`. */
function sourceFiles(dir: string, base = dir): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (SKIPPED.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path, base));
    else files.push(relative(base, path));
  }
  return files;
}

function hashOf(dir: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** Copies the sources with writable modes (the shared folder is read-only), keeping executable bits. */
function copySources(from: string, to: string, files: readonly string[]): void {
  rmSync(to, { recursive: true, force: true });
  for (const file of files) {
    const target = join(to, file);
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(join(from, file), target);
    chmodSync(target, statSync(join(from, file)).mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * Makes a built copy of the reference in `<repoRoot>/node_modules/.cache/ditto-reference` and returns
 * its folder. The copy is rebuilt (build.sh: Maven, about a minute on a cold cache) only when the
 * reference's sources changed since the last build.
 * @throws EnvironmentError when Java/Maven are missing or the build fails.
 */
export function prepareReference(referenceDir: string, repoRoot: string, log: (line: string) => void): string {
  const cacheDir = join(repoRoot, CACHE_PATH);
  const files = sourceFiles(referenceDir);
  const hash = hashOf(referenceDir, files);
  const stampPath = join(cacheDir, STAMP);
  const upToDate =
    existsSync(join(cacheDir, BUILT_JAR)) && existsSync(stampPath) && readFileSync(stampPath, 'utf8').trim() === hash;
  checkTools(!upToDate);
  if (upToDate) return cacheDir;

  log(`Building Ditto's reference in ${relative(repoRoot, cacheDir)} (Maven, about a minute on a cold cache)…`);
  copySources(referenceDir, cacheDir, files);
  const build = spawnSync('bash', [join(cacheDir, 'build.sh')], { cwd: cacheDir, encoding: 'utf8' });
  if (build.error || build.status !== 0 || !existsSync(join(cacheDir, BUILT_JAR))) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new EnvironmentError(`Building Ditto's reference failed (${cacheDir}/build.sh):\n${output}`);
  }
  writeFileSync(stampPath, `${hash}\n`);
  return cacheDir;
}
