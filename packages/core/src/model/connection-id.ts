import { DittoError } from '../errors/ditto-error.js';

const CONNECTION_ID = /^[a-zA-Z0-9\-_:]{1,100}$/;

/** True when `id` matches Ditto's connection id syntax `[a-zA-Z0-9-_:]{1,100}`. @public */
export function isValidConnectionId(id: string): boolean {
  return CONNECTION_ID.test(id);
}

/** 400 `connectivity:connection.id.invalid`. */
export function connectionIdInvalid(id: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:connection.id.invalid',
    message: `The Connection ID '${id}' is not valid.`,
    description: "It must conform to the regex '^[a-zA-Z0-9-_:]{1,100}$'.",
  });
}
