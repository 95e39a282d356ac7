/** Version of the twin tables, kept in `user_version`. */
export const TWIN_SCHEMA_VERSION = 1;

/**
 * One row per thing and per policy holding its current JSON (NULL for a deleted one, whose row keeps
 * the revision). Snapshots instead of an event journal: twins change often and are read whole.
 */
export const TWIN_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS things (
  thing_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  thing TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS policies (
  policy_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  policy TEXT
) WITHOUT ROWID;
`;

/** Upserts one thing row: `(thing_id, revision, created, modified, thing)`. */
export const PUT_THING_SQL =
  'INSERT INTO things (thing_id, revision, created, modified, thing) VALUES (?, ?, ?, ?, ?) ' +
  'ON CONFLICT(thing_id) DO UPDATE SET revision = excluded.revision, created = excluded.created, modified = excluded.modified, thing = excluded.thing';

/** Upserts one policy row: `(policy_id, revision, created, modified, policy)`. */
export const PUT_POLICY_SQL =
  'INSERT INTO policies (policy_id, revision, created, modified, policy) VALUES (?, ?, ?, ?, ?) ' +
  'ON CONFLICT(policy_id) DO UPDATE SET revision = excluded.revision, created = excluded.created, modified = excluded.modified, policy = excluded.policy';
