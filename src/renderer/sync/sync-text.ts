// The sync status in words, for the status bar and the Sync panel. Pure.
import type { QuarantinedEntity, SyncPhase, SyncStatus } from '../../shared/channels/sync';
import type { EntityName } from '../../shared/lms/entities';

export const phaseLabels: Record<SyncPhase, string> = {
  not_configured: 'Not syncing — no LMS signed in',
  first_sync: 'First sync',
  live: 'Up to date',
  offline: 'Offline — changes are kept and sent later',
  stopped: 'Sync stopped',
};

const entityLabels: Record<EntityName, string> = {
  category: 'Course categories',
  course: 'Courses',
  module: 'Modules',
  workplace: 'Workplaces',
  learner: 'Learners',
  enrollment: 'Enrollments',
  attempt: 'Attempts (score data)',
  ticket: 'Tickets',
  message: 'Messages',
  attachment: 'Attachments',
  known_issue: 'Known issues',
  agent: 'Agents',
  manual_pass: 'Manual passes',
};

export function entityLabel(entity: EntityName): string {
  return entityLabels[entity];
}

/** What a quarantine entry holds, e.g. "Attempts (score data)" or "Unreadable feed change". */
export function quarantinedLabel(entity: QuarantinedEntity): string {
  return entity === 'feed_change' ? 'Unreadable feed change' : entityLabels[entity];
}

/** "about 2 min left", "under a minute left", or null when no estimate is possible. */
export function etaLabel(etaSeconds: number | null): string | null {
  if (etaSeconds === null) return null;
  if (etaSeconds < 60) return 'under a minute left';
  if (etaSeconds < 3600) return `about ${Math.round(etaSeconds / 60)} min left`;
  const hours = Math.floor(etaSeconds / 3600);
  return `about ${hours} h ${Math.round((etaSeconds % 3600) / 60)} min left`;
}

const count = new Intl.NumberFormat('en');
export function formatCount(n: number): string {
  return count.format(n);
}

/** The percentage for the progress bar, or null when the total is not known. */
export function percentDone(status: SyncStatus): number | null {
  const fraction = status.firstSync?.fraction;
  return fraction === null || fraction === undefined ? null : Math.floor(fraction * 100);
}

/** One line for the status bar, e.g. "First sync 42% · about 2 min left · 3 writes pending". */
export function syncSummary(status: SyncStatus): string {
  const parts: string[] = [phaseLabels[status.phase]];
  if (status.firstSync) {
    const pct = percentDone(status);
    parts[0] = pct === null ? `First sync · ${formatCount(status.firstSync.done)} records` : `First sync ${pct}%`;
    const eta = etaLabel(status.firstSync.etaSeconds);
    if (eta) parts.push(eta);
  }
  if (status.pendingWrites > 0) parts.push(`${formatCount(status.pendingWrites)} ${status.pendingWrites === 1 ? 'write' : 'writes'} pending`);
  if (status.conflicts > 0) parts.push(`${status.conflicts} ${status.conflicts === 1 ? 'conflict' : 'conflicts'} to resolve`);
  if (status.failedWrites > 0) parts.push(`${status.failedWrites} refused`);
  return parts.join(' · ');
}

/** "12:04:31" today, else "3 Jun 12:04"; "never" before the first pull. */
export function lastPullLabel(lastPullAt: string | null, now: Date, locale?: string): string {
  if (!lastPullAt) return 'never';
  const at = new Date(lastPullAt);
  if (Number.isNaN(at.getTime())) return 'unknown';
  if (at.toDateString() === now.toDateString()) return at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `${at.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} ${at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}`;
}
