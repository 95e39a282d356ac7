import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { JsonObject } from '@twinlink/core';
import type { ConnectionEvent, ConnectionEventType, ConnectionJournal, StoredConnection } from './connection-journal.js';
import { JournalConflictError } from './journal-conflict-error.js';
import { applyEvent, replay } from './replay-events.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './sqlite-schema.js';

/** Where and how the embedded journal stores its data. */
export interface SqliteJournalOptions {
  /** Directory of the database file `connections.db`; created if missing. */
  readonly dataDir: string;
  /** Take a snapshot every this many events of a connection. */
  readonly snapshotEvery: number;
}

interface EventRow {
  connection_id: string;
  revision: number;
  type: ConnectionEventType;
  timestamp: string;
  connection: string | null;
}

interface SnapshotRow {
  connection_id: string;
  revision: number;
  created: string;
  modified: string;
  deleted: number;
  connection: string | null;
}

function toEvent(row: EventRow): ConnectionEvent {
  return {
    connectionId: row.connection_id,
    revision: row.revision,
    type: row.type,
    timestamp: row.timestamp,
    ...(row.connection !== null ? { connection: JSON.parse(row.connection) as JsonObject } : {}),
  };
}

function toState(row: SnapshotRow): StoredConnection {
  return {
    connectionId: row.connection_id,
    revision: row.revision,
    created: row.created,
    modified: row.modified,
    deleted: row.deleted === 1,
    connection: row.connection !== null ? (JSON.parse(row.connection) as JsonObject) : undefined,
  };
}

/**
 * The embedded {@link ConnectionJournal}: one SQLite file in WAL mode with `synchronous=FULL`, so
 * every commit is fsynced before `append` resolves — an acknowledged management command survives
 * kill -9 and power loss alike. Management writes are rare, so the fsync per commit costs nothing
 * that matters. better-sqlite3 is synchronous; each call is short (one connection's rows).
 */
export class SqliteConnectionJournal implements ConnectionJournal {
  private readonly db: Database.Database;
  private readonly snapshotEvery: number;

  constructor(options: SqliteJournalOptions) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    this.snapshotEvery = options.snapshotEvery;
    this.db = new Database(join(dir, 'connections.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`The journal in ${dir} has schema version ${version}; this release reads up to ${SCHEMA_VERSION}.`);
    }
    this.db.exec(SCHEMA_SQL);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  async append(event: ConnectionEvent): Promise<void> {
    this.appendSync(event);
  }

  async load(connectionId: string): Promise<StoredConnection | undefined> {
    return this.loadSync(connectionId, Number.MAX_SAFE_INTEGER);
  }

  async loadAll(): Promise<StoredConnection[]> {
    const ids = this.db.prepare('SELECT DISTINCT connection_id AS id FROM connection_events ORDER BY connection_id').pluck().all() as string[];
    return ids.map((id) => this.loadSync(id, Number.MAX_SAFE_INTEGER)).filter((s): s is StoredConnection => s !== undefined && !s.deleted);
  }

  async loadAt(connectionId: string, at: { revision?: number; timestamp?: string }): Promise<StoredConnection | undefined> {
    if (at.revision !== undefined) {
      const state = this.loadSync(connectionId, at.revision);
      return state?.revision === at.revision ? state : undefined;
    }
    if (at.timestamp === undefined) return this.load(connectionId);
    const limit = Date.parse(at.timestamp);
    if (Number.isNaN(limit)) return undefined;
    const rows = this.db.prepare('SELECT * FROM connection_events WHERE connection_id = ? ORDER BY revision').all(connectionId) as EventRow[];
    const events = rows.map(toEvent).filter((e) => Date.parse(e.timestamp) <= limit);
    return replay(undefined, events);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private appendSync(event: ConnectionEvent): void {
    this.db.transaction(() => {
      const current = this.db.prepare('SELECT MAX(revision) FROM connection_events WHERE connection_id = ?').pluck().get(event.connectionId) as
        | number
        | null;
      const expected = (current ?? 0) + 1;
      if (event.revision !== expected) throw new JournalConflictError(event.connectionId, expected, event.revision);
      this.db
        .prepare('INSERT INTO connection_events (connection_id, revision, type, timestamp, connection) VALUES (?, ?, ?, ?, ?)')
        .run(event.connectionId, event.revision, event.type, event.timestamp, event.connection ? JSON.stringify(event.connection) : null);
      if (event.revision % this.snapshotEvery === 0) this.snapshot(event);
    }).immediate();
  }

  private snapshot(event: ConnectionEvent): void {
    const before = this.loadSync(event.connectionId, event.revision - 1);
    const state = applyEvent(before, event);
    this.db
      .prepare('INSERT OR REPLACE INTO connection_snapshots (connection_id, revision, created, modified, deleted, connection) VALUES (?, ?, ?, ?, ?, ?)')
      .run(state.connectionId, state.revision, state.created, state.modified, state.deleted ? 1 : 0, state.connection ? JSON.stringify(state.connection) : null);
  }

  /** The state after the events up to `maxRevision`: latest snapshot at or below it, then the events after it. */
  private loadSync(connectionId: string, maxRevision: number): StoredConnection | undefined {
    const snapshot = this.db
      .prepare('SELECT * FROM connection_snapshots WHERE connection_id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1')
      .get(connectionId, maxRevision) as SnapshotRow | undefined;
    const start = snapshot ? toState(snapshot) : undefined;
    const rows = this.db
      .prepare('SELECT * FROM connection_events WHERE connection_id = ? AND revision > ? AND revision <= ? ORDER BY revision')
      .all(connectionId, start?.revision ?? 0, maxRevision) as EventRow[];
    return replay(start, rows.map(toEvent));
  }
}

/** Opens (creating if needed) the embedded journal in `options.dataDir`. */
export function openSqliteJournal(options: SqliteJournalOptions): ConnectionJournal {
  return new SqliteConnectionJournal(options);
}
