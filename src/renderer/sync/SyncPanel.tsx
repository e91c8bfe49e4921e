// The Sync panel in Settings: where the sync stands, the writes waiting for the LMS, those it
// refused — with its reason, to dismiss once read or (where main allows) to try again — ticket
// edits that collided with someone else's — each with both versions and a choice — the records
// the LMS sent in a shape Passdesk cannot use, and "Sync now".
import { useEffect, useRef } from 'react';
import type { ConflictChoice, PendingWrite, QuarantinedRecord, SyncStatus, TicketConflict } from '../../shared/channels/sync';
import { passdesk } from '../passdesk-client';
import { SyncProgress } from './SyncProgress';
import { formatCount, lastPullLabel, phaseLabels, quarantinedLabel } from './sync-text';
import { followSync, useSync } from './sync-store';
import './sync.css';

export interface SyncPanelViewProps {
  status: SyncStatus | null;
  pending: PendingWrite[];
  quarantine: { records: QuarantinedRecord[]; total: number };
  conflicts: TicketConflict[];
  busy: boolean;
  error: string | null;
  onSyncNow(): void;
  onResolve(writeId: string, choice: ConflictChoice): void;
  onDismiss(writeId: string): Promise<void> | void;
  onTryAgain(writeId: string): Promise<void> | void;
  now?: Date;
}

const stateLabels: Record<PendingWrite['state'], string> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent — waiting for the LMS to confirm',
  confirmed: 'Confirmed',
  failed: 'Refused by the LMS',
  conflict: 'Conflict — choose a version',
  discarded: 'Dropped',
  dismissed: 'Refused by the LMS — dismissed',
};

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  return String(value);
}

function ConflictCard({ conflict, busy, onResolve }: { conflict: TicketConflict; busy: boolean; onResolve: SyncPanelViewProps['onResolve'] }) {
  const fields = Object.keys(conflict.mine) as Array<keyof TicketConflict['mine']>;
  const titleId = `conflict-${conflict.writeId}`;
  return (
    <li className="sync-conflict" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>Ticket {conflict.ticketId}</strong> — {conflict.subject}
      </p>
      <table className="sync-conflict-table">
        <caption className="visually-hidden">Your change and the LMS's version of ticket {conflict.ticketId}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your change</th>
            <th scope="col">Their version (v{conflict.theirs.version})</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{field}</th>
              <td>{fieldText(conflict.mine[field])}</td>
              <td>{fieldText(conflict.theirs[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sync-actions">
        <button type="button" disabled={busy} onClick={() => onResolve(conflict.writeId, 'mine')} aria-label={`Keep my change to ticket ${conflict.ticketId}`}>
          Keep mine
        </button>
        <button type="button" disabled={busy} onClick={() => onResolve(conflict.writeId, 'theirs')} aria-label={`Keep their version of ticket ${conflict.ticketId}`}>
          Keep theirs
        </button>
      </div>
    </li>
  );
}

function RefusedWrites({ writes, busy, onDismiss, onTryAgain }: { writes: PendingWrite[]; busy: boolean } & Pick<SyncPanelViewProps, 'onDismiss' | 'onTryAgain'>) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The row, and the button that had focus, go away: keep the keyboard user in this list.
  const act = (work: () => Promise<void> | void) => void Promise.resolve(work()).then(() => heading.current?.focus());
  return (
    <>
      <h3 id="sync-refused-title" ref={heading} tabIndex={-1}>
        Refused by the LMS ({writes.length})
      </h3>
      {writes.length === 0 ? (
        <p>The LMS has refused nothing that is still waiting for you.</p>
      ) : (
        <>
          <p className="hint">The LMS will not take these as they are. Read why, then dismiss each one; Passdesk keeps a record of it.</p>
          <ul className="sync-list" aria-labelledby="sync-refused-title">
            {writes.map((w) => (
              <li key={w.id} className="sync-write sync-write-failed">
                <span className="sync-write-summary">{w.summary}</span>
                {w.attempts > 1 && <span> · {w.attempts} tries</span>}
                <p className="sync-error">{w.lastError ?? 'The LMS gave no reason.'}</p>
                {!w.canTryAgain && w.noTryAgainReason && <p className="hint">{w.noTryAgainReason}</p>}
                <div className="sync-actions">
                  {w.canTryAgain && (
                    <button type="button" disabled={busy} onClick={() => act(() => onTryAgain(w.id))} aria-label={`Try failed write again: ${w.summary}`}>
                      Try again
                    </button>
                  )}
                  <button type="button" disabled={busy} onClick={() => act(() => onDismiss(w.id))} aria-label={`Dismiss failed write: ${w.summary}`}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function SyncPanelView(props: SyncPanelViewProps) {
  const { status, quarantine, conflicts, busy, error } = props;
  const pending = props.pending.filter((w) => w.state !== 'failed');
  const refused = props.pending.filter((w) => w.state === 'failed');
  const now = props.now ?? new Date();
  return (
    <section className="panel sync-panel" aria-labelledby="sync-panel-title">
      <h2 id="sync-panel-title">Sync</h2>
      <SyncProgress status={status} now={now} />
      {status && (
        <dl className="sync-facts">
          <dt>State</dt>
          <dd>{phaseLabels[status.phase]}</dd>
          <dt>LMS</dt>
          <dd>{status.lmsUrl ?? 'none'}</dd>
          <dt>Last successful sync</dt>
          <dd>{lastPullLabel(status.lastPullAt, now)}</dd>
          {status.error && (
            <>
              <dt>Problem</dt>
              <dd className="sync-error">{status.error}</dd>
            </>
          )}
        </dl>
      )}
      <button type="button" onClick={props.onSyncNow} disabled={busy} aria-label="Sync now">
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
      {error && (
        <p className="sync-error" role="alert">
          {error}
        </p>
      )}

      <h3 id="sync-conflicts-title">Conflicts ({conflicts.length})</h3>
      {conflicts.length === 0 ? (
        <p>No ticket edits collided with someone else's.</p>
      ) : (
        <ul className="sync-list" aria-labelledby="sync-conflicts-title">
          {conflicts.map((c) => (
            <ConflictCard key={c.writeId} conflict={c} busy={busy} onResolve={props.onResolve} />
          ))}
        </ul>
      )}

      {/* What needs a person comes first: conflicts, then refused writes. */}
      <RefusedWrites writes={refused} busy={busy} onDismiss={props.onDismiss} onTryAgain={props.onTryAgain} />

      <h3 id="sync-pending-title">Pending writes ({pending.length})</h3>
      {pending.length === 0 ? (
        <p>{refused.length === 0 ? 'Everything you did has reached the LMS.' : 'Nothing else is waiting for the LMS.'}</p>
      ) : (
        <ul className="sync-list" aria-labelledby="sync-pending-title">
          {pending.map((w) => (
            <li key={w.id} className={`sync-write sync-write-${w.state}`}>
              <span className="sync-write-summary">{w.summary}</span> — <span className="sync-write-state">{stateLabels[w.state]}</span>
              {w.attempts > 1 && <span> · {w.attempts} tries</span>}
              {w.lastError && <span className="sync-error"> · {w.lastError}</span>}
            </li>
          ))}
        </ul>
      )}


      <h3 id="sync-quarantine-title">Quarantined records ({formatCount(quarantine.total)})</h3>
      {quarantine.total === 0 ? (
        <p>Every record the LMS sent could be used.</p>
      ) : (
        <ul className="sync-list" aria-labelledby="sync-quarantine-title">
          {quarantine.records.map((r) => (
            <li key={`${r.entity}/${r.recordId}`} className="sync-quarantined">
              <span className="sync-quarantined-what">
                {quarantinedLabel(r.entity)} {r.recordId}
              </span>
              : {r.reason}
            </li>
          ))}
          {quarantine.total > quarantine.records.length && <li>… and {formatCount(quarantine.total - quarantine.records.length)} more</li>}
        </ul>
      )}
    </section>
  );
}

/** The Settings panel, connected to main: add it to settingsPanels. */
export function SyncPanel() {
  const state = useSync();
  useEffect(() => followSync(useSync, passdesk, { withLists: true }), []);
  return (
    <SyncPanelView
      status={state.status}
      pending={state.pending}
      quarantine={state.quarantine}
      conflicts={state.conflicts}
      busy={state.busy}
      error={state.error}
      onSyncNow={() => void state.syncNow()}
      onResolve={(writeId, choice) => void state.resolveConflict(writeId, choice)}
      onDismiss={(writeId) => state.dismissWrite(writeId)}
      onTryAgain={(writeId) => state.tryWriteAgain(writeId)}
    />
  );
}
