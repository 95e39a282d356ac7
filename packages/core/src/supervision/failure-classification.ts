import { BindingError } from '../binding-api/binding-error.js';
import type { BindingErrorKind } from '../binding-api/binding-error.js';
import type { ConnectivityStatus } from '../model/connection.js';

const KINDS: readonly BindingErrorKind[] = ['transient', 'auth', 'misconfigured', 'remote-closed', 'rejected'];

/**
 * True for a BindingError from any copy of core: a binding installed outside the app may bring its
 * own copy, so `instanceof` is not enough.
 * @public
 */
export function isBindingError(error: unknown): error is BindingError {
  if (error instanceof BindingError) return true;
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<BindingError>;
  return typeof candidate.code === 'string' && KINDS.includes(candidate.kind as BindingErrorKind);
}

/**
 * The error as a BindingError; anything else a client throws is treated as a transient failure
 * (bindings must reject with BindingError, but a bug in one must not stop reconnecting).
 * @public
 */
export function toBindingError(error: unknown): BindingError {
  if (isBindingError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BindingError('TWINLINK_ERR_CLIENT_UNEXPECTED', 'transient', message, { cause: error });
}

/**
 * Status of a failed client or resource (bindings.md §0.2): `auth` and `misconfigured` are caused by
 * the user configuration and reported as `misconfigured`; everything else as `failed`.
 * @public
 */
export function statusOfFailure(error: BindingError): Extract<ConnectivityStatus, 'failed' | 'misconfigured'> {
  return error.kind === 'auth' || error.kind === 'misconfigured' ? 'misconfigured' : 'failed';
}
