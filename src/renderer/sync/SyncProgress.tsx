// The sync's piece of the status bar: where the sync stands in one line, and during a first
// sync a progress bar (with per-entity counts in its tooltip) and the time left.
import { useEffect } from 'react';
import type { SyncStatus } from '../../shared/channels/sync';
import { passdesk } from '../passdesk-client';
import { entityLabel, etaLabel, formatCount, lastPullLabel, percentDone, syncSummary } from './sync-text';
import { followSync, useSync } from './sync-store';
import './sync.css';

export function SyncProgress({ status, now = new Date() }: { status: SyncStatus | null; now?: Date }) {
  if (!status) {
    return (
      <span className="status-item sync-status" role="status" aria-label="Sync">
        Sync: loading…
      </span>
    );
  }
  const pct = percentDone(status);
  const first = status.firstSync;
  const perEntity = first
    ? first.entities.map((e) => `${entityLabel(e.entity)}: ${formatCount(e.done)}${e.total === null ? '' : ` of ${formatCount(e.total)}`}`).join('\n')
    : undefined;
  return (
    <span className={`status-item sync-status sync-${status.phase}`} role="status" aria-label="Sync">
      {first && (
        <span
          className="sync-progress"
          role="progressbar"
          aria-label="First sync progress"
          aria-valuemin={0}
          aria-valuemax={100}
          {...(pct === null ? {} : { 'aria-valuenow': pct })}
          aria-valuetext={`${pct === null ? `${formatCount(first.done)} records` : `${pct}%`}${etaLabel(first.etaSeconds) ? `, ${etaLabel(first.etaSeconds)}` : ''}`}
          title={perEntity}
        >
          <span className="sync-progress-fill" style={{ width: `${pct ?? 0}%` }} />
        </span>
      )}
      <span className="sync-summary">{syncSummary(status)}</span>
      {!first && status.phase !== 'not_configured' && (
        <span className="sync-last-pull">
          {' '}· last sync{' '}
          {status.lastPullAt ? <time dateTime={status.lastPullAt}>{lastPullLabel(status.lastPullAt, now)}</time> : 'never'}
        </span>
      )}
    </span>
  );
}

/** The status bar item, connected to main: mount it once in the status bar. */
export function SyncStatusItem() {
  const status = useSync((s) => s.status);
  useEffect(() => followSync(useSync, passdesk, { withLists: false }), []);
  return <SyncProgress status={status} />;
}
