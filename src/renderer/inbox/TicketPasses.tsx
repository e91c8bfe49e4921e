// The manual passes behind a linked ticket: every pass of its learner on its module, live
// (state, who asked for it and when, override or not), the agents' requests still waiting,
// and the ways on — an agent asks an admin ("Request a manual pass"), an admin goes to the
// Manual Pass panel with the learner and module already chosen; both can open the Inspector.
import { useState } from 'react';
import type { EnrolledUser, PassModule } from '../../shared/channels/passes';
import type { LinkedLearner, LinkedModule } from '../../shared/channels/tickets';
import { openInspector } from '../inspector/inspector-store';
import { passStateShort, stateTone } from '../passes/pass-text';
import { usePassPanel } from '../passes/pass-panel-store';
import { ProposeDialog } from '../passes/ProposeDialog';
import { passdesk } from '../passdesk-client';
import { useNavigation } from '../stores/navigation-store';
import { useStatus } from '../stores/status-store';
import { fullTime } from './time-text';
import type { LearnerPasses } from './use-learner-passes';
import { failureText } from '../stores/alerts-store';

interface Props {
  ticketId: string;
  learner: LinkedLearner;
  module: LinkedModule;
  passes: LearnerPasses;
}

// Enough to find one learner among those enrolled who share their name.
const NAMESAKES = 200;

export function TicketPasses({ ticketId, learner, module, passes }: Props) {
  const isAdmin = useStatus((s) => s.status?.user?.role === 'admin');
  const [proposing, setProposing] = useState<{ module: PassModule; user: EnrolledUser } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = passes.passes.filter((p) => p.moduleId === module.id);
  const waiting = passes.openRequests.filter((r) => r.learnerId === learner.id && r.moduleId === module.id);

  const requestPass = () => {
    if (busy) return;
    setBusy(true);
    setNote(null);
    passdesk
      .call('passes.users', { moduleId: module.id, keyword: learner.name, limit: NAMESAKES })
      .then((page) => {
        const user = page.users.find((u) => u.learnerId === learner.id);
        if (user) setProposing({ module: page.module, user });
        else setNote(`${learner.name} is not enrolled in ${module.name}, so there is nothing to pass.`);
      })
      .catch((error: unknown) => setNote(failureText(error)))
      .finally(() => setBusy(false));
  };

  const openManualPass = () => {
    void usePassPanel.getState().startFromTicket({ ticketId, moduleId: module.id, categoryId: module.categoryId, learnerId: learner.id, learnerName: learner.name });
    useNavigation.getState().go('passes');
  };

  return (
    <section className="ticket-passes" aria-label="Manual passes">
      <div className="ticket-passes-head">
        <h3>Manual passes on {module.name}</h3>
        <div className="button-row">
          <button type="button" onClick={() => openInspector({ learnerId: learner.id, moduleId: module.id, ticketId })}>
            Open in Inspector
          </button>
          {isAdmin ? (
            <button type="button" onClick={openManualPass}>
              Open in Manual Pass
            </button>
          ) : (
            // Not disabled while loading: a disabled button drops focus, and the dialog hands focus back to it.
            <button type="button" onClick={requestPass} aria-disabled={busy}>
              Request a manual pass
            </button>
          )}
        </div>
      </div>
      {passes.error && <p className="inline-error">{passes.error}</p>}
      {note && (
        <p className="hint" role="status">
          {note}
        </p>
      )}
      {mine.length === 0 && waiting.length === 0 ? (
        <p className="hint">No manual pass has been asked for on this module.</p>
      ) : (
        <ul className="ticket-pass-list">
          {waiting.map((r) => (
            <li key={r.id} className="ticket-pass">
              <span className="chip chip-warn">Waiting for an admin</span> requested by {r.proposedByName} · {fullTime(r.proposedAt)}
            </li>
          ))}
          {mine.map((p) => (
            <li key={p.id} className="ticket-pass" aria-label={`Manual pass ${passStateShort[p.state]}`}>
              <span className={`chip chip-${stateTone(p.state, p.alert)}`}>{passStateShort[p.state]}</span> by {p.requestedByName} ·{' '}
              {fullTime(p.requestedAt)}
              {p.override && <span className="chip chip-bad">override</span>}
              {p.ticketId !== null && p.ticketId !== ticketId && <span className="hint"> · from ticket {p.ticketId}</span>}
              {p.alert && <span className="inline-error"> {p.alert}</span>}
            </li>
          ))}
        </ul>
      )}
      {proposing && (
        <ProposeDialog
          module={proposing.module}
          user={proposing.user}
          ticketId={ticketId}
          onClose={() => setProposing(null)}
          onSent={(message) => {
            setProposing(null);
            setNote(message);
          }}
        />
      )}
    </section>
  );
}
