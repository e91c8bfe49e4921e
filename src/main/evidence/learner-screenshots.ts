// What the verdict needs from the screenshot viewer: the screenshots a learner sent about
// one module, each with its newest review and whether the reuse check flagged it. Refused
// files are left out — they were never shown, so they cannot be evidence.
import type { Database } from 'better-sqlite3';
import type { LearnerScreenshot } from '../../shared/verdict';
import { createAttachmentRows } from './attachment-rows';
import { createReviewStore } from './review-store';
import { tileOf } from './screenshot-tiles';

export function createLearnerScreenshotReader(db: Database): (learnerId: string, moduleId: string) => LearnerScreenshot[] {
  const rows = createAttachmentRows(db);
  const reviews = createReviewStore(db);
  return (learnerId, moduleId) => {
    const mine = rows.forLearner(learnerId).filter((row) => row.ticketModuleId === moduleId);
    if (mine.length === 0) return [];
    const candidates = rows.reuseCandidates();
    return mine
      .map((row) => tileOf(row, candidates, reviews.latest(row.id)))
      .filter((tile) => tile.state !== 'refused')
      .map((tile) => ({
        attachmentId: tile.attachmentId,
        ticketId: tile.ticketId,
        sha256: tile.sha256,
        receivedAt: tile.receivedAt,
        review: tile.review
          ? {
              attachmentId: tile.review.attachmentId,
              sha256: tile.review.sha256,
              reviewedBy: tile.review.reviewedBy,
              reviewedAt: tile.review.reviewedAt,
              showsPassingScore: tile.review.showsPassingScore,
              scoreRead: tile.review.scoreRead,
              courseShown: tile.review.courseShown,
              moduleShown: tile.review.moduleShown,
            }
          : null,
        reuseFlagged: tile.reuse.length > 0,
      }));
  };
}
