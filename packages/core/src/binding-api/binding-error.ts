/**
 * How core's supervisor treats a failure: `transient` → back off and retry; `auth` and
 * `misconfigured` → status `misconfigured`, slow retry; `remote-closed` → reconnect;
 * `rejected` → the broker refused one message (publish outcome, not a connection problem).
 * @public
 */
export type BindingErrorKind = 'transient' | 'auth' | 'misconfigured' | 'remote-closed' | 'rejected';

/**
 * The error bindings reject with. `code` is stable and documented (`TWINLINK_ERR_<AREA>_<WHAT>`);
 * the message must never contain secrets.
 * @public
 */
export class BindingError extends Error {
  readonly code: string;
  readonly kind: BindingErrorKind;
  /** HTTP-semantics status for publish failures (e.g. 503 broker unavailable, 400 unroutable). */
  readonly status: number;

  constructor(code: string, kind: BindingErrorKind, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'BindingError';
    this.code = code;
    this.kind = kind;
    this.status = options?.status ?? (kind === 'rejected' ? 400 : 503);
  }
}
