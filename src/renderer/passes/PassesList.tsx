// Every pass this desk has made, filterable by state, admin, module and date, each opening
// its evidence snapshot and audit trail; overrides are flagged in every row.
import { useCallback, useEffect, useState } from 'react';
import { passStates, type PassDetail, type PassList, type PassListQuery, type PassState, type PassSummary } from '../../shared/channels/passes';
import { passdesk } from '../passdesk-client';
import { blueBucksText, evidenceLines, passHeadline, passStateLabels, passStateShort, stateTone } from './pass-text';
import { usePassPanel } from './pass-panel-store';
import { TranscriptPanel } from './TranscriptPanel';
import { failureText } from '../stores/alerts-store';

const PAGE = 50;

function DetailPanel({ passId, onClose, onTranscript }: { passId: string; onClose(): void; onTranscript(pass: PassSummary): void }) {
  const [detail, setDetail] = useState<PassDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = usePassPanel((s) => s.live.find((p) => p.id === passId));
  const cancelPass = usePassPanel((s) => s.cancelPass);
  const stamp = live?.updatedAt;
  useEffect(() => {
    let current = true;
    passdesk
      .call('passes.detail', { passId })
      .then((d) => current && setDetail(d))
      .catch((e: unknown) => current && setError(failureText(e)));
    return () => {
      current = false;
    };
  }, [passId, stamp]);
  if (error) return <p className="inline-error">{error}</p>;
  if (!detail) return <p className="loading">Loading the pass…</p>;
  const p = detail.pass;
  return (
    <section className="panel pass-detail" aria-label="Pass details">
      <header className="transcript-head">
        <h2>{passHeadline(p)}</h2>
        <div className="button-row">
          {p.cancellable && (
            <button type="button" onClick={() => void cancelPass(p.id)}>
              Cancel pass
            </button>
          )}
          <button type="button" onClick={() => onTranscript(p)}>
            Check transcript
          </button>
          <button type="button" className="button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <span className={`chip chip-${stateTone(p.state, p.alert)}`}>{passStateLabels[p.state]}</span> {p.stateReason}
        </dd>
        {p.alert && (
          <>
            <dt>Alert</dt>
            <dd className="inline-error">{p.alert}</dd>
          </>
        )}
        <dt>Course</dt>
        <dd>
          {p.courseName} · {blueBucksText(p.blueBucks)}
        </dd>
        <dt>Requested</dt>
        <dd>
          {p.requestedAt.slice(0, 19).replace('T', ' ')} UTC by {p.requestedByName}
          {p.override ? ' — OVERRIDE of the verdict' : ''}
        </dd>
        <dt>Verdict then</dt>
        <dd>{detail.verdictAtRequest.headline}</dd>
        <dt>Reason</dt>
        <dd>{p.reason}</dd>
        <dt>Evidence</dt>
        <dd>
          <ul className="plain-list">
            {evidenceLines(detail.evidence).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </dd>
        <dt>LMS pass</dt>
        <dd>{p.lmsPassId ?? '—'}</dd>
        <dt>Ticket</dt>
        <dd>{p.ticketId ?? '—'}</dd>
      </dl>
      <h3>Audit trail</h3>
      <table className="audit-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {detail.audit.map((a) => (
            <tr key={a.seq}>
              <td>{a.seq}</td>
              <td>{a.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{a.actorName}</td>
              <td>
                <code>{a.action}</code> {a.detail}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PassesList() {
  const [query, setQuery] = useState<PassListQuery>({ state: null, adminId: null, moduleId: null, from: null, to: null, offset: 0, limit: PAGE });
  const [list, setList] = useState<PassList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [transcript, setTranscript] = useState<PassSummary | null>(null);
  const liveStamp = usePassPanel((s) => s.live.map((p) => `${p.id}:${p.state}`).join(','));
  const load = useCallback(() => {
    passdesk
      .call('passes.list', query)
      .then((l) => {
        setList(l);
        setError(null);
      })
      .catch((e: unknown) => setError(failureText(e)));
  }, [query]);
  useEffect(() => load(), [load, liveStamp]);

  const set = (patch: Partial<PassListQuery>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const offset = query.offset ?? 0;
  return (
    <div className="passes-list">
      <form className="pass-filters" aria-label="Filter passes" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>State</span>
          <select value={query.state ?? ''} onChange={(e) => set({ state: (e.target.value || null) as PassState | null })}>
            <option value="">Any state</option>
            {passStates.map((s) => (
              <option key={s} value={s}>
                {passStateShort[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Admin</span>
          <select value={query.adminId ?? ''} onChange={(e) => set({ adminId: e.target.value || null })}>
            <option value="">Anyone</option>
            {(list?.admins ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Module</span>
          <select value={query.moduleId ?? ''} onChange={(e) => set({ moduleId: e.target.value || null })}>
            <option value="">Any module</option>
            {(list?.modules ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>From</span>
          <input type="date" value={query.from ?? ''} onChange={(e) => set({ from: e.target.value || null })} />
        </label>
        <label>
          <span>To</span>
          <input type="date" value={query.to ?? ''} onChange={(e) => set({ to: e.target.value || null })} />
        </label>
      </form>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="table-wrap">
        <table className="users-table">
          <caption className="visually-hidden">Manual passes</caption>
          <thead>
            <tr>
              <th scope="col">Requested (UTC)</th>
              <th scope="col">Learner</th>
              <th scope="col">Module</th>
              <th scope="col">By</th>
              <th scope="col">State</th>
              <th scope="col">$BlueBucks</th>
            </tr>
          </thead>
          <tbody>
            {(list?.passes ?? []).map((p) => (
              <tr key={p.id} className={open === p.id ? 'row-selected' : undefined}>
                <td>{p.requestedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => setOpen(p.id)}>
                    {p.learnerName}
                  </button>
                </td>
                <td>
                  {p.moduleName} <span className="hint">({p.courseName})</span>
                </td>
                <td>{p.requestedByName}</td>
                <td>
                  <span className={`chip chip-${stateTone(p.state, p.alert)}`}>{passStateShort[p.state]}</span>
                  {p.override && <span className="chip chip-bad">override</span>}
                </td>
                <td>{p.blueBucks}</td>
              </tr>
            ))}
            {list && list.passes.length === 0 && (
              <tr>
                <td colSpan={6} className="hint">
                  No pass matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {list && list.total > PAGE && (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setQuery((q) => ({ ...q, offset: Math.max(0, offset - PAGE) }))}>
            Previous
          </button>
          <span className="hint">
            {offset + 1}–{Math.min(offset + PAGE, list.total)} of {list.total}
          </span>
          <button type="button" disabled={offset + PAGE >= list.total} onClick={() => setQuery((q) => ({ ...q, offset: offset + PAGE }))}>
            Next
          </button>
        </div>
      )}
      {open && <DetailPanel passId={open} onClose={() => setOpen(null)} onTranscript={setTranscript} />}
      {transcript && <TranscriptPanel learnerId={transcript.learnerId} moduleId={transcript.moduleId} onClose={() => setTranscript(null)} />}
    </div>
  );
}
