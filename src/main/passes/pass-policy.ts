// The rules main re-checks when an admin confirms "Mark Complete", as a pure function of the
// facts gathered at that moment. Any refusal refuses the whole request — a workplace's
// passes go together or not at all — and nothing is written. Each refusal is a sentence the
// admin can act on.
import type { Role } from '../../shared/lms/entities';
import { OVERRIDE_REASON_MIN, type PassBrief } from '../../shared/channels/passes';
import type { Verdict } from '../../shared/verdict';

export interface LearnerCase {
  learnerId: string;
  learnerName: string;
  /** From the cache: null when the learner is not enrolled in the module. */
  enrollmentStatus: 'not_started' | 'in_progress' | 'completed' | null;
  verdict: Verdict;
  /** Why the evidence named for this learner does not hold; null when it does. */
  evidenceProblem: string | null;
  /** Why the ticket named for this learner does not fit; null when it does or none is named. */
  ticketProblem: string | null;
  /** A pass for this learner + module that is still live (queued, sending, confirmed, verified). */
  livePass: PassBrief | null;
}

export interface RequestTerms {
  role: Role | null;
  moduleName: string;
  blueBucks: number;
  reason: string;
  override: boolean;
  typedConfirmation: string;
  cases: readonly LearnerCase[];
}

export type PolicyDecision =
  | { allowed: true; overridden: ReadonlySet<string> }
  | { allowed: false; refusals: string[] };

const livePassWords: Record<PassBrief['state'], string> = {
  queued: 'is already queued',
  sending: 'is being sent',
  confirmed: 'was already recorded by the LMS',
  verified: 'was already recorded and verified',
  rejected: 'was rejected',
  superseded: 'was superseded',
  cancelled: 'was cancelled',
};

/** Spaces and case do not matter when typing a name to confirm; the letters do. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return norm(a) === norm(b);
}

/** What the admin must type to confirm a pass that releases $BlueBucks; null when nothing. */
export function confirmationWord(blueBucks: number, learnerNames: readonly string[]): string | null {
  if (blueBucks <= 0 || learnerNames.length === 0) return null;
  return learnerNames.length === 1 ? (learnerNames[0] ?? null) : String(learnerNames.length);
}

export function decidePassRequest(terms: RequestTerms): PolicyDecision {
  if (terms.role !== 'admin') {
    const who = terms.role === 'agent' ? 'You are signed in as an agent' : 'Passdesk does not know who is signed in yet (the LMS has not answered)';
    return {
      allowed: false,
      refusals: [
        `${who}; only an admin can mark a module complete. Use "Request a manual pass" on the ticket instead — it goes to an admin's queue with the evidence attached.`,
      ],
    };
  }
  const refusals: string[] = [];
  const overridden = new Set<string>();
  const seen = new Set<string>();
  const reason = terms.reason.trim();
  for (const c of terms.cases) {
    if (seen.has(c.learnerId)) {
      refusals.push(`${c.learnerName} is listed twice; each learner is passed once.`);
      continue;
    }
    seen.add(c.learnerId);
    if (c.enrollmentStatus === null) {
      refusals.push(`${c.learnerName} is not enrolled in ${terms.moduleName}; only an enrolled learner can be passed.`);
      continue;
    }
    if (c.enrollmentStatus === 'completed') {
      refusals.push(`${c.learnerName} already completed ${terms.moduleName}; no pass is needed.`);
      continue;
    }
    if (c.livePass) {
      refusals.push(`A pass for ${c.learnerName} on ${terms.moduleName} ${livePassWords[c.livePass.state]}; a second one cannot be made.`);
      continue;
    }
    if (c.ticketProblem) refusals.push(c.ticketProblem);
    if (c.evidenceProblem) refusals.push(c.evidenceProblem);
    if (!c.verdict.passAllowed) {
      const hard = c.verdict.kind === 'not_eligible_not_enrolled' || c.verdict.kind === 'not_eligible_already_complete';
      if (!terms.override || hard) {
        refusals.push(`The verdict for ${c.learnerName} does not allow a pass — ${c.verdict.headline}: ${c.verdict.reasons.join(' ')}`);
      } else {
        overridden.add(c.learnerId);
      }
    }
  }
  if (reason.length === 0) refusals.push('Write the reason for the pass; it is kept with the pass and in the audit log.');
  if (overridden.size > 0 && reason.length < OVERRIDE_REASON_MIN) {
    refusals.push(
      `Overriding the verdict needs a written reason of at least ${OVERRIDE_REASON_MIN} characters (this one has ${reason.length}); say what makes the pass right despite the verdict.`,
    );
  }
  const word = confirmationWord(
    terms.blueBucks,
    terms.cases.map((c) => c.learnerName),
  );
  if (word !== null && !sameWords(terms.typedConfirmation, word)) {
    const total = terms.blueBucks * terms.cases.length;
    refusals.push(
      terms.cases.length === 1
        ? `This pass releases ${total} $BlueBucks: type the learner's name, "${word}", to confirm.`
        : `These passes release ${total} $BlueBucks: type the number of learners, ${word}, to confirm.`,
    );
  }
  return refusals.length > 0 ? { allowed: false, refusals } : { allowed: true, overridden };
}
