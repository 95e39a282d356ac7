import { formatInstant } from '@twinlink/core';
import type { JsonObject } from '@twinlink/core';
import type { ConnectionEventType, ConnectionJournal, StoredConnection } from '../persistence/connection-journal.js';
import { JournalConflictError } from '../persistence/journal-conflict-error.js';
import type { HistoricalPoint } from './connectivity-command.js';
import { connectionChangedConcurrently } from './connection-errors.js';

/**
 * The lifecycle's view of the journal: existing connections only (deleted ones read as absent),
 * and appends that take the next revision, so a re-created id continues its event stream.
 */
export class ConnectionStore {
  constructor(
    private readonly journal: ConnectionJournal,
    private readonly now: () => Date,
  ) {}

  /** The connection, or undefined when it never existed or is deleted. */
  async current(connectionId: string): Promise<StoredConnection | undefined> {
    const stored = await this.journal.load(connectionId);
    return stored && !stored.deleted && stored.connection ? stored : undefined;
  }

  /** The connection as it was at a revision or instant, or undefined when the journal has no such state. */
  async at(connectionId: string, point: HistoricalPoint): Promise<StoredConnection | undefined> {
    const stored = await this.journal.loadAt?.(connectionId, point);
    return stored && !stored.deleted && stored.connection ? stored : undefined;
  }

  async all(): Promise<StoredConnection[]> {
    return (await this.journal.loadAll()).filter((stored) => !stored.deleted && stored.connection);
  }

  /** Persists one event; resolves once durable, with the state after it. */
  async append(connectionId: string, type: ConnectionEventType, connection?: JsonObject): Promise<StoredConnection> {
    const previous = await this.journal.load(connectionId);
    const revision = (previous?.revision ?? 0) + 1;
    const timestamp = formatInstant(this.now().getTime());
    try {
      await this.journal.append({ connectionId, revision, type, timestamp, ...(connection ? { connection } : {}) });
    } catch (error) {
      throw error instanceof JournalConflictError ? connectionChangedConcurrently(connectionId) : error;
    }
    const recreated = type === 'created';
    return {
      connectionId,
      revision,
      created: recreated || !previous ? timestamp : previous.created,
      modified: timestamp,
      deleted: type === 'deleted',
      connection: type === 'deleted' ? undefined : connection,
    };
  }
}
