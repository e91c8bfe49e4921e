// Reading one attempt for why its completion did not register: suspend data at the
// standard's limit, runtime errors, a session that stopped without saying goodbye, or a
// course that simply never sent completion.
import type { Attempt, Standard } from '../../shared/lms/entities';
import type { CompletionCause } from '../../shared/verdict';

/** Characters of cmi.suspend_data each standard allows; xAPI state has no limit of its own, so the 2004 one is used. */
export const suspendDataLimits: Record<Standard, number> = { scorm12: 4096, scorm2004: 64000, xapi: 64000 };

export const standardLabels: Record<Standard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', xapi: 'xAPI' };

/** Data newer than this may belong to a session that is still open and can still send its completion. */
export const STILL_OPEN_MS = 30 * 60_000;

export type AttemptFacts = Pick<Attempt, 'standard' | 'lastDataAt' | 'completionStatus' | 'sessionTime' | 'suspendDataLength' | 'errors'>;

export function suspendDataOverflowed(attempt: AttemptFacts): boolean {
  return attempt.suspendDataLength >= suspendDataLimits[attempt.standard] || attempt.errors.some((e) => /suspend_data/i.test(e.message));
}

/** Data came back recently enough that the course may still be open. */
export function mayStillBeOpen(attempt: Pick<Attempt, 'lastDataAt'>, nowMs: number): boolean {
  return attempt.lastDataAt !== null && nowMs - Date.parse(attempt.lastDataAt) < STILL_OPEN_MS;
}

/** The session stopped without reporting its session time: the window closed, the network dropped. */
export function sessionCutOff(attempt: AttemptFacts, nowMs: number): boolean {
  return attempt.lastDataAt !== null && attempt.sessionTime === null && attempt.completionStatus !== 'completed' && !mayStillBeOpen(attempt, nowMs);
}

export interface CauseReading {
  cause: Exclude<CompletionCause, 'known_issue'>;
  /** One sentence on what in the data points there. */
  detail: string;
}

/** 4096 → "4,096", without locale data. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function errorList(attempt: AttemptFacts): string {
  const shown = attempt.errors.slice(0, 2).map((e) => `${e.code}: ${e.message}`);
  const more = attempt.errors.length > 2 ? ` (and ${attempt.errors.length - 2} more)` : '';
  return `${shown.join(' / ')}${more}`;
}

/**
 * The most likely cause for a passing attempt whose completion did not register, most
 * specific first: an overflow explains the errors that follow it, errors explain a session
 * that ended without saving, and only a clean attempt leaves "never sent".
 */
export function likelyCompletionCause(attempt: AttemptFacts, nowMs: number): CauseReading {
  const limit = suspendDataLimits[attempt.standard];
  if (suspendDataOverflowed(attempt)) {
    return {
      cause: 'suspend_data_overflow',
      detail: `Suspend data reached ${thousands(attempt.suspendDataLength)} characters against the ${standardLabels[attempt.standard]} limit of ${thousands(limit)}${attempt.errors.length ? `, and the runtime reported ${errorList(attempt)}` : ''}; the state after that was not saved.`,
    };
  }
  if (attempt.errors.length > 0) {
    return { cause: 'runtime_errors', detail: `The course runtime reported errors at the end of the session — ${errorList(attempt)}.` };
  }
  if (attempt.completionStatus === 'completed') {
    return { cause: 'completion_not_recorded', detail: 'The course sent "completed", but the LMS did not record the completion on the enrollment.' };
  }
  if (sessionCutOff(attempt, nowMs)) {
    return { cause: 'session_cut_off', detail: 'The session never reported its session time: it was cut off (window closed or connection lost) right after the score was sent.' };
  }
  return { cause: 'completion_never_sent', detail: 'The score came back and the session ended normally, but the course never sent completion.' };
}
