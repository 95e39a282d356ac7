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
