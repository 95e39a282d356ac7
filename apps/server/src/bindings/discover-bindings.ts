import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBindingDefinition } from '@twinlink/core';
import type { BindingDefinition, SkippedBinding } from '@twinlink/core';
import { manifestAdmitsCore, readManifest } from './binding-manifest.js';


/** Where and how discovery looks. */
export interface DiscoveryOptions {
  /** Directory of the app's package.json; its dependencies are candidates, and names resolve from here. */
  readonly appDir: string;
  /** `config.bindings.packages`: package names, or paths (absolute or `./…`) of package directories. */
  readonly packages: readonly string[];
  /** Package names not to load (`config.bindings.disabled`). */
  readonly disabled: readonly string[];
  /** Loads a module; replaceable so tests can offer broken modules. */
  readonly importModule?: (specifier: string) => Promise<unknown>;
}

/** What discovery found. */
export interface DiscoveryResult {
  readonly definitions: readonly BindingDefinition[];
  readonly skipped: readonly SkippedBinding[];
}

interface Candidate {
  readonly request: string;
  /** Explicitly requested (config) rather than found among dependencies: a missing manifest is then an error. */
  readonly explicit: boolean;
}

/**
 * Third-party bindings: the app's own dependencies plus the configured packages, never a scan of
 * node_modules. Each package is recognised by the `twinlink` manifest in its package.json, read
 * without running its code; only packages whose manifest admits this core's binding API are
 * imported (from the directory found from the app, so what is judged is what is loaded), and their
 * default export must carry core's brand. Anything broken is skipped with a code.
 */
export async function discoverBindings(options: DiscoveryOptions): Promise<DiscoveryResult> {
  const importModule = options.importModule ?? ((specifier: string) => import(specifier));
  const appPackage = await readJson(join(options.appDir, 'package.json'));
  const dependencies = Object.keys({ ...(appPackage['dependencies'] as object | undefined), ...(appPackage['optionalDependencies'] as object | undefined) });
  const candidates: Candidate[] = [...dependencies.map((request) => ({ request, explicit: false })), ...options.packages.map((request) => ({ request, explicit: true }))];
  const definitions: BindingDefinition[] = [];
  const skipped: SkippedBinding[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const outcome = await examine(candidate, options.appDir, importModule);
    if (!outcome || seen.has(outcome.packageName) || options.disabled.includes(outcome.packageName)) continue;
    seen.add(outcome.packageName);
    if ('definition' in outcome) definitions.push(outcome.definition);
    else skipped.push(outcome);
  }
  return { definitions, skipped };
}

async function examine(candidate: Candidate, appDir: string, importModule: (specifier: string) => Promise<unknown>): Promise<SkippedBinding | { packageName: string; definition: BindingDefinition } | undefined> {
  const isPath = isAbsolute(candidate.request) || candidate.request.startsWith('.');
  const dir = isPath ? resolve(candidate.request) : findPackageDir(candidate.request, appDir);
  if (!dir) {
    return candidate.explicit ? { packageName: candidate.request, code: 'TWINLINK_ERR_BINDING_LOAD', reason: `The package ${candidate.request} is not installed.` } : undefined;
  }
  const packageJson = await readJson(join(dir, 'package.json')).catch(() => undefined);
  const packageName = typeof packageJson?.['name'] === 'string' ? packageJson['name'] : candidate.request;
  const packageVersion = typeof packageJson?.['version'] === 'string' ? packageJson['version'] : undefined;
  const identity = { packageName, ...(packageVersion !== undefined ? { packageVersion } : {}) };
  const manifest = packageJson && readManifest(packageJson);
  if (!manifest) {
    return candidate.explicit ? { ...identity, code: 'TWINLINK_ERR_BINDING_NOT_A_BINDING', reason: 'The package has no "twinlink" manifest of kind "binding" in its package.json.' } : undefined;
  }
  if (!manifestAdmitsCore(manifest)) {
    return { ...identity, code: 'TWINLINK_ERR_BINDING_API_MISMATCH', reason: `The manifest requires binding API ${manifest.apiVersion}, which this core does not offer.` };
  }
  let loaded: unknown;
  try {
    loaded = await importModule(pathToFileURL(join(dir, entryOf(packageJson))).href);
  } catch (error) {
    return { ...identity, code: 'TWINLINK_ERR_BINDING_LOAD', reason: `Loading the package failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const definition = (loaded as { default?: unknown } | undefined)?.default;
  if (!isBindingDefinition(definition)) {
    return { ...identity, code: 'TWINLINK_ERR_BINDING_NOT_A_BINDING', reason: 'The default export is not a binding definition made by defineBinding().' };
  }
  return { packageName, definition };
}

/** The package directory as Node would find it from `fromDir`, without reading its exports map (which may hide package.json). */
function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The ES module entry of a package directory: its `exports["."]` (import/default conditions) or `main`. */
function entryOf(packageJson: Record<string, unknown>): string {
  const exported = (packageJson['exports'] as Record<string, unknown> | string | undefined) ?? undefined;
  const root = typeof exported === 'object' && exported !== null && '.' in exported ? exported['.'] : exported;
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) return undefined;
    const conditions = value as Record<string, unknown>;
    return pick(conditions['import']) ?? pick(conditions['node']) ?? pick(conditions['default']);
  };
  return pick(root) ?? (typeof packageJson['main'] === 'string' ? packageJson['main'] : 'index.js');
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}
