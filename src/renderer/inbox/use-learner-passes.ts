// The manual passes of the learner on the open ticket, kept live: read once, then again
// whenever main announces that one of theirs moved (queued, sent, verified, cancelled …) or
// that an agent's request arrived or was handled.
import { useEffect, useState } from 'react';
import type { PassProposal, PassSummary } from '../../shared/channels/passes';
import { passdesk } from '../passdesk-client';
import { failureText } from '../stores/alerts-store';

export interface LearnerPasses {
  learnerId: string | null;
  /** Newest first, as main lists them. */
  passes: PassSummary[];
  /** Agents' requests on this ticket still waiting for an admin. */
  openRequests: PassProposal[];
  error: string | null;
}

// A learner with more passes than this is not a case the ticket view needs to show in full.
const PASSES_SHOWN = 100;

export function latestPassByModule(passes: readonly PassSummary[]): Map<string, PassSummary> {
  const latest = new Map<string, PassSummary>();
  for (const pass of passes) if (!latest.has(pass.moduleId)) latest.set(pass.moduleId, pass);
  return latest;
}

export function useLearnerPasses(learnerId: string | null, ticketId: string | null): LearnerPasses {
  const [state, setState] = useState<LearnerPasses>({ learnerId: null, passes: [], openRequests: [], error: null });
  useEffect(() => {
    if (learnerId === null) return undefined;
    let current = true;
    const load = () => {
      Promise.all([
        passdesk.call('passes.list', { learnerId, limit: PASSES_SHOWN }),
        ticketId === null ? Promise.resolve({ proposals: [] }) : passdesk.call('passes.proposals', { state: 'open', ticketId }),
      ])
        .then(([list, open]) => {
          if (current) setState({ learnerId, passes: list.passes, openRequests: open.proposals, error: null });
        })
        .catch((error: unknown) => {
          if (current) setState((s) => ({ ...s, error: failureText(error) }));
        });
    };
    load();
    const stop = passdesk.on('passes.changed', (event) => {
      if (event.proposalsChanged || event.passes.some((p) => p.learnerId === learnerId)) load();
    });
    return () => {
      current = false;
      stop();
    };
  }, [learnerId, ticketId]);
  // Another learner's answer must never show beside this one's ticket.
  return state.learnerId === learnerId ? state : { learnerId, passes: [], openRequests: [], error: null };
}
