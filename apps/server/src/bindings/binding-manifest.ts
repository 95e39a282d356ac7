import { BINDING_API_VERSION, isApiCompatible } from '@twinlink/core';

/** The `twinlink` section of a binding package's package.json, readable without running its code. */
export interface BindingManifest {
  readonly kind: 'binding';
  /** Range of binding API versions the package works with, e.g. `^1.0.0`. */
  readonly apiVersion: string;
  readonly connectionTypes: readonly string[];
}

/** The manifest of a package.json, or undefined when the package declares none (it is no binding). */
export function readManifest(packageJson: Record<string, unknown>): BindingManifest | undefined {
  const section = packageJson['twinlink'];
  if (typeof section !== 'object' || section === null) return undefined;
  const { kind, apiVersion, connectionTypes } = section as Record<string, unknown>;
  if (kind !== 'binding' || typeof apiVersion !== 'string') return undefined;
  const types = Array.isArray(connectionTypes) ? connectionTypes.filter((type): type is string => typeof type === 'string') : [];
  return { kind, apiVersion, connectionTypes: types };
}

/**
 * Whether the manifest's range admits this core's binding API. The range is a caret, tilde or
 * exact version; its base version is judged with core's compatibility rule, which is what a caret
 * range means for the contract (same major, minor not newer than core's).
 */
export function manifestAdmitsCore(manifest: BindingManifest, coreApiVersion: string = BINDING_API_VERSION): boolean {
  const base = manifest.apiVersion.trim().replace(/^[\^~=]/, '');
  return isApiCompatible(base, coreApiVersion);
}
