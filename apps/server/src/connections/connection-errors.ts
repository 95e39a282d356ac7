import { DittoError } from '@twinlink/core';

/** 404 `connectivity:connection.notfound` (management.md §2.4). */
export function connectionNotFound(id: string): DittoError {
  return new DittoError({
    status: 404,
    error: 'connectivity:connection.notfound',
    message: `The Connection with ID '${id}' could not be found or requester had insufficient permissions to access it.`,
    description: 'Check if the ID of the Connection was correct and you have sufficient permissions.',
  });
}

/** 404 `connectivity:connection.history.notfound` for a historical retrieve outside the journal (§2.4). */
export function connectionHistoryNotFound(id: string): DittoError {
  return new DittoError({ status: 404, error: 'connectivity:connection.history.notfound', message: `The Connection with ID '${id}' could not be found at the requested point in its history.`, description: 'Check the requested revision or timestamp.' });
}

/** 409 `connectivity:connection.conflict` for a create of an existing id (§3.4). */
export function connectionConflict(id: string): DittoError {
  return new DittoError({ status: 409, error: 'connectivity:connection.conflict', message: `The Connection with ID '${id}' was already created.`, description: 'Choose another ID for the Connection.' });
}

/** 409 `connectivity:signal.illegal`: the journal holds a newer revision (another writer changed the connection). */
export function connectionChangedConcurrently(id: string): DittoError {
  return new DittoError({ status: 409, error: 'connectivity:signal.illegal', message: `The Connection with ID '${id}' was changed concurrently.`, description: 'Retrieve the Connection again and retry the command.' });
}

/** 504 `connectivity:connection.failed`: clients did not connect (§4.4); the description is the cause. */
export function connectionFailed(id: string, cause: string): DittoError {
  return new DittoError({ status: 504, error: 'connectivity:connection.failed', message: `The Connection with ID '${id}' failed to connect.`, description: cause });
}

/** 400 for a connectionType change without sudo (§2.5). */
export function connectionTypeNotChangeable(id: string, type: string): DittoError {
  return new DittoError({ status: 400, error: 'connectivity:connection.configuration.invalid', message: `ConnectionType <${type}> of existing connection <${id}> cannot be changed!`, description: 'Create a new connection instead.' });
}

/** 400 `connectivity:connections.amount.illegal` when listing more connections than the limit (§2.2). */
export function tooManyConnections(limit: number): DittoError {
  return new DittoError({ status: 400, error: 'connectivity:connections.amount.illegal', message: `The amount of requested connections exceeds the limit of '${limit}'.`, description: 'Please request less connection ids.' });
}

/** 400 for a `sudoAddConnectionLogEntry` whose entry is not a log entry. */
export function logEntryInvalid(): DittoError {
  return new DittoError({ status: 400, error: 'json.invalid', message: 'The log entry is invalid.', description: 'A log entry needs category, type, level and message (management.md §8.1).' });
}
