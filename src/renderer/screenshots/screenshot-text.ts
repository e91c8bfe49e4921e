// The words and numbers the Screenshots screen shows, from the contract's values. Pure.
import type { ScreenshotAttempt, ScreenshotTile, ShownScreenshotReview } from '../../shared/channels/evidence';
import { percentText as exactPercent } from '../inspector/plain-figures';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatWhen(iso: string | null): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A score as the inspector shows it (truncated, never rounded up onto a passing line), or "no score". */
export function percentText(value: number | null): string {
  return value === null ? 'no score' : exactPercent(value);
}

const typeNames: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

export function typeName(type: string | null): string {
  return type === null ? 'not checked yet' : (typeNames[type] ?? type);
}

export function reviewSummary(review: ShownScreenshotReview): string {
  const what = review.showsPassingScore ? (review.scoreRead !== null ? `pass at ${percentText(review.scoreRead)}` : 'completion shown') : review.scoreRead !== null ? `no pass — ${percentText(review.scoreRead)}` : 'no pass shown';
  return `Reviewed: ${what} · ${review.reviewerName}, ${formatWhen(review.reviewedAt)}`;
}

export function stateLine(tile: ScreenshotTile): string {
  switch (tile.state) {
    case 'ready':
      return `${typeName(tile.detectedType)} · ${tile.width} × ${tile.height} · ${formatSize(tile.size)}`;
    case 'waiting':
      return 'Downloading and checking…';
    case 'unavailable':
      return 'Not downloaded yet';
    case 'refused':
      return 'Refused';
  }
}

export function attemptLine(attempt: ScreenshotAttempt): string {
  const status = [attempt.completionStatus, attempt.successStatus].filter((s) => s !== null && s !== 'unknown').join(', ');
  return attempt.lastDataAt === null ? 'No data came back' : `${percentText(attempt.percent)}${status ? ` · ${status}` : ''}`;
}
