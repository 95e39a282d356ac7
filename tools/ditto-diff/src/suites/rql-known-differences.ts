/** `empty(` anywhere: the operator is missing in Ditto 3.8.0. */
export function usesEmpty(filter: string): boolean {
  return /\bempty\(/.test(filter);
}

/** An `in(…)` whose values include `null` or an unsupported `time:` name (which is null). */
export function hasNullInIn(filter: string): boolean {
  return /\bin\([^()]*,\s*(?:null|time:bogus)\s*[,)]/.test(filter);
}

/** A property that is a placeholder other than `time:` (`thing:id`). */
export function hasPlaceholderProperty(filter: string): boolean {
  return /\((?:thing|entity|topic|feature|resource):/.test(filter);
}

function valuesAt(json: unknown, segments: readonly string[]): unknown[] {
  if (segments.length === 0) return [json];
  if (Array.isArray(json)) return json.flatMap((item) => valuesAt(item, segments));
  if (json === null || typeof json !== 'object') return [];
  const [head, ...rest] = segments;
  if (head === undefined || !Object.prototype.hasOwnProperty.call(json, head)) return [];
  return valuesAt((json as Record<string, unknown>)[head], rest);
}

/** A `like`/`ilike` whose property holds JSON `null` in `thing`. */
export function likeOnNull(filter: string, thing: unknown): boolean {
  for (const match of filter.matchAll(/\bi?like\(([^,()]*),/g)) {
    const segments = (match[1] ?? '').split('/').filter((segment) => segment !== '');
    if (valuesAt(thing, segments).some((value) => value === null)) return true;
  }
  return false;
}
