import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command.js';

const COMPLETE_MARKER = '.complete';

/**
 * Makes sure `<cache>/<name>` holds a complete download, producing it with `fill` only when absent.
 * `fill` writes into a scratch directory that is renamed into place at the end, so an interrupted
 * or concurrent download never leaves a half-filled directory that looks usable.
 * @returns the path of the artifact directory
 */
export async function cachedArtifact(
  cache: string,
  name: string,
  fill: (dir: string, mavenRepo: string) => Promise<void>,
): Promise<string> {
  const target = join(cache, name);
  if (existsSync(join(target, COMPLETE_MARKER))) return target;
  await mkdir(cache, { recursive: true });
  const scratch = await mkdtemp(join(cache, `.${name}-`));
  try {
    await fill(scratch, join(cache, 'm2'));
    await writeFile(join(scratch, COMPLETE_MARKER), new Date().toISOString());
    // Another process may have finished the same download meanwhile; keep theirs.
    if (!existsSync(join(target, COMPLETE_MARKER))) await rename(scratch, target);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return target;
}

/** Runs Maven in batch mode against the cache's own local repository (never the user's ~/.m2). */
export function mvn(mavenRepo: string, cwd: string, args: readonly string[]): Promise<string> {
  return runCommand('mvn', ['-q', '-B', `-Dmaven.repo.local=${mavenRepo}`, ...args], { cwd });
}
