/** What a request signer sees of a request: everything is final except the headers it adds. */
export interface SignableRequest {
  readonly method: string;
  /** Host of the request URI, without port (what Ditto signs as `host`). */
  readonly host: string;
  /** Path and query as sent, percent-encoded. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
}

/** Signs a request at a point in time; returns the headers to add (lower-case names). */
export interface RequestSigner {
  sign(request: SignableRequest, now: Date): Record<string, string>;
}

/** A signer's parameter that must be a non-empty string; throws a TypeError naming it otherwise. */
export function requiredParameter(parameters: Readonly<Record<string, unknown>>, name: string, algorithm: string): string {
  const value = parameters[name];
  if (typeof value !== 'string' || value === '') throw new TypeError(`The HMAC parameter '${name}' of '${algorithm}' is missing.`);
  return value;
}

/** Percent-encodes every byte except RFC 3986 unreserved characters (upper-case hex). */
export function encodeAllButUnreserved(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
