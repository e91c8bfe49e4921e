// The admins' queue: passes agents asked for from a ticket, each with its evidence. An admin
// takes one into the Mark Complete panel (learner and module chosen, the proposal closed by
// the pass), or dismisses it with a reason.
import { useEffect, useState } from 'react';
import type { PassProposal } from '../../shared/channels/passes';
import { passdesk } from '../passdesk-client';
import { useStatus } from '../stores/status-store';
import { usePassPanel } from './pass-panel-store';
import { failureText } from '../stores/alerts-store';

function ProposalItem({ proposal, isAdmin, onTake, onDismissed }: { proposal: PassProposal; isAdmin: boolean; onTake(): void; onDismissed(): void }) {
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const evidence = proposal.evidence;
  return (
    <li className="proposal">
      <div>
        <strong>{proposal.learnerName}</strong> — {proposal.moduleName} <span className="hint">ticket {proposal.ticketId}</span>
      </div>
      <p>{proposal.note}</p>
      <p className="hint">
        Proposed by {proposal.proposedByName} on {proposal.proposedAt.slice(0, 16).replace('T', ' ')} UTC ·{' '}
        {evidence ? `evidence: ${evidence.kind.replace('_', ' ')} ${evidence.attemptId ?? evidence.attachmentId ?? evidence.knownIssueId ?? ''}` : 'no evidence named'}
      </p>
      {proposal.outcome && <p className="hint">{proposal.outcome}</p>}
      {isAdmin && proposal.state === 'open' && (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={onTake}>
            Review in Course modules
          </button>
          {dismissing ? (
            <form
              className="button-row"
              onSubmit={(e) => {
                e.preventDefault();
                passdesk
                  .call('passes.dismissProposal', { proposalId: proposal.id, reason })
                  .then(onDismissed)
                  .catch((err: unknown) => setError(failureText(err)));
              }}
            >
              <input type="text" aria-label="Why dismiss" placeholder="Why not?" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="submit" disabled={reason.trim().length === 0}>
                Dismiss
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => setDismissing(true)}>
              Dismiss…
            </button>
          )}
        </div>
      )}
      {error && <p className="inline-error">{error}</p>}
    </li>
  );
}

export function ProposalQueue({ onTake }: { onTake(): void }) {
  const [proposals, setProposals] = useState<PassProposal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = usePassPanel((s) => s.proposalsVersion);
  const [round, setRound] = useState(0);
  const isAdmin = useStatus((s) => s.status?.user?.role === 'admin');
  useEffect(() => {
    passdesk
      .call('passes.proposals', { state: 'open' })
      .then((p) => setProposals(p.proposals))
      .catch((e: unknown) => setError(failureText(e)));
  }, [version, round]);
  if (error) return <p className="inline-error">{error}</p>;
  if (!proposals) return <p className="loading">Loading the queue…</p>;
  if (proposals.length === 0) return <p className="hint">No agent is waiting for a manual pass decision.</p>;
  return (
    <ul className="proposal-list" aria-label="Requested manual passes">
      {proposals.map((p) => (
        <ProposalItem
          key={p.id}
          proposal={p}
          isAdmin={isAdmin}
          onDismissed={() => setRound((r) => r + 1)}
          onTake={() => {
            onTake();
            void usePassPanel.getState().startFromProposal({ proposalId: p.id, ticketId: p.ticketId, moduleId: p.moduleId, categoryId: p.categoryId, learnerId: p.learnerId, learnerName: p.learnerName });
          }}
        />
      ))}
    </ul>
  );
}
