// The demo LMS's own tables. Every entity lives in `record`, whose row id is the record's
// position in the change feed: writing a record again deletes its row and inserts it at the
// end, so the feed holds each record exactly once, at the seq of its latest change. An
// initial sync therefore reads every record once, and a client that pages to the end and
// keeps reading later pages ends with exactly the server's state.
// AUTOINCREMENT matters: without it SQLite may hand out the seq of a row just deleted from
// the end of the table again, and a client already past it would miss the change.
export const createTables = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS record (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL,
  learner_id TEXT,
  module_id TEXT,
  email TEXT
);
CREATE TABLE IF NOT EXISTS blob (
  sha256 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
  agent_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (agent_id, key)
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  detail TEXT NOT NULL
);
`;

// Built after the bulk insert of a fresh seed: sorting once is far cheaper than keeping
// three indexes in order through millions of inserts.
export const createIndexes = `
CREATE UNIQUE INDEX IF NOT EXISTS record_by_id ON record (entity, id);
CREATE INDEX IF NOT EXISTS record_by_learner ON record (entity, learner_id, module_id) WHERE learner_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS record_by_email ON record (entity, email) WHERE email IS NOT NULL;
`;
