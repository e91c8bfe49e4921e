// An attachment row as the gallery shows it: its state, the refusal or problem, what the
// check found, its thumbnail, its review and the reuse flags. Pure given the rows.
import { ScreenshotRefusalReason, type ScreenshotRefusal, type ScreenshotReuseMatch, type ScreenshotTile, type ShownScreenshotReview } from '../../shared/channels/evidence';
import { tileStateOf, type AttachmentRow } from './attachment-rows';
import { shownFileName } from './file-name-check';
import { findReuse } from './reuse-check';
import { checkAttachmentRecord } from './screenshot-check';

export function sentByOf(row: Pick<AttachmentRow, 'learnerName' | 'fromEmail'>): string {
  return row.learnerName ?? row.fromEmail ?? 'an unknown sender';
}

export function reuseMatches(row: AttachmentRow, candidates: readonly AttachmentRow[]): ScreenshotReuseMatch[] {
  return findReuse(row, candidates).map(({ candidate, likeness, distance }) => ({
    attachmentId: candidate.id,
    ticketId: candidate.ticketId,
    ticketSubject: candidate.ticketSubject,
    learnerId: candidate.learnerId,
    sentBy: sentByOf(candidate),
    receivedAt: candidate.receivedAt,
    likeness,
    distance,
  }));
}

function storedRefusal(row: AttachmentRow): ScreenshotRefusal {
  const reason = ScreenshotRefusalReason.safeParse(row.fetchReason);
  return {
    reason: reason.success ? reason.data : 'not_an_image',
    message: row.fetchMessage ?? 'Passdesk refused this file.',
  };
}

export function tileOf(row: AttachmentRow, candidates: readonly AttachmentRow[], review: ShownScreenshotReview | null): ScreenshotTile {
  // A name or size the record alone refuses is refused even before the download queue gets to it.
  const early = checkAttachmentRecord(row);
  const state = early ? 'refused' : tileStateOf(row);
  const refusal = early ?? (state === 'refused' ? storedRefusal(row) : null);
  return {
    attachmentId: row.id,
    ticketId: row.ticketId,
    ticketSubject: row.ticketSubject,
    learnerId: row.learnerId,
    sentBy: sentByOf(row),
    fileName: shownFileName(row.fileName),
    declaredType: row.declaredType,
    size: row.size,
    sha256: row.sha256,
    receivedAt: row.receivedAt,
    state,
    refusal,
    problem: state === 'unavailable' ? row.fetchMessage : null,
    detectedType: state === 'ready' ? row.imageType : null,
    width: state === 'ready' ? row.width : null,
    height: state === 'ready' ? row.height : null,
    thumbnail: state === 'ready' && row.thumbnail ? `data:image/jpeg;base64,${row.thumbnail.toString('base64')}` : null,
    review: review && review.sha256 === row.sha256 ? review : null,
    reuse: state === 'refused' ? [] : reuseMatches(row, candidates),
  };
}
