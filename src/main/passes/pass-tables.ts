// The manual pass's own tables (one cache migration calls createPassTables). Unlike the LMS
// mirror tables, these are this desk's records: nothing from the change feed overwrites them.
import type { Database } from 'better-sqlite3';

export function createPassTables(db: Database): void {
  db.exec(`
    -- One row per learner + module an admin confirmed. state follows
    -- queued → sending → confirmed → verified, or ends rejected / superseded / cancelled.
    -- sends counts POSTs that may have reached the LMS: 0 means the LMS has never seen this
    -- key, so an enrollment found complete means someone else completed it (superseded).
    CREATE TABLE pass_request (
      id                TEXT PRIMARY KEY,
      idempotency_key   TEXT NOT NULL UNIQUE,
      outbox_id         TEXT NOT NULL UNIQUE,
      batch_id          TEXT NOT NULL,
      learner_id        TEXT NOT NULL,
      learner_name      TEXT NOT NULL,
      module_id         TEXT NOT NULL,
      module_name       TEXT NOT NULL,
      course_name       TEXT NOT NULL,
      blue_bucks        INTEGER NOT NULL,
      ticket_id         TEXT,
      proposal_id       TEXT,
      requested_by      TEXT NOT NULL,
      requested_by_name TEXT NOT NULL,
      reason            TEXT NOT NULL,
      override          INTEGER NOT NULL CHECK (override IN (0, 1)),
      verdict_kind      TEXT NOT NULL,
      reply_to_learner  INTEGER NOT NULL CHECK (reply_to_learner IN (0, 1)),
      evidence          TEXT NOT NULL,
      state             TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'confirmed', 'verified', 'rejected', 'superseded', 'cancelled')),
      state_reason      TEXT,
      alert             TEXT,
      sends             INTEGER NOT NULL DEFAULT 0,
      lms_pass_id       TEXT,
      undo_until        TEXT NOT NULL,
      requested_at      TEXT NOT NULL,
      updated_at        TEXT NOT NULL,
      note_write_id     TEXT
    ) STRICT;
    -- At most one live pass per learner + module, whatever the code above it does.
    CREATE UNIQUE INDEX pass_request_live ON pass_request (learner_id, module_id)
      WHERE state IN ('queued', 'sending', 'confirmed', 'verified');
    CREATE INDEX pass_request_by_module ON pass_request (module_id, learner_id, requested_at);
    CREATE INDEX pass_request_by_learner ON pass_request (learner_id, requested_at);
    CREATE INDEX pass_request_by_state ON pass_request (state, requested_at);
    CREATE INDEX pass_request_by_time ON pass_request (requested_at);
    CREATE INDEX pass_request_by_ticket ON pass_request (ticket_id);

    -- What the pass rested on when it was requested, frozen: the attempt's data, the
    -- screenshot's sha256 and review, the known issue, the verdict main computed.
    CREATE TABLE pass_evidence (
      pass_id     TEXT PRIMARY KEY REFERENCES pass_request (id),
      facts       TEXT NOT NULL,
      verdict     TEXT NOT NULL,
      taken_at    TEXT NOT NULL
    ) STRICT;

    -- Append-only and tamper-evident: each entry's hash covers its fields and the previous
    -- entry's hash, so changing or removing any entry breaks every hash after it.
    CREATE TABLE pass_audit (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      at         TEXT NOT NULL,
      actor_id   TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      action     TEXT NOT NULL,
      pass_id    TEXT,
      detail     TEXT NOT NULL,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX pass_audit_by_pass ON pass_audit (pass_id, seq);
    CREATE INDEX pass_audit_by_time ON pass_audit (at);
    CREATE TRIGGER pass_audit_no_update BEFORE UPDATE ON pass_audit BEGIN
      SELECT RAISE(ABORT, 'The pass audit log is append-only: entries cannot be changed.');
    END;
    CREATE TRIGGER pass_audit_no_delete BEFORE DELETE ON pass_audit BEGIN
      SELECT RAISE(ABORT, 'The pass audit log is append-only: entries cannot be removed.');
    END;

    -- Agents' "request a manual pass" from a ticket, waiting in the admins' queue.
    CREATE TABLE pass_proposal (
      id               TEXT PRIMARY KEY,
      ticket_id        TEXT NOT NULL,
      learner_id       TEXT NOT NULL,
      module_id        TEXT NOT NULL,
      evidence         TEXT,
      note             TEXT NOT NULL,
      proposed_by      TEXT NOT NULL,
      proposed_by_name TEXT NOT NULL,
      proposed_at      TEXT NOT NULL,
      state            TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'dismissed')),
      outcome          TEXT
    ) STRICT;
    CREATE INDEX pass_proposal_by_state ON pass_proposal (state, proposed_at);
    CREATE INDEX pass_proposal_by_ticket ON pass_proposal (ticket_id);
  `);
}
