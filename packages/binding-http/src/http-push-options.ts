import type { ServiceIdentifier } from 'inversify';

/** Service-level settings of the http-push binding (bindings.md §5 "Service defaults"). */
export interface HttpPushOptions {
  /** Publishes a publisher accepts at once, in flight and queued (Ditto: 1000). */
  readonly queueSize: number;
  /** Per-request timeout when `idleTimeout` is not configured (Ditto `request-timeout`: 60 s). */
  readonly requestTimeoutMs: number;
  /** Methods sent without a body when `omitRequestBody` is not configured. */
  readonly omitRequestBody: readonly string[];
  /** Most bytes of a response body that are read. */
  readonly maxResponseBytes: number;
  /** Bound of reading a response body. */
  readonly responseReadTimeoutMs: number;
  /** Bound of a TCP/TLS connect. */
  readonly connectTimeoutMs: number;
  /** An OAuth2 token is renewed this long before it expires (`max-clock-skew`). */
  readonly tokenClockSkewMs: number;
}

/** The defaults, Ditto's where it has one. */
export const DEFAULT_HTTP_PUSH_OPTIONS: HttpPushOptions = {
  queueSize: 1000,
  requestTimeoutMs: 60_000,
  omitRequestBody: ['GET', 'DELETE'],
  maxResponseBytes: 250_000,
  responseReadTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  tokenClockSkewMs: 60_000,
};

/** Bound by this package's ContainerModule to the defaults; a service may rebind it. */
export const HTTP_PUSH_OPTIONS: ServiceIdentifier<HttpPushOptions> = Symbol.for('@twinlink/binding-http/HttpPushOptions');
