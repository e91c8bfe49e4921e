// The learner beside the ticket: who and where, their other tickets, their courses with the
// enrollments, recent attempts and any manual pass — trouble in other courses marked so it is seen at a glance.
import type { PassSummary } from '../../shared/channels/passes';
import type { LearnerPanel } from '../../shared/channels/tickets';
import { passStateShort, stateTone } from '../passes/pass-text';
import { ticketStatusLabels } from '../../shared/channels/tickets';
import { ageText } from './time-text';
import { UntrustedLine } from './UntrustedText';
import { latestPassByModule } from './use-learner-passes';

interface Props {
  panel: LearnerPanel | null;
  error: string | null;
  ticketId: string;
  now: Date;
  /** The learner's manual passes, newest first. */
  passes: readonly PassSummary[];
  onOpenTicket(id: string): void;
  onInspect(learnerId: string, moduleId: string): void;
}

const enrollmentText = { not_started: 'Not started', in_progress: 'In progress', completed: 'Completed' } as const;

export function LearnerPanelView({ panel, error, ticketId, now, passes, onOpenTicket, onInspect }: Props) {
  if (error) return <section className="side-section learner-panel"><p className="inline-error">{error}</p></section>;
  if (!panel) return null;
  const passByModule = latestPassByModule(passes);
  const others = panel.tickets.filter((t) => t.id !== ticketId);
  return (
    <section className="side-section learner-panel" aria-labelledby="learner-title">
      <h2 id="learner-title">Learner</h2>
      <div className="learner-who">
        <strong>{panel.learner.name}</strong>
        <span className="hint">{panel.learner.email}</span>
        {panel.workplace && <span className="hint">{panel.workplace.name}</span>}
      </div>
      {panel.warning && (
        <p className={`trouble-warning${panel.troubleElsewhere > 0 ? ' trouble-on' : ''}`} role="note">
          {panel.troubleElsewhere > 0 && <span aria-hidden="true">⚠ </span>}
          {panel.warning}
        </p>
      )}
      {others.length > 0 && (
        <>
          <h3>Other tickets ({others.length})</h3>
          <ul className="learner-tickets">
            {others.slice(0, 6).map((t) => (
              <li key={t.id}>
                <button type="button" className="link-button" onClick={() => onOpenTicket(t.id)}>
                  <UntrustedLine text={t.subject || '(no subject)'} />
                </button>
                <span className="hint">
                  {ticketStatusLabels[t.status]} · {ageText(t.createdAt, now)}
                  {t.courseName ? ` · ${t.courseName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Courses ({panel.courses.length})</h3>
      <ul className="learner-courses">
        {panel.courses.map((course) => (
          <li key={course.courseId} className={`learner-course${course.trouble.length > 0 ? ' course-trouble' : ''}${course.current ? ' course-current' : ''}`}>
            <div className="course-head">
              <span className="course-name">{course.courseName}</span>
              {course.current && <span className="badge">this ticket</span>}
              {course.trouble.length > 0 && <span className="badge badge-trouble">trouble</span>}
            </div>
            {course.trouble.length > 0 && (
              <ul className="course-trouble-list">
                {course.trouble.slice(0, 3).map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            )}
            <ul className="course-modules">
              {course.modules.map((m) => {
                const last = m.attempts[0];
                const pass = passByModule.get(m.moduleId);
                return (
                  <li key={m.moduleId} className="course-module">
                    <button type="button" className="link-button module-name" title="Open in the Inspector" onClick={() => onInspect(panel.learner.id, m.moduleId)}>
                      {m.moduleName}
                    </button>
                    <span className={`enrollment enrollment-${m.status}`}>
                      {enrollmentText[m.status]}
                      {m.completionSource === 'manual' ? ' (manual)' : ''}
                    </span>
                    {pass && (
                      <span className={`chip chip-${stateTone(pass.state, pass.alert)} learner-pass`} title={`Manual pass requested by ${pass.requestedByName}`}>
                        pass: {passStateShort[pass.state]}
                        {pass.override ? ' (override)' : ''}
                      </span>
                    )}
                    {last ? (
                      <span className="attempt-line">
                        {last.scorePercent !== null ? `${Math.round(last.scorePercent * 10) / 10}%` : last.lastDataAt ? 'no score' : 'no data'}
                        {last.passed === true ? ' passed' : last.passed === false ? ' not passing' : ''}
                        {last.errors > 0 ? ` · ${last.errors} error${last.errors === 1 ? '' : 's'}` : ''} · {ageText(last.startedAt, now)}
                        {m.attempts.length + m.olderAttempts > 1 ? ` · ${m.attempts.length + m.olderAttempts} attempts` : ''}
                      </span>
                    ) : (
                      <span className="attempt-line hint">no attempts</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
