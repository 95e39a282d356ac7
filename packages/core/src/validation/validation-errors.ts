import { DittoError } from '../errors/ditto-error.js';

/** 400 `connectivity:connection.configuration.invalid`. */
export function configurationInvalid(message: string, description?: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:connection.configuration.invalid',
    message,
    description: description ?? 'Check the configuration of the connection.',
  });
}

/** Wraps a raw `placeholder:*` error found at configuration time, keeping its message. */
export function placeholderInvalid(where: string, cause: DittoError): DittoError {
  return cause.wrap({
    status: 400,
    error: 'connectivity:connection.configuration.invalid',
    message: `${where}: ${cause.message}`,
    description: 'Check the spelling and syntax of the placeholder.',
  });
}
