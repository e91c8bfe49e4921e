// The cache tables of the screenshot viewer, created by one migration (see
// src/main/cache/migrations.ts): what main found when it checked each file, how each
// attachment's download went, the reviews, and the OCR's readings. The files themselves live
// in the content-addressed store (screenshot-store.ts), never in SQLite.
import type { Database } from 'better-sqlite3';

export function createEvidenceTables(db: Database): void {
  db.exec(`
    -- One row per checked file (by content): its real type, size in pixels, EXIF facts, the
    -- perceptual hash for the reuse check and the thumbnail main made. Only files that passed
    -- every check are here; their bytes are in screenshots/<sha[0..2]>/<sha>.
    CREATE TABLE screenshot_file (
      sha256          TEXT PRIMARY KEY,
      image_type      TEXT NOT NULL CHECK (image_type IN ('image/png', 'image/jpeg', 'image/webp')),
      width           INTEGER NOT NULL,
      height          INTEGER NOT NULL,
      size            INTEGER NOT NULL,
      exif            TEXT,
      perceptual_hash TEXT,
      thumbnail       BLOB,
      checked_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX screenshot_file_by_hash ON screenshot_file (perceptual_hash);

    -- How the download of each attachment went, for the sha256 the LMS gave at the time:
    -- stored, refused (with why — nothing of it is kept), or failed for now (tried again at
    -- next_try_at, in ms since the epoch).
    CREATE TABLE screenshot_fetch (
      attachment_id TEXT PRIMARY KEY,
      sha256        TEXT NOT NULL,
      state         TEXT NOT NULL CHECK (state IN ('stored', 'refused', 'failed')),
      reason        TEXT,
      message       TEXT,
      attempts      INTEGER NOT NULL DEFAULT 0,
      next_try_at   INTEGER NOT NULL DEFAULT 0,
      updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX screenshot_fetch_by_state ON screenshot_fetch (state, next_try_at);

    -- What a reviewer read on a screenshot. Never updated: a new review is a new row, and the
    -- newest one for an attachment is the one that counts. sha256 is the reviewed bytes.
    CREATE TABLE screenshot_review (
      id                  INTEGER PRIMARY KEY,
      attachment_id       TEXT NOT NULL,
      sha256              TEXT NOT NULL,
      reviewed_by         TEXT NOT NULL,
      reviewer_name       TEXT NOT NULL,
      reviewed_at         TEXT NOT NULL,
      shows_passing_score INTEGER NOT NULL CHECK (shows_passing_score IN (0, 1)),
      score_read          REAL CHECK (score_read IS NULL OR (score_read >= 0 AND score_read <= 100)),
      course_shown        TEXT,
      module_shown        TEXT,
      proposed_score      REAL
    ) STRICT;
    CREATE INDEX screenshot_review_by_attachment ON screenshot_review (attachment_id, reviewed_at);

    -- The OCR's last proposal for a file's bytes (JSON of ScreenshotScoreProposal).
    CREATE TABLE screenshot_reading (
      sha256   TEXT PRIMARY KEY,
      proposal TEXT NOT NULL,
      read_at  TEXT NOT NULL
    ) STRICT;
  `);
}
