/**
 * Schema of the embedded journal, version 1. Events are never deleted (they serve historical
 * retrieval); snapshots only shorten replay. `PRAGMA user_version` records the version so later
 * releases can migrate.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS connection_events (
  connection_id TEXT NOT NULL,
  revision      INTEGER NOT NULL,
  type          TEXT NOT NULL CHECK (type IN ('created', 'modified', 'opened', 'closed', 'deleted')),
  timestamp     TEXT NOT NULL,
  connection    TEXT,
  PRIMARY KEY (connection_id, revision)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS connection_snapshots (
  connection_id TEXT NOT NULL,
  revision      INTEGER NOT NULL,
  created       TEXT NOT NULL,
  modified      TEXT NOT NULL,
  deleted       INTEGER NOT NULL,
  connection    TEXT,
  PRIMARY KEY (connection_id, revision)
) WITHOUT ROWID;
`;
