// The cache's schema history. Append only: never edit a migration that has shipped.
import type { Migration } from './migrate';
import { createPassTables } from '../passes/pass-tables';
import { createEvidenceTables } from '../evidence/evidence-tables';

export const cacheMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'app settings',
    up(db) {
      db.exec(`
        CREATE TABLE app_setting (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    // Every entity of the LMS change feed in its own table: the columns screens filter and
    // sort by, plus `data`, the record exactly as validated (server truth), and `seq`, the
    // feed position it came from. No foreign keys between them on purpose: the feed may send
    // a child before its parent, and a delete upstream must never cascade locally.
    // Tables searched with FTS5 carry an explicit integer `row_no`, because the full-text
    // index refers to rows by number and an implicit rowid may change on VACUUM.
    version: 2,
    name: 'LMS records, full-text search, sync state, quarantine and outbox',
    up(db) {
      db.exec(`
        CREATE TABLE category (
          id   TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          data TEXT NOT NULL,
          seq  INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE course (
          id          TEXT PRIMARY KEY,
          category_id TEXT NOT NULL,
          name        TEXT NOT NULL,
          blue_bucks  INTEGER NOT NULL,
          data        TEXT NOT NULL,
          seq         INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX course_by_category ON course (category_id, name);

        CREATE TABLE module (
          id            TEXT PRIMARY KEY,
          course_id     TEXT NOT NULL,
          name          TEXT NOT NULL,
          passing_score REAL NOT NULL,
          data          TEXT NOT NULL,
          seq           INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX module_by_course ON module (course_id, name);

        CREATE TABLE workplace (
          id   TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          data TEXT NOT NULL,
          seq  INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE learner (
          row_no       INTEGER PRIMARY KEY,
          id           TEXT NOT NULL UNIQUE,
          name         TEXT NOT NULL,
          email        TEXT NOT NULL,
          workplace_id TEXT NOT NULL,
          data         TEXT NOT NULL,
          seq          INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX learner_by_workplace ON learner (workplace_id, name);
        CREATE INDEX learner_by_email ON learner (email COLLATE NOCASE);

        CREATE TABLE enrollment (
          id                TEXT PRIMARY KEY,
          learner_id        TEXT NOT NULL,
          module_id         TEXT NOT NULL,
          status            TEXT NOT NULL,
          completed_at      TEXT,
          completion_source TEXT,
          data              TEXT NOT NULL,
          seq               INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX enrollment_by_module ON enrollment (module_id, learner_id);
        CREATE INDEX enrollment_by_learner ON enrollment (learner_id, module_id);

        CREATE TABLE attempt (
          id                TEXT PRIMARY KEY,
          learner_id        TEXT NOT NULL,
          module_id         TEXT NOT NULL,
          started_at        TEXT NOT NULL,
          last_data_at      TEXT,
          standard          TEXT NOT NULL,
          completion_status TEXT,
          success_status    TEXT,
          score_raw         REAL,
          score_min         REAL,
          score_max         REAL,
          score_scaled      REAL,
          data              TEXT NOT NULL,
          seq               INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX attempt_by_learner_module ON attempt (learner_id, module_id, started_at);

        -- status, assignee_id, learner_id, module_id and tags show the ticket as the agent
        -- sees it: the server's record (data) with this desk's unconfirmed edits on top;
        -- pending_edits counts those edits (0 = the columns equal the server's record).
        CREATE TABLE ticket (
          row_no        INTEGER PRIMARY KEY,
          id            TEXT NOT NULL UNIQUE,
          subject       TEXT NOT NULL,
          from_email    TEXT NOT NULL,
          learner_id    TEXT,
          module_id     TEXT,
          status        TEXT NOT NULL,
          assignee_id   TEXT,
          tags          TEXT NOT NULL,
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL,
          version       INTEGER NOT NULL,
          pending_edits INTEGER NOT NULL DEFAULT 0,
          data          TEXT NOT NULL,
          seq           INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX ticket_by_status ON ticket (status, updated_at);
        CREATE INDEX ticket_by_assignee ON ticket (assignee_id, status, updated_at);
        CREATE INDEX ticket_by_updated ON ticket (updated_at);
        CREATE INDEX ticket_by_learner ON ticket (learner_id, updated_at);
        CREATE INDEX ticket_by_sender ON ticket (from_email COLLATE NOCASE);

        -- sender: the learner's address for learner messages, the agent's name and address
        -- for replies and notes. A row written by this desk before the LMS confirmed it has
        -- id 'local:<write id>', seq 0 and pending_write_id set; the feed replaces it.
        CREATE TABLE message (
          row_no           INTEGER PRIMARY KEY,
          id               TEXT NOT NULL UNIQUE,
          ticket_id        TEXT NOT NULL,
          author           TEXT NOT NULL,
          author_id        TEXT,
          sender           TEXT NOT NULL,
          body             TEXT NOT NULL,
          created_at       TEXT NOT NULL,
          pending_write_id TEXT,
          data             TEXT NOT NULL,
          seq              INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX message_by_ticket ON message (ticket_id, created_at);

        CREATE TABLE attachment (
          id           TEXT PRIMARY KEY,
          ticket_id    TEXT NOT NULL,
          message_id   TEXT NOT NULL,
          file_name    TEXT NOT NULL,
          content_type TEXT NOT NULL,
          size         INTEGER NOT NULL,
          sha256       TEXT NOT NULL,
          data         TEXT NOT NULL,
          seq          INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX attachment_by_ticket ON attachment (ticket_id, message_id);
        CREATE INDEX attachment_by_sha256 ON attachment (sha256);

        CREATE TABLE known_issue (
          id          TEXT PRIMARY KEY,
          category_id TEXT NOT NULL,
          course_id   TEXT,
          os          TEXT,
          browser     TEXT,
          since       TEXT NOT NULL,
          until       TEXT,
          data        TEXT NOT NULL,
          seq         INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX known_issue_by_category ON known_issue (category_id, course_id);

        CREATE TABLE agent (
          id    TEXT PRIMARY KEY,
          name  TEXT NOT NULL,
          email TEXT NOT NULL,
          role  TEXT NOT NULL,
          data  TEXT NOT NULL,
          seq   INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE manual_pass (
          id         TEXT PRIMARY KEY,
          learner_id TEXT NOT NULL,
          module_id  TEXT NOT NULL,
          passed_at  TEXT NOT NULL,
          passed_by  TEXT NOT NULL,
          ticket_id  TEXT,
          data       TEXT NOT NULL,
          seq        INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX manual_pass_by_learner_module ON manual_pass (learner_id, module_id);
        CREATE INDEX manual_pass_by_ticket ON manual_pass (ticket_id);

        -- Full-text search. External content: the text lives once, in the tables above, and
        -- triggers keep the indexes in step with every insert, update and delete.
        CREATE VIRTUAL TABLE ticket_fts USING fts5 (
          subject, from_email,
          content = 'ticket', content_rowid = 'row_no', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER ticket_fts_insert AFTER INSERT ON ticket BEGIN
          INSERT INTO ticket_fts (rowid, subject, from_email) VALUES (new.row_no, new.subject, new.from_email);
        END;
        CREATE TRIGGER ticket_fts_delete AFTER DELETE ON ticket BEGIN
          INSERT INTO ticket_fts (ticket_fts, rowid, subject, from_email) VALUES ('delete', old.row_no, old.subject, old.from_email);
        END;
        CREATE TRIGGER ticket_fts_update AFTER UPDATE OF subject, from_email ON ticket BEGIN
          INSERT INTO ticket_fts (ticket_fts, rowid, subject, from_email) VALUES ('delete', old.row_no, old.subject, old.from_email);
          INSERT INTO ticket_fts (rowid, subject, from_email) VALUES (new.row_no, new.subject, new.from_email);
        END;

        CREATE VIRTUAL TABLE message_fts USING fts5 (
          body, sender,
          content = 'message', content_rowid = 'row_no', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
          INSERT INTO message_fts (rowid, body, sender) VALUES (new.row_no, new.body, new.sender);
        END;
        CREATE TRIGGER message_fts_delete AFTER DELETE ON message BEGIN
          INSERT INTO message_fts (message_fts, rowid, body, sender) VALUES ('delete', old.row_no, old.body, old.sender);
        END;
        CREATE TRIGGER message_fts_update AFTER UPDATE OF body, sender ON message BEGIN
          INSERT INTO message_fts (message_fts, rowid, body, sender) VALUES ('delete', old.row_no, old.body, old.sender);
          INSERT INTO message_fts (rowid, body, sender) VALUES (new.row_no, new.body, new.sender);
        END;

        CREATE VIRTUAL TABLE learner_fts USING fts5 (
          name, email,
          content = 'learner', content_rowid = 'row_no', tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER learner_fts_insert AFTER INSERT ON learner BEGIN
          INSERT INTO learner_fts (rowid, name, email) VALUES (new.row_no, new.name, new.email);
        END;
        CREATE TRIGGER learner_fts_delete AFTER DELETE ON learner BEGIN
          INSERT INTO learner_fts (learner_fts, rowid, name, email) VALUES ('delete', old.row_no, old.name, old.email);
        END;
        CREATE TRIGGER learner_fts_update AFTER UPDATE OF name, email ON learner BEGIN
          INSERT INTO learner_fts (learner_fts, rowid, name, email) VALUES ('delete', old.row_no, old.name, old.email);
          INSERT INTO learner_fts (rowid, name, email) VALUES (new.row_no, new.name, new.email);
        END;

        -- Where the pull stands: the feed cursor and what the status bar shows. Written in the
        -- same transaction as the page it belongs to.
        CREATE TABLE sync_state (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- Feed records that failed validation: the latest version of each record is kept, with
        -- why, and tried again when the validating schema changes (schema_fingerprint).
        CREATE TABLE quarantine (
          entity             TEXT NOT NULL,
          record_id          TEXT NOT NULL,
          seq                INTEGER NOT NULL,
          raw                TEXT NOT NULL,
          reason             TEXT NOT NULL,
          schema_fingerprint TEXT NOT NULL,
          quarantined_at     TEXT NOT NULL,
          PRIMARY KEY (entity, record_id)
        ) STRICT;

        -- Writes waiting for the LMS. position orders them; entity + entity_id is the
        -- ordering key (writes on one record go out one at a time, in order); idempotency_key
        -- is sent with every try, so a retried write happens once.
        CREATE TABLE outbox (
          position         INTEGER PRIMARY KEY AUTOINCREMENT,
          id               TEXT NOT NULL UNIQUE,
          idempotency_key  TEXT NOT NULL UNIQUE,
          kind             TEXT NOT NULL,
          entity           TEXT NOT NULL,
          entity_id        TEXT NOT NULL,
          payload          TEXT NOT NULL,
          state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'confirmed', 'failed', 'conflict', 'discarded')),
          attempts         INTEGER NOT NULL DEFAULT 0,
          next_attempt_at  INTEGER NOT NULL,
          last_error       TEXT,
          result           TEXT,
          confirm_entity   TEXT,
          confirm_id       TEXT,
          confirm_version  INTEGER,
          conflict         TEXT,
          queued_by        TEXT,
          created_at       TEXT NOT NULL,
          updated_at       TEXT NOT NULL
        ) STRICT;
        CREATE INDEX outbox_by_key ON outbox (entity, entity_id, position);
        CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
      `);
    },
  },
  {
    version: 3,
    name: 'manual passes: requests, evidence snapshots, audit log, proposals',
    up: createPassTables,
  },
  {
    version: 4,
    name: 'screenshots: checked files, downloads, reviews, OCR readings',
    up: createEvidenceTables,
  },
  {
    // A person may dismiss a write the LMS refused once they have read why: it leaves the Sync
    // panel but keeps its row, with the LMS's reason, who dismissed it and when. SQLite cannot
    // change a CHECK constraint in place, so the outbox is rebuilt with the new state (no
    // foreign key points at it). Writes that a switch to another LMS left unsent are marked,
    // so they are never offered to the new LMS; rows from earlier switches are found by the
    // text forget-lms gave them.
    version: 5,
    name: 'outbox: refused writes can be dismissed, writes meant for a previous LMS are marked',
    up(db) {
      const sequence = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get();
      db.exec(`
        CREATE TABLE outbox_v5 (
          position         INTEGER PRIMARY KEY AUTOINCREMENT,
          id               TEXT NOT NULL UNIQUE,
          idempotency_key  TEXT NOT NULL UNIQUE,
          kind             TEXT NOT NULL,
          entity           TEXT NOT NULL,
          entity_id        TEXT NOT NULL,
          payload          TEXT NOT NULL,
          state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'confirmed', 'failed', 'conflict', 'discarded', 'dismissed')),
          attempts         INTEGER NOT NULL DEFAULT 0,
          next_attempt_at  INTEGER NOT NULL,
          last_error       TEXT,
          result           TEXT,
          confirm_entity   TEXT,
          confirm_id       TEXT,
          confirm_version  INTEGER,
          conflict         TEXT,
          queued_by        TEXT,
          created_at       TEXT NOT NULL,
          updated_at       TEXT NOT NULL,
          dismissed_at     TEXT,
          dismissed_by     TEXT,
          for_previous_lms INTEGER NOT NULL DEFAULT 0 CHECK (for_previous_lms IN (0, 1))
        ) STRICT;
        INSERT INTO outbox_v5 (position, id, idempotency_key, kind, entity, entity_id, payload, state, attempts, next_attempt_at, last_error, result,
                               confirm_entity, confirm_id, confirm_version, conflict, queued_by, created_at, updated_at, for_previous_lms)
        SELECT position, id, idempotency_key, kind, entity, entity_id, payload, state, attempts, next_attempt_at, last_error, result,
               confirm_entity, confirm_id, confirm_version, conflict, queued_by, created_at, updated_at,
               CASE WHEN last_error IN ('Not sent: Passdesk was switched to another LMS before this write went out.',
                                        'Sent to the previous LMS; its confirmation can no longer arrive here.') THEN 1 ELSE 0 END
          FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_v5 RENAME TO outbox;
        CREATE INDEX outbox_by_key ON outbox (entity, entity_id, position);
        CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
      `);
      // AUTOINCREMENT promised never to reuse a position; the copy must keep that promise.
      if (sequence) db.prepare<[number]>("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'").run(sequence.seq);
      if (sequence && db.prepare("SELECT 1 FROM sqlite_sequence WHERE name = 'outbox'").get() === undefined) {
        db.prepare<[number]>("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)").run(sequence.seq);
      }
    },
  },
];
