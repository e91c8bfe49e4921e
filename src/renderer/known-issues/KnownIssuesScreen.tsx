// The LMS's known incompatibilities — "a certain manufacturer's courses aren't compatible
// with certain operating systems or browsers" — with the open tickets and attempts each one
// matches, and where completion failures cluster, to spot the next one early.
import { useEffect, useId } from 'react';
import { FailureHeatMap } from './FailureHeatMap';
import { KnownIssueCard } from './KnownIssueCard';
import { WINDOW_CHOICES, useKnownIssues } from './known-issues-store';
import './known-issues.css';

export function KnownIssuesScreen() {
  const load = useKnownIssues((s) => s.load);
  const sinceDays = useKnownIssues((s) => s.sinceDays);
  const read = useKnownIssues((s) => s.read);
  const windowId = useId();
  useEffect(() => {
    void read();
  }, [read]);
  const overview = load.state === 'ready' ? load.overview : load.state === 'loading' ? load.previous : null;
  const open = overview?.issues.filter((i) => i.until === null) ?? [];
  const fixed = overview?.issues.filter((i) => i.until !== null) ?? [];

  return (
    <section className="screen known-issues-screen" aria-labelledby="screen-title" aria-busy={load.state === 'loading'}>
      <header className="screen-header">
        <h1 id="screen-title">Known Issues</h1>
        <div className="screen-actions">
          {load.state === 'loading' && overview && (
            <span className="loading" role="status">
              Reading again…
            </span>
          )}
          <label htmlFor={windowId}>Failures in the last</label>
          <select id={windowId} value={sinceDays} onChange={(e) => void read(Number(e.target.value))} className="window-select">
            {WINDOW_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void read()} disabled={load.state === 'loading'}>
            Refresh
          </button>
        </div>
      </header>

      {load.state === 'loading' && !overview && (
        <p className="loading" role="status">
          Reading the known issues and the attempts they match…
        </p>
      )}
      {load.state === 'failed' && (
        <div className="panel error-panel" role="alert">
          <h2>The known issues could not be read</h2>
          <p>{load.message}</p>
          <div className="button-row">
            <button type="button" onClick={() => void read()}>
              Try again
            </button>
          </div>
        </div>
      )}
      {overview && (
        <>
          <section className="panel" aria-labelledby="clusters-heading">
            <h2 id="clusters-heading">Where completion failures cluster</h2>
            <FailureHeatMap map={overview.failureMap} />
          </section>
          {overview.issues.length === 0 ? (
            <p className="placeholder-step">The LMS lists no known issues.</p>
          ) : (
            <>
              <h2 className="issue-group">Open known issues ({open.length})</h2>
              {open.length === 0 && <p className="hint">None open.</p>}
              {open.map((issue) => (
                <KnownIssueCard key={issue.id} issue={issue} />
              ))}
              {fixed.length > 0 && (
                <>
                  <h2 className="issue-group">Fixed ({fixed.length})</h2>
                  {fixed.map((issue) => (
                    <KnownIssueCard key={issue.id} issue={issue} />
                  ))}
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
