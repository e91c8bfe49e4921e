// Choosing what to inspect without a ticket: find the learner by name or address, then one
// of the modules they are in, tried or wrote about — or any module by name, for a learner
// who says they are enrolled and the LMS says they are not.
import { useEffect, useId, useState } from 'react';
import type { LearnerHit, LearnerModule, ModuleHit } from '../../shared/contract';
import { passdesk } from '../passdesk-client';
import { describeFailure } from '../stores/alerts-store';
import { useInspector } from './inspector-store';
import { count, shortDate } from './plain-figures';

type Load<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

const standingLabels: Record<LearnerModule['standing'], string> = {
  not_started: 'enrolled, not started',
  in_progress: 'in progress',
  completed: 'completed',
  not_enrolled: 'not enrolled',
};

/** Asks main `ask(text)` a moment after typing stops; an empty box asks nothing. */
function useSearch<T>(text: string, ask: (text: string) => Promise<T>): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'idle' });
  useEffect(() => {
    const trimmed = text.trim();
    let current = true;
    const timer = setTimeout(
      () => {
        if (trimmed === '') {
          setLoad({ state: 'idle' });
          return;
        }
        setLoad({ state: 'loading' });
        ask(trimmed)
          .then((value) => current && setLoad({ state: 'ready', value }))
          .catch((error: unknown) => current && setLoad({ state: 'failed', message: describeFailure(error).message }));
      },
      trimmed === '' ? 0 : 180,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, ask]);
  return load;
}

const findLearners = (search: string) => passdesk.call('inspector.searchLearners', { search, limit: 12 }).then((r) => r.learners);
const findModules = (search: string) => passdesk.call('inspector.searchModules', { search, limit: 12 }).then((r) => r.modules);

export function InspectorPicker({ initialLearnerId }: { initialLearnerId: string | null }) {
  const show = useInspector((s) => s.show);
  const [learnerText, setLearnerText] = useState('');
  const [moduleText, setModuleText] = useState('');
  const [learnerId, setLearnerId] = useState<string | null>(initialLearnerId);
  const [modules, setModules] = useState<Load<{ learner: LearnerHit; modules: LearnerModule[] }>>({ state: 'idle' });
  const learners = useSearch(learnerText, findLearners);
  const anyModules = useSearch(moduleText, findModules);
  const learnerInput = useId();
  const moduleInput = useId();

  useEffect(() => {
    if (learnerId === null) return;
    let current = true;
    passdesk
      .call('inspector.learnerModules', { learnerId })
      .then((value) => current && setModules({ state: 'ready', value }))
      .catch((error: unknown) => current && setModules({ state: 'failed', message: describeFailure(error).message }));
    return () => {
      current = false;
    };
  }, [learnerId]);

  const chosen = modules.state === 'ready' && modules.value.learner.id === learnerId ? modules.value : null;
  const open = (moduleId: string) => {
    if (learnerId) void show({ learnerId, moduleId, ticketId: null });
  };

  return (
    <div className="inspector-picker">
      <section className="panel" aria-labelledby="pick-learner">
        <h2 id="pick-learner">1. The learner</h2>
        <div className="field">
          <label htmlFor={learnerInput}>Name, e-mail address or learner id</label>
          <input id={learnerInput} type="search" value={learnerText} onChange={(e) => setLearnerText(e.target.value)} placeholder="e.g. Maria Lopez" />
        </div>
        {learners.state === 'loading' && <p className="loading">Searching…</p>}
        {learners.state === 'failed' && <p className="inline-error" role="alert">{learners.message}</p>}
        {learners.state === 'ready' &&
          (learners.value.length === 0 ? (
            <p className="hint">No learner matches “{learnerText.trim()}”.</p>
          ) : (
            <ul className="pick-list" aria-label="Learners found">
              {learners.value.map((l) => (
                <li key={l.id}>
                  <button type="button" className="pick-item" aria-pressed={l.id === learnerId} onClick={() => setLearnerId(l.id)}>
                    <strong>{l.name}</strong> <span className="hint">{l.email}</span>
                    <span className="pick-meta">{l.workplaceName ?? 'no workplace'} · {l.id}</span>
                  </button>
                </li>
              ))}
            </ul>
          ))}
      </section>

      <section className="panel" aria-labelledby="pick-module">
        <h2 id="pick-module">2. The module</h2>
        {learnerId === null && <p className="hint">Choose the learner first; their modules show here.</p>}
        {learnerId !== null && chosen === null && modules.state !== 'failed' && <p className="loading">Reading the learner’s modules…</p>}
        {modules.state === 'failed' && <p className="inline-error" role="alert">{modules.message}</p>}
        {chosen && (
          <>
            <p className="hint">
              {chosen.learner.name}: {count(chosen.modules.length, 'module')} enrolled in, tried or written about.
            </p>
            {chosen.modules.length > 0 && (
              <ul className="pick-list pick-list-tall" aria-label={`${chosen.learner.name}'s modules`}>
                {chosen.modules.map((m) => (
                  <li key={m.moduleId}>
                    <button type="button" className="pick-item" onClick={() => open(m.moduleId)}>
                      <strong>{m.moduleName}</strong> <span className="hint">{m.courseName}</span>
                      <span className="pick-meta">
                        {m.categoryName} · {standingLabels[m.standing]} · {count(m.attempts, 'attempt')}
                        {m.lastActivityAt ? ` · last ${shortDate(m.lastActivityAt)}` : ''}
                        {m.tickets > 0 ? ` · ${count(m.tickets, 'ticket')}` : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="field">
              <label htmlFor={moduleInput}>Or any module, by its name or its course’s</label>
              <input id={moduleInput} type="search" value={moduleText} onChange={(e) => setModuleText(e.target.value)} placeholder="e.g. Module 2 Fire Safety" />
            </div>
            {anyModules.state === 'loading' && <p className="loading">Searching…</p>}
            {anyModules.state === 'failed' && <p className="inline-error" role="alert">{anyModules.message}</p>}
            {anyModules.state === 'ready' &&
              (anyModules.value.length === 0 ? (
                <p className="hint">No module matches “{moduleText.trim()}”.</p>
              ) : (
                <ul className="pick-list" aria-label="Modules found">
                  {anyModules.value.map((m: ModuleHit) => (
                    <li key={m.moduleId}>
                      <button type="button" className="pick-item" onClick={() => open(m.moduleId)}>
                        <strong>{m.moduleName}</strong> <span className="hint">{m.courseName}</span>
                        <span className="pick-meta">{m.categoryName}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ))}
          </>
        )}
      </section>
    </div>
  );
}
