// The score-data inspector: step 3 of the help article, "check the data coming back into the
// system", and the verdict main draws from it. Opened from a ticket, from the learner panel,
// from the Known Issues screen, or by searching a learner and a module here.
import { useEffect } from 'react';
import type { Inspection } from '../../shared/contract';
import { passdesk } from '../passdesk-client';
import { AttemptsTable } from './AttemptsTable';
import { DataTimeline } from './DataTimeline';
import { InspectorPicker } from './InspectorPicker';
import { ScoreChart } from './ScoreChart';
import { VerdictPanel } from './VerdictPanel';
import { followChanges, useInspector } from './inspector-store';
import { count, percentText, shortDate, thousands, utcTime } from './plain-figures';
import './inspector.css';

function enrollmentText(i: Inspection): string {
  const e = i.enrollment;
  if (!e) return 'Not enrolled in this module';
  if (e.status === 'completed') return `Completed${e.completedAt ? ` ${shortDate(e.completedAt)}` : ''}${e.completionSource === 'manual' ? ' (manual pass)' : e.completionSource === 'tracked' ? ' (tracked)' : ''}`;
  return e.status === 'in_progress' ? 'Enrolled, in progress' : 'Enrolled, not started';
}

function NoDataNotice({ inspection }: { inspection: Inspection }) {
  const launched = inspection.attempts.length;
  return (
    <section className="no-data" aria-labelledby="no-data-heading">
      <h2 id="no-data-heading">No data came back</h2>
      <p>
        {launched === 0
          ? `${inspection.learner.name} has never launched ${inspection.module.name}: the system holds no attempt, no score and no status for it.`
          : `${inspection.learner.name} launched ${inspection.module.name} ${launched === 1 ? 'once' : `${launched} times`}, but the course never sent a score, a status or a session time back.`}
      </p>
      <p className="hint">The help article, step 4: if there is no data, ask the learner for a screenshot of their passing score or completion.</p>
    </section>
  );
}

function InspectionView({ inspection }: { inspection: Inspection }) {
  const chronological = [...inspection.attempts].reverse();
  const { learner, module, course, category, ticket } = inspection;
  return (
    <div className="inspection">
      <div className="inspection-subject">
        <h2 className="subject-title">
          {learner.name} <span className="subject-sep">·</span> {module.name}
        </h2>
        <p className="subject-facts">
          {course.name} · {category.name} · passing score <strong>{percentText(module.passingScore)}</strong>
          {course.blueBucks > 0 ? ` · ${thousands(course.blueBucks)} $BlueBucks` : ' · no $BlueBucks'} · {enrollmentText(inspection)}
        </p>
        <p className="subject-facts hint">
          {learner.email}
          {learner.workplaceName ? ` · ${learner.workplaceName}` : ''}
          {ticket ? ` · for ticket ${ticket.id} (${ticket.status}): “${ticket.subject}”` : ' · opened without a ticket'}
          {inspection.otherTickets.length > 0 ? ` · other tickets on this module: ${inspection.otherTickets.map((t) => `${t.id} (${t.status})`).join(', ')}` : ''}
        </p>
      </div>

      <div className="inspection-grid">
        <div className="inspection-data">
          {inspection.dataState !== 'data' && <NoDataNotice inspection={inspection} />}
          {inspection.attempts.length > 0 && (
            <>
              <section className="panel" aria-labelledby="when-heading">
                <h2 id="when-heading">When data came back</h2>
                <DataTimeline attempts={inspection.attempts} events={inspection.timeline} computedAt={inspection.computedAt} />
              </section>
              <section className="panel" aria-labelledby="scores-heading">
                <h2 id="scores-heading">Scores over attempts</h2>
                <ScoreChart attempts={chronological} passingScore={module.passingScore} />
              </section>
            </>
          )}
        </div>
        <VerdictPanel verdict={inspection.verdict} checklistKnown={inspection.checklistKnown} forTicket={ticket?.id ?? null} />
      </div>

      {inspection.attempts.length > 0 && (
        <section className="panel" aria-labelledby="attempts-heading">
          <h2 id="attempts-heading">
            {count(inspection.attempts.length, 'attempt')} <span className="hint">· checked {utcTime(inspection.computedAt)}</span>
          </h2>
          <AttemptsTable attempts={inspection.attempts} passingScore={module.passingScore} />
        </section>
      )}
    </div>
  );
}

export function InspectorScreen() {
  const subject = useInspector((s) => s.subject);
  const load = useInspector((s) => s.load);
  const reload = useInspector((s) => s.reload);
  const clear = useInspector((s) => s.clear);
  const lastLearnerId = useInspector((s) => s.lastLearnerId);
  const shown = load.state === 'ready' ? load.inspection : load.state === 'loading' ? load.previous : null;
  useEffect(() => followChanges(useInspector, passdesk), []);

  return (
    <section className="screen inspector-screen" aria-labelledby="screen-title" aria-busy={load.state === 'loading'}>
      <header className="screen-header">
        <h1 id="screen-title">Inspector</h1>
        {subject && (
          <div className="screen-actions">
            {load.state === 'loading' && shown && (
              <span className="loading" role="status">
                Reading again…
              </span>
            )}
            <button type="button" onClick={() => void reload()} disabled={load.state === 'loading'}>
              Refresh
            </button>
            <button type="button" onClick={clear}>
              Choose another learner or module
            </button>
          </div>
        )}
      </header>

      {!subject && (
        <>
          <p className="placeholder-step">Check the data coming back into the system: pick a learner and a module, or open the inspector from a ticket.</p>
          <InspectorPicker initialLearnerId={lastLearnerId} />
        </>
      )}
      {subject && load.state === 'loading' && !shown && (
        <p className="loading" role="status">
          Reading the data for this learner and module…
        </p>
      )}
      {subject && load.state === 'failed' && (
        <div className="panel error-panel" role="alert">
          <h2>The inspector could not open this learner and module</h2>
          <p>{load.message}</p>
          <div className="button-row">
            <button type="button" onClick={() => void reload()}>
              Try again
            </button>
            <button type="button" onClick={clear}>
              Choose another learner or module
            </button>
          </div>
        </div>
      )}
      {subject && shown && <InspectionView inspection={shown} />}
    </section>
  );
}
