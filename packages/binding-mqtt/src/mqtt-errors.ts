import { BindingError } from '@twinlink/core';

/** CONNACK codes caused by credentials: v3 4/5, v5 134 (bad user name or password), 135 (not authorized), 140 (bad auth method). */
const AUTH_CODES = new Set([4, 5, 134, 135, 140]);
/** CONNACK codes caused by other configuration: v3 1/2, v5 132 (protocol version), 133 (client id), 153 (payload format). */
const CONFIG_CODES = new Set([1, 2, 132, 133, 153]);
/** Socket errors the user's configuration causes (bindings.md §0.2: unresolvable hosts, refused connections, TLS). */
const MISCONFIGURED_SOCKET_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A connect failure as a BindingError: CONNACK refusals by reason code, TLS and address problems
 * as user-caused, the rest transient. Messages name the reason, never credentials.
 * @internal
 */
export function connectError(error: unknown): BindingError {
  if (error instanceof BindingError) return error;
  // Not `instanceof Error`: errors from Node's own modules may come from another realm (test VMs).
  const cause = typeof error === 'object' && error !== null && 'message' in error ? (error as Error) : new Error(String(error));
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'number') {
    if (AUTH_CODES.has(code)) return new BindingError('TWINLINK_ERR_MQTT_NOT_AUTHORIZED', 'auth', `The broker refused the credentials: ${cause.message}`, { cause });
    if (CONFIG_CODES.has(code)) return new BindingError('TWINLINK_ERR_MQTT_CONNECT_REFUSED', 'misconfigured', `The broker refused the connection: ${cause.message}`, { cause });
    return new BindingError('TWINLINK_ERR_MQTT_CONNECT_REFUSED', 'transient', `The broker refused the connection: ${cause.message}`, { cause });
  }
  if (typeof code === 'string' && (MISCONFIGURED_SOCKET_CODES.has(code) || isTlsCode(code))) {
    return new BindingError('TWINLINK_ERR_MQTT_CONNECT_FAILED', 'misconfigured', `Connecting failed: ${cause.message}`, { cause });
  }
  return new BindingError('TWINLINK_ERR_MQTT_CONNECT_FAILED', 'transient', `Connecting failed: ${cause.message}`, { cause });
}

/** A loss of an established connection. @internal */
export function lostError(detail: string, cause?: unknown): BindingError {
  return new BindingError('TWINLINK_ERR_MQTT_CONNECTION_LOST', 'remote-closed', `The MQTT connection was lost: ${detail}`, cause !== undefined ? { cause } : undefined);
}

function isTlsCode(code: string): boolean {
  return /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/.test(code);
}
