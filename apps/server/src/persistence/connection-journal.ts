import type { JsonObject } from '@twinlink/core';

/** Persisted event types of a connection (management.md §4). */
export type ConnectionEventType = 'created' | 'modified' | 'opened' | 'closed' | 'deleted';

/** One persisted change. `connection` is the full connection JSON after the change (absent for `deleted`). */
export interface ConnectionEvent {
  readonly connectionId: string;
  readonly revision: number;
  readonly type: ConnectionEventType;
  readonly timestamp: string;
  readonly connection?: JsonObject;
}

/** The state of one connection rebuilt from its snapshot and later events. */
export interface StoredConnection {
  readonly connectionId: string;
  readonly revision: number;
  readonly created: string;
  readonly modified: string;
  readonly deleted: boolean;
  readonly connection: JsonObject | undefined;
}

/**
 * Event-sourced storage of connections. `append` returns only once the event is durable (a
 * management command is acknowledged after it). Implementations: SQLite (embedded default);
 * a PostgreSQL adapter can follow for multi-instance deployments.
 */
export interface ConnectionJournal {
  /** Appends an event; rejects with a conflict if `revision` is not the next one for that id. */
  append(event: ConnectionEvent): Promise<void>;
  /** The current state of one connection, or undefined if it never existed. */
  load(connectionId: string): Promise<StoredConnection | undefined>;
  /** The current state of every connection that is not deleted. */
  loadAll(): Promise<StoredConnection[]>;
  /** The state at a revision or point in time (historical retrieval), if kept. */
  loadAt?(connectionId: string, at: { revision?: number; timestamp?: string }): Promise<StoredConnection | undefined>;
  close(): Promise<void>;
}
