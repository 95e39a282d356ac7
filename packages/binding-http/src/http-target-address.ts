/** The HTTP methods a target address may name, in the order Ditto lists them. */
export const TARGET_METHODS = ['PUT', 'PATCH', 'POST', 'GET', 'DELETE'] as const;

/** The method and path of a target address `<METHOD>:<path>`. */
export interface TargetAddress {
  readonly method: string;
  readonly path: string;
}

/**
 * Splits a target address at its first `:`; `undefined` when there is none. The method is not
 * checked here: validation reports an unknown method with its own message.
 */
export function splitTargetAddress(address: string): TargetAddress | undefined {
  const colon = address.indexOf(':');
  if (colon < 0) return undefined;
  return { method: address.slice(0, colon), path: address.slice(colon + 1) };
}

/** Names of the control headers, matched case-insensitively and never sent. */
export const PATH_HEADER = 'http.path';
export const QUERY_HEADER = 'http.query';

/**
 * The path and query to request (bindings.md §5): the connection URI's base path without one
 * trailing `/`, then the address path (a `/` inserted unless it starts with `/`, `?` or `#`).
 * `http.path` replaces the whole path, base path included; `http.query` the raw query. The
 * fragment is dropped: HTTP never sends it.
 */
export function requestTarget(basePath: string, addressPath: string, headers: Readonly<Record<string, string>>): string {
  const base = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath;
  const separator = /^[/?#]/.test(addressPath) ? '' : '/';
  const joined = `${base}${separator}${addressPath}`;
  const hash = joined.indexOf('#');
  const withoutFragment = hash < 0 ? joined : joined.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  let path = question < 0 ? withoutFragment : withoutFragment.slice(0, question);
  let query = question < 0 ? undefined : withoutFragment.slice(question + 1);
  const pathOverride = headerValue(headers, PATH_HEADER);
  if (pathOverride !== undefined) path = pathOverride.startsWith('/') ? pathOverride : `/${pathOverride}`;
  const queryOverride = headerValue(headers, QUERY_HEADER);
  if (queryOverride !== undefined) query = queryOverride;
  if (path === '') path = '/';
  return encodeUnsafe(query === undefined || query === '' ? path : `${path}?${query}`);
}

/** A header's value by case-insensitive name. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/**
 * Percent-encodes what may not appear in a request target (spaces, non-ASCII, quotes, …) and
 * keeps existing escapes, so resolved placeholders with such characters still make a valid request.
 */
function encodeUnsafe(target: string): string {
  return target.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]+/g, (chars) => encodeURIComponent(chars));
}
