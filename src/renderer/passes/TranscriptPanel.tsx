// The article's last step: "Double-check the status of the course in the learner's
// transcript." Read from the LMS when opened (not from the cache), with the pass's module
// picked out.
import { useEffect, useState } from 'react';
import type { TranscriptView } from '../../shared/channels/passes';
import { passdesk } from '../passdesk-client';
import { enrollmentLabels } from './pass-text';
import { failureText } from '../stores/alerts-store';

export function TranscriptPanel({ learnerId, moduleId, onClose }: { learnerId: string; moduleId: string | null; onClose(): void }) {
  const [view, setView] = useState<TranscriptView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    passdesk
      .call('passes.transcript', { learnerId })
      .then((v) => {
        if (!current) return;
        setView(v);
        setError(null);
      })
      .catch((e: unknown) => current && setError(failureText(e)));
    return () => {
      current = false;
    };
  }, [learnerId, round]);

  const entries = view ? [...view.transcript.entries].sort((a, b) => (a.moduleId === moduleId ? -1 : b.moduleId === moduleId ? 1 : 0)) : [];
  return (
    <section className="panel transcript" aria-label="Transcript">
      <header className="transcript-head">
        <h2>Transcript{view ? ` — ${view.transcript.learner.name}` : ''}</h2>
        <div className="button-row">
          <button type="button" onClick={() => setRound((r) => r + 1)}>
            Read again
          </button>
          <button type="button" className="button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {view && (
        <>
          <p className="hint">Read from the LMS at {view.readAt.slice(11, 19)} UTC.</p>
          <table className="transcript-table">
            <thead>
              <tr>
                <th scope="col">Module</th>
                <th scope="col">Course</th>
                <th scope="col">Status</th>
                <th scope="col">Completed</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.moduleId} className={e.moduleId === moduleId ? 'row-highlight' : undefined} aria-current={e.moduleId === moduleId ? 'true' : undefined}>
                  <td>{view.names[e.moduleId]?.module ?? e.moduleId}</td>
                  <td>{view.names[e.moduleId]?.course ?? e.courseId}</td>
                  <td>{enrollmentLabels[e.status]}</td>
                  <td>{e.completedAt ? e.completedAt.slice(0, 16).replace('T', ' ') : '—'}</td>
                  <td>{e.source === 'manual' ? 'Manual pass' : e.source === 'tracked' ? 'Tracked' : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
