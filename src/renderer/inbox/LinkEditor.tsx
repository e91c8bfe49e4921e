// The ticket's link to a learner and a module: shown when set, suggested when not (with the
// learner's own words as the reason), and editable by search when the suggestion is wrong.
import { useCallback, useEffect, useState } from 'react';
import type { LinkedLearner, LinkedModule, TicketDetail, TicketEdit } from '../../shared/channels/tickets';
import { passdesk } from '../passdesk-client';
import { UntrustedLine } from './UntrustedText';

interface Props {
  detail: TicketDetail;
  busy: boolean;
  onEdit(changes: TicketEdit): void;
}

function useFound<T>(query: string, find: (q: string) => Promise<T[]>): T[] {
  const [found, setFound] = useState<T[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      if (query.trim() === '') return;
      find(query)
        .then((list) => {
          if (live) setFound(list);
        })
        .catch(() => {
          if (live) setFound([]);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, find]);
  return query.trim() === '' ? [] : found;
}

const findLearners = (query: string) => passdesk.call('tickets.findLearners', { query }).then((r) => r.learners);

export function LinkEditor({ detail, busy, onEdit }: Props) {
  const [editing, setEditing] = useState(false);
  const [learnerQuery, setLearnerQuery] = useState('');
  const [moduleQuery, setModuleQuery] = useState('');
  const learnerId = detail.ticket.learnerId;
  const findModules = useCallback((query: string) => passdesk.call('tickets.findModules', { query, learnerId }).then((r) => r.modules), [learnerId]);
  const learners = useFound<LinkedLearner>(learnerQuery, findLearners);
  const modules = useFound<LinkedModule>(moduleQuery, findModules);
  const { suggestion } = detail;
  const suggestLearner = !detail.learner && suggestion.learner;
  const suggestModule = !detail.module && suggestion.module;

  return (
    <section className="ticket-link" aria-label="Link to a learner and a module">
      <div className="link-facts">
        <span className="link-key">Learner</span>
        {detail.learner ? (
          <span>
            {detail.learner.name} <span className="hint">{detail.learner.email}</span>
          </span>
        ) : suggestLearner ? (
          <span className="suggested">
            Suggested: {suggestion.learner?.name} <span className="hint">— {suggestion.learnerReason}</span>
          </span>
        ) : (
          <span className="hint">Not linked</span>
        )}
        <span className="link-key">Module</span>
        {detail.module ? (
          <span>
            {detail.module.name} <span className="hint">· {detail.module.courseName} · {detail.module.categoryName}</span>
          </span>
        ) : suggestModule ? (
          <span className="suggested">
            Suggested: {suggestion.module?.name} <span className="hint">· {suggestion.module?.courseName}</span>
            {suggestion.moduleReason && (
              <span className="hint suggestion-reason">
                {' '}— <UntrustedLine text={suggestion.moduleReason} />
              </span>
            )}
          </span>
        ) : (
          <span className="hint">{suggestion.moduleReason ? <UntrustedLine text={`Not linked. ${suggestion.moduleReason}`} /> : 'Not linked'}</span>
        )}
      </div>
      <div className="button-row link-actions">
        {(suggestLearner || suggestModule) && (
          <button
            type="button"
            disabled={busy}
            onClick={() => onEdit({ ...(suggestLearner && suggestion.learner ? { learnerId: suggestion.learner.id } : {}), ...(suggestModule && suggestion.module ? { moduleId: suggestion.module.id } : {}) })}
          >
            Confirm suggestion
          </button>
        )}
        <button type="button" className="button-quiet" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? 'Done' : 'Change link…'}
        </button>
      </div>
      {editing && (
        <div className="link-search">
          <label>
            Learner
            <input type="search" value={learnerQuery} placeholder="Name or e-mail" onChange={(e) => setLearnerQuery(e.target.value)} />
          </label>
          <ul className="link-options" aria-label="Learners found">
            {learners.map((l) => (
              <li key={l.id}>
                <button type="button" className="link-button" disabled={busy} onClick={() => onEdit({ learnerId: l.id })}>
                  {l.name} <span className="hint">{l.email}{l.workplaceName ? ` · ${l.workplaceName}` : ''}</span>
                </button>
              </li>
            ))}
          </ul>
          <label>
            Module
            <input type="search" value={moduleQuery} placeholder="Course or module name" onChange={(e) => setModuleQuery(e.target.value)} />
          </label>
          <ul className="link-options" aria-label="Modules found">
            {(moduleQuery.trim() === '' ? suggestion.alternatives : modules).map((m) => (
              <li key={m.id}>
                <button type="button" className="link-button" disabled={busy} onClick={() => onEdit({ moduleId: m.id })}>
                  {m.name} <span className="hint">· {m.courseName}</span>
                </button>
              </li>
            ))}
          </ul>
          {(detail.learner || detail.module) && (
            <button type="button" className="button-quiet" disabled={busy} onClick={() => onEdit({ learnerId: null, moduleId: null })}>
              Remove the link
            </button>
          )}
        </div>
      )}
    </section>
  );
}
