import type { DittoError } from '../errors/ditto-error.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

/** The error for a blocked host, as Ditto words it. */
export function hostBlocked(host: string, reason: string): DittoError {
  return configurationInvalid(
    `The configured host '${host}' may not be used for the connection because ${reason}.`,
    'It is a blocked or not allowed address.',
  );
}

/** Rule 6 of §11: the URI host against the blocklist (not for `hono`, whose URI comes from the service). */
export function checkHost({ connection, uri, hosts }: ValidationContext): DittoError | undefined {
  if (connection.connectionType === 'hono' || uri.host === '') return undefined;
  const reason = hosts.reason(uri.host);
  return reason ? hostBlocked(uri.host, reason) : undefined;
}
