// One known incompatibility: what it is, where and since when, the open tickets it explains
// and the attempts it matches — each one a way into the inspector.
import { useState } from 'react';
import type { KnownIssueView } from '../../shared/contract';
import { openInspector } from '../inspector/inspector-store';
import { shortDate } from '../inspector/plain-figures';

const ATTEMPTS_FIRST = 8;

export function KnownIssueCard({ issue }: { issue: KnownIssueView }) {
  const [allAttempts, setAllAttempts] = useState(false);
  const platform = [issue.os, issue.browser].filter((x) => x !== null).join(' · ') || 'any OS or browser';
  const fixed = issue.until !== null;
  const headingId = `known-issue-${issue.id}`;
  const attempts = allAttempts ? issue.attempts : issue.attempts.slice(0, ATTEMPTS_FIRST);
  return (
    <article className={fixed ? 'panel issue-card issue-fixed' : 'panel issue-card'} aria-labelledby={headingId}>
      <header className="issue-head">
        <h2 id={headingId}>
          {issue.categoryName}
          {issue.courseName ? ` — ${issue.courseName}` : ''} <span className="issue-platform">on {platform}</span>
        </h2>
        <span className={fixed ? 'issue-state' : 'issue-state issue-open'}>{fixed ? `fixed ${shortDate(issue.until ?? issue.since)}` : 'open'}</span>
      </header>
      <p>{issue.description}</p>
      <p className="hint">
        {issue.id} · since {shortDate(issue.since)}
        {issue.courseName ? ' · this course only' : ' · every course of the category'} · {issue.matchingAttempts} matching attempts, {issue.troubledAttempts} with completion trouble
      </p>

      <div className="issue-columns">
        <section aria-label={`Open tickets matching ${issue.id}`}>
          <h3>Open tickets ({issue.openTickets.length})</h3>
          {issue.openTickets.length === 0 ? (
            <p className="hint">No open ticket matches.</p>
          ) : (
            <ul className="issue-list">
              {issue.openTickets.map((t) => (
                <li key={t.id}>
                  <button type="button" className="link-button" onClick={() => openInspector({ learnerId: t.learnerId, moduleId: t.moduleId, ticketId: t.id })}>
                    {t.id} · {t.learnerName}
                  </button>{' '}
                  <span className="hint">
                    {t.status} · {t.moduleName} · matched on {t.matchedOn}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label={`Attempts matching ${issue.id}`}>
          <h3>Matching attempts ({issue.matchingAttempts})</h3>
          {issue.attempts.length === 0 ? (
            <p className="hint">No attempt ran on this platform while the issue was open.</p>
          ) : (
            <>
              <ul className="issue-list">
                {attempts.map((a) => (
                  <li key={a.id}>
                    <button type="button" className="link-button" onClick={() => openInspector({ learnerId: a.learnerId, moduleId: a.moduleId })}>
                      {a.learnerName} · {a.moduleName}
                    </button>{' '}
                    <span className={a.trouble ? 'issue-trouble' : 'hint'}>
                      {shortDate(a.startedAt)} · {a.os} · {a.browser}
                      {a.trouble ? ' · completion trouble' : ''}
                    </span>
                  </li>
                ))}
              </ul>
              {issue.attempts.length > ATTEMPTS_FIRST && (
                <button type="button" className="button-quiet" aria-expanded={allAttempts} onClick={() => setAllAttempts((v) => !v)}>
                  {allAttempts ? 'Show fewer' : `Show ${issue.attempts.length - ATTEMPTS_FIRST} more`}
                </button>
              )}
              {issue.matchingAttempts > issue.attempts.length && <p className="hint">The {issue.attempts.length} shown are those with trouble first, then the most recent.</p>}
            </>
          )}
        </section>
      </div>
    </article>
  );
}
