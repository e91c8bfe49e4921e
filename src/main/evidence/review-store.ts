// Reviews of screenshots, kept in the cache. A review is never edited: reviewing again adds a
// row, and the newest review of an attachment is the one that counts.
import type { Database } from 'better-sqlite3';
import type { ShownScreenshotReview } from '../../shared/channels/evidence';

interface ReviewRow {
  attachment_id: string;
  sha256: string;
  reviewed_by: string;
  reviewer_name: string;
  reviewed_at: string;
  shows_passing_score: number;
  score_read: number | null;
  course_shown: string | null;
  module_shown: string | null;
}

function shown(row: ReviewRow): ShownScreenshotReview {
  return {
    attachmentId: row.attachment_id,
    sha256: row.sha256,
    reviewedBy: row.reviewed_by,
    reviewerName: row.reviewer_name,
    reviewedAt: row.reviewed_at,
    showsPassingScore: row.shows_passing_score === 1,
    scoreRead: row.score_read,
    courseShown: row.course_shown,
    moduleShown: row.module_shown,
  };
}

export interface ReviewStore {
  record(review: ShownScreenshotReview, proposedScore: number | null): void;
  /** Newest first. */
  history(attachmentId: string): ShownScreenshotReview[];
  latest(attachmentId: string): ShownScreenshotReview | null;
}

export function createReviewStore(db: Database): ReviewStore {
  const insert = db.prepare(
    `INSERT INTO screenshot_review (attachment_id, sha256, reviewed_by, reviewer_name, reviewed_at, shows_passing_score, score_read, course_shown, module_shown, proposed_score)
     VALUES (@attachmentId, @sha256, @reviewedBy, @reviewerName, @reviewedAt, @showsPassingScore, @scoreRead, @courseShown, @moduleShown, @proposedScore)`,
  );
  const history = db.prepare<[string], ReviewRow>('SELECT * FROM screenshot_review WHERE attachment_id = ? ORDER BY reviewed_at DESC, id DESC');
  const latest = db.prepare<[string], ReviewRow>('SELECT * FROM screenshot_review WHERE attachment_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1');
  return {
    record(review, proposedScore) {
      insert.run({ ...review, showsPassingScore: review.showsPassingScore ? 1 : 0, proposedScore });
    },
    history: (attachmentId) => history.all(attachmentId).map(shown),
    latest: (attachmentId) => {
      const row = latest.get(attachmentId);
      return row ? shown(row) : null;
    },
  };
}
