// Step 4 of the article: "A paginated list of enrolled users will appear and a keyword search
// function will open in the top left of your screen; you can either navigate manually or
// search by user name and then click Get Users." Then step 5's "Mark Complete", for admins.
import { useState, type FormEvent } from 'react';
import type { EnrolledUser } from '../../shared/channels/passes';
import { useStatus } from '../stores/status-store';
import { blueBucksText, enrollmentText, passStateShort, stateTone, verdictTone } from './pass-text';
import { USERS_PER_PAGE, usePassPanel } from './pass-panel-store';
import { ProposeDialog } from './ProposeDialog';

function UserRow({ user, selected, onToggle }: { user: EnrolledUser; selected: boolean; onToggle(): void }) {
  const done = user.status === 'completed';
  const busy = user.pass !== null && ['queued', 'sending', 'confirmed'].includes(user.pass.state);
  return (
    <tr className={selected ? 'row-selected' : undefined}>
      <td>
        <input
          type="checkbox"
          checked={selected}
          disabled={done || busy}
          onChange={onToggle}
          aria-label={`Select ${user.name}`}
        />
      </td>
      <td>
        <span className="user-name">{user.name}</span>
        <span className="user-email">{user.email}</span>
      </td>
      <td>{user.workplaceName}</td>
      <td>{enrollmentText(user)}</td>
      <td>
        {user.verdict ? (
          <span className={`chip chip-${verdictTone(user.verdict.kind, user.verdict.passAllowed)}`} title={user.verdict.reason}>
            {user.verdict.headline}
          </span>
        ) : (
          <span className="hint">—</span>
        )}
      </td>
      <td>
        {user.tickets.length === 0 ? (
          <span className="hint">none</span>
        ) : (
          <ul className="ticket-links">
            {user.tickets.slice(0, 2).map((t) => (
              <li key={t.id} title={t.subject}>
                {t.id} <span className="hint">({t.status})</span>
              </li>
            ))}
            {user.tickets.length > 2 && <li className="hint">+{user.tickets.length - 2} more</li>}
          </ul>
        )}
      </td>
      <td>
        {user.pass ? (
          <span className={`chip chip-${stateTone(user.pass.state, user.pass.alert)}`}>
            {passStateShort[user.pass.state]}
            {user.pass.override ? ' · override' : ''}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function EnrolledUsers() {
  const module = usePassPanel((s) => s.module);
  const keyword = usePassPanel((s) => s.keyword);
  const users = usePassPanel((s) => s.users);
  const loading = usePassPanel((s) => s.loadingUsers);
  const selected = usePassPanel((s) => s.selected);
  const workplaces = usePassPanel((s) => s.workplaces);
  const workplaceId = usePassPanel((s) => s.workplaceId);
  const reviewing = usePassPanel((s) => s.reviewing);
  const proposalTicket = usePassPanel((s) => s.proposalTicket);
  const { setKeyword, getUsers, toggle, chooseWorkplace, selectWorkplace, clearSelection, openReview } = usePassPanel.getState();
  const role = useStatus((s) => s.status?.user?.role ?? null);
  const [proposing, setProposing] = useState<EnrolledUser | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  if (!module) {
    return (
      <section className="pass-step pass-users pass-users-empty" aria-label="Enrolled users">
        <p className="hint">Choose a Course Category, then the course module, to see its enrolled users.</p>
      </section>
    );
  }

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    void getUsers(0);
  };
  const offset = users?.offset ?? 0;
  const total = users?.total ?? 0;
  const chosen = new Set(selected.map((s) => s.learnerId));
  const workplace = workplaces.find((w) => w.id === workplaceId) ?? null;

  return (
    <section className="pass-step pass-users" aria-label="Enrolled users">
      <header className="pass-users-header">
        <div>
          <h2>{module.name}</h2>
          <p className="hint">
            {module.courseName} · {module.categoryName} · passing score {module.passingScore}% ·{' '}
            <span className={module.blueBucks > 0 ? 'bucks bucks-paid' : 'bucks'}>{blueBucksText(module.blueBucks)}</span> per learner
          </p>
        </div>
      </header>
      <form className="user-search" role="search" aria-label="Search enrolled users" onSubmit={onSearch}>
        <input
          type="search"
          aria-label="Keyword (name or e-mail)"
          placeholder="Search by user name or e-mail"
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
        />
        <button type="submit" className="button-primary">
          Get Users
        </button>
        <select aria-label="Workplace" value={workplaceId ?? ''} onChange={(e) => void chooseWorkplace(e.target.value || null)}>
          <option value="">All workplaces</option>
          {workplaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.notCompleted} of {w.enrolled} not completed)
            </option>
          ))}
        </select>
        {workplace && role === 'admin' && (
          <button type="button" onClick={() => void selectWorkplace(workplace.id)} disabled={workplace.notCompleted === 0}>
            Select all {workplace.notCompleted} from {workplace.name}
          </button>
        )}
      </form>
      <div className="table-wrap" aria-busy={loading}>
        <table className="users-table">
          <caption className="visually-hidden">Enrolled users of {module.name}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Selected</span>
              </th>
              <th scope="col">Learner</th>
              <th scope="col">Workplace</th>
              <th scope="col">Enrollment</th>
              <th scope="col">Verdict</th>
              <th scope="col">Tickets</th>
              <th scope="col">Pass</th>
            </tr>
          </thead>
          <tbody>
            {(users?.users ?? []).map((u) => (
              <UserRow key={u.learnerId} user={u} selected={chosen.has(u.learnerId)} onToggle={() => toggle({ learnerId: u.learnerId, name: u.name })} />
            ))}
            {users && users.users.length === 0 && (
              <tr>
                <td colSpan={7} className="hint">
                  No enrolled user matches {keyword ? `“${keyword}”` : 'this filter'}.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="pager" aria-label="User pages">
        <button type="button" disabled={offset === 0 || loading} onClick={() => void getUsers(Math.max(0, offset - USERS_PER_PAGE))}>
          Previous
        </button>
        <span className="hint">{total === 0 ? 'No users' : `${offset + 1}–${Math.min(offset + USERS_PER_PAGE, total)} of ${total.toLocaleString('en-US')} enrolled`}</span>
        <button type="button" disabled={offset + USERS_PER_PAGE >= total || loading} onClick={() => void getUsers(offset + USERS_PER_PAGE)}>
          Next
        </button>
      </div>
      <footer className="pass-actions">
        <span>
          {selected.length === 0 ? 'No learner selected' : `${selected.length} selected: ${selected.slice(0, 3).map((s) => s.name).join(', ')}${selected.length > 3 ? ` and ${selected.length - 3} more` : ''}`}
        </span>
        {selected.length > 0 && (
          <button type="button" className="button-quiet" onClick={clearSelection}>
            Clear
          </button>
        )}
        {role === 'admin' ? (
          <button type="button" className="button-danger" disabled={selected.length === 0 || reviewing} onClick={() => void openReview(proposalTicket ? [proposalTicket] : [])}>
            Mark Complete
          </button>
        ) : (
          <>
            <span className="hint">Only admins can mark complete.</span>
            <button
              type="button"
              className="button-primary"
              disabled={selected.length !== 1}
              onClick={() => setProposing((users?.users ?? []).find((u) => u.learnerId === selected[0]?.learnerId) ?? null)}
            >
              Request a manual pass
            </button>
          </>
        )}
      </footer>
      {sent && (
        <p className="success" role="status">
          {sent}
        </p>
      )}
      {proposing && (
        <ProposeDialog
          module={module}
          user={proposing}
          onClose={() => setProposing(null)}
          onSent={(message) => {
            setProposing(null);
            setSent(message);
            clearSelection();
          }}
        />
      )}
    </section>
  );
}
