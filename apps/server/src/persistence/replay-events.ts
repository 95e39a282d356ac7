import type { JsonObject } from '@twinlink/core';
import type { ConnectionEvent, StoredConnection } from './connection-journal.js';

/**
 * Applies one event to the state before it. Events normally carry the full connection; `opened` /
 * `closed` without one only flip the desired status, so a journal written by a leaner producer
 * still replays to the right state.
 */
export function applyEvent(state: StoredConnection | undefined, event: ConnectionEvent): StoredConnection {
  const recreated = state === undefined || state.deleted || event.type === 'created';
  let connection: JsonObject | undefined;
  if (event.type === 'deleted') connection = undefined;
  else if (event.connection !== undefined) connection = event.connection;
  else if (state?.connection !== undefined && (event.type === 'opened' || event.type === 'closed')) {
    connection = { ...state.connection, connectionStatus: event.type === 'opened' ? 'open' : 'closed' };
  } else connection = state?.connection;
  return {
    connectionId: event.connectionId,
    revision: event.revision,
    created: recreated ? event.timestamp : (state?.created ?? event.timestamp),
    modified: event.timestamp,
    deleted: event.type === 'deleted',
    connection,
  };
}

/** Folds events (ascending revisions) onto a starting state. */
export function replay(start: StoredConnection | undefined, events: readonly ConnectionEvent[]): StoredConnection | undefined {
  return events.reduce<StoredConnection | undefined>(applyEvent, start);
}
