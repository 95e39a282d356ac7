import type { ConnectionUri } from '../model/connection-uri.js';
import type { Connection } from '../model/connection.js';
import type { BindingError } from './binding-error.js';

/** Node TLS options computed by core from `ca`, `validateCertificates` and client-cert credentials. @public */
export interface ClientTlsOptions {
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly rejectUnauthorized: boolean;
  /** Present when host name verification is off (`validateCertificates: false`). */
  readonly checkServerIdentity?: () => undefined;
  readonly servername?: string;
}

/** Structured service log of one client; fields must never carry secrets. @public */
export interface BindingLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Events a client reports; core's supervisor turns them into status and reconnects. @public */
export type ClientEvent =
  | { readonly type: 'connection-lost'; readonly error: BindingError }
  | { readonly type: 'resource-status'; readonly resource: 'source' | 'target'; readonly address: string; readonly status: 'open' | 'failed'; readonly detail?: string }
  | { readonly type: 'throttled'; readonly address: string };

/** Host (SSRF) validation, consulted before every socket connect. @public */
export interface HostValidator {
  /** Rejects with a BindingError of kind `misconfigured` when the host, or any address it resolves to, is blocked. */
  assertAllowed(host: string): Promise<void>;
}

/**
 * Everything cross-cutting a client gets from core: bindings import no metrics, logging or TLS
 * libraries of their own.
 * @public
 */
export interface ClientContext {
  readonly connection: Connection;
  /** The parsed connection URI, credentials percent-decoded. */
  readonly uri: ConnectionUri;
  /** 0 .. clientCount-1 */
  readonly clientIndex: number;
  /** A random id per client instance (for `<clientId>_<id>` client identifiers). */
  readonly instanceId: string;
  readonly tls: ClientTlsOptions | undefined;
  readonly hosts: HostValidator;
  readonly logger: BindingLogger;
  /** Report losses and per-resource status. */
  emit(event: ClientEvent): void;
}
