const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/**
 * Whether a binding compiled against `pluginApiVersion` runs on a core offering `coreApiVersion`:
 * exact match; otherwise same major, plugin minor ≤ core minor; in 0.x the minor acts as the
 * major; prereleases must match exactly.
 * @public
 */
export function isApiCompatible(pluginApiVersion: string, coreApiVersion: string): boolean {
  if (pluginApiVersion === coreApiVersion) return true;
  const plugin = SEMVER.exec(pluginApiVersion);
  const core = SEMVER.exec(coreApiVersion);
  if (!plugin || !core) return false;
  if (plugin[4] !== undefined || core[4] !== undefined) return false;
  const [pMajor, pMinor, pPatch] = [Number(plugin[1]), Number(plugin[2]), Number(plugin[3])];
  const [cMajor, cMinor, cPatch] = [Number(core[1]), Number(core[2]), Number(core[3])];
  if (pMajor !== cMajor) return false;
  if (cMajor === 0) return pMinor === cMinor && pPatch <= cPatch;
  return pMinor <= cMinor;
}
