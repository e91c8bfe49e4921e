// Builds one attempt — the score data that "came back into the system" — for a chosen
// outcome, with the summary fields and the raw cmi key/values telling the same story.
import type { Attempt, AttemptError, CompletionStatus, Standard, SuccessStatus } from '../../shared/lms/entities';
import { cmiFor, suspendDataLimit } from './course-runtime';
import type { SeededRandom } from './seeded-random';
import { isoAt } from './seed-scale';
import type { EnvironmentProfile } from './vocabulary';

/** What the inspector must tell apart. */
export type AttemptOutcome = 'passed_registered' | 'passed_not_registered' | 'failed' | 'in_progress' | 'cut_off' | 'no_data';
/** Why a passing attempt's completion never registered. */
export type MissingCompletionCause = 'completion_never_sent' | 'session_cut_off' | 'suspend_overflow' | 'commit_errors' | 'known_issue';

export interface AttemptPlan {
  id: string;
  learnerId: string;
  learnerName: string;
  learnerEmail: string;
  moduleId: string;
  standard: Standard;
  passingScore: number;
  /** The course's score scale (max points); null scoreMax is written when `omitMax`. */
  scoreMax: number;
  omitMax: boolean;
  outcome: AttemptOutcome;
  cause: MissingCompletionCause | null;
  startedAtMs: number;
  environment: EnvironmentProfile;
  resumed: boolean;
  priorSeconds: number;
}

export interface BuiltAttempt {
  attempt: Attempt;
  /** Percent score, for ticket text ("I got 90%"); null when no score came back. */
  percent: number | null;
  /** When data last came back, or when it was launched if nothing did. */
  endedAtMs: number;
  sessionSeconds: number;
}

const SUSPEND_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ~^_';

/** A long string of course-player state to slice suspend data from, made once per seed. */
export function makeSuspendPool(random: SeededRandom): string {
  const header = '2q5e60708090a0b0c0d0e0f0g0h0i0j0k0l0m0n0o0p0q0r0s0t0u0v0w0x0y0z010111213141ga1001a0a11121v_player.6Zq5v2d8Tz9.5gT7m2By~2$';
  let body = '';
  for (let i = 0; i < 70_000; i += 1) body += SUSPEND_ALPHABET.charAt(random.nextUint32() % SUSPEND_ALPHABET.length);
  return header + body;
}

function registrationId(random: SeededRandom): string {
  const hex = Array.from({ length: 4 }, () => random.nextUint32().toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function errorsFor(plan: AttemptPlan, atMs: number, overflowLength: number): AttemptError[] {
  const at = isoAt(atMs);
  const later = isoAt(atMs + 2_000);
  const scorm12 = plan.standard === 'scorm12';
  switch (plan.cause) {
    case 'suspend_overflow':
      return [
        { at, code: '405', message: `LMSSetValue("cmi.suspend_data") refused: ${overflowLength.toLocaleString('en-US')} characters is over the SCORM 1.2 limit of 4,096 (405 Incorrect Data Type).` },
        { at: later, code: '101', message: 'LMSCommit returned "false": General Exception (101). The last state was not saved.' },
      ];
    case 'commit_errors':
      return scorm12
        ? [
            { at, code: 'LMSCommit', message: 'LMSCommit returned "false": General Exception (101).' },
            { at: later, code: 'LMSFinish', message: 'LMSFinish returned "false": General Exception (101); the course window closed without saving its status.' },
          ]
        : [
            { at, code: '391', message: 'Commit failed: General Commit Failure (391).' },
            { at: later, code: 'Terminate', message: 'Terminate("") returned "false": General Termination Failure (111).' },
          ];
    case 'known_issue':
      return plan.environment.browser.toLowerCase().startsWith('safari')
        ? [{ at, code: '301', message: `${scorm12 ? 'LMSFinish' : 'Terminate'} failed: Not initialized (301) — the session was lost when Safari blocked the course player's storage.` }]
        : [];
    default:
      return [];
  }
}

export function buildAttempt(random: SeededRandom, plan: AttemptPlan, suspendPool: string): BuiltAttempt {
  const { outcome, standard } = plan;
  const scorm12 = standard === 'scorm12';
  const noData = outcome === 'no_data';
  const scored = outcome === 'passed_registered' || outcome === 'passed_not_registered' || outcome === 'failed';

  const minPassRaw = Math.ceil((plan.passingScore * plan.scoreMax) / 100);
  let raw: number | null = null;
  if (outcome === 'failed') raw = random.int(Math.floor(plan.scoreMax * 0.3), Math.max(0, minPassRaw - 1));
  else if (scored) raw = random.chance(0.15) ? minPassRaw : random.int(minPassRaw, plan.scoreMax);
  const percent = raw === null ? null : Math.round((raw / plan.scoreMax) * 1000) / 10;

  let completion: CompletionStatus | null;
  let success: SuccessStatus | null;
  switch (outcome) {
    case 'passed_registered':
      [completion, success] = ['completed', 'passed'];
      break;
    case 'failed':
      [completion, success] = ['completed', 'failed'];
      break;
    case 'passed_not_registered':
      // SCORM 1.2 has one lesson_status: a passing score with status still "incomplete".
      [completion, success] = ['incomplete', scorm12 ? 'unknown' : 'passed'];
      break;
    case 'in_progress':
    case 'cut_off':
      [completion, success] = ['incomplete', 'unknown'];
      break;
    case 'no_data':
      [completion, success] = [null, null];
      break;
  }

  const cutOff = outcome === 'cut_off' || plan.cause === 'session_cut_off';
  const sessionSeconds = noData ? 0 : outcome === 'in_progress' || cutOff ? random.int(120, 1500) : random.int(540, 3600);
  const endedAtMs = plan.startedAtMs + sessionSeconds * 1000;
  const sessionTime = noData || cutOff || plan.cause === 'commit_errors' ? null : sessionSeconds;

  let suspendLength = noData ? 0 : random.int(16, 240);
  let overflowLength = 0;
  if (plan.cause === 'suspend_overflow') {
    overflowLength = random.int(4_130, 4_900);
    // The runtime kept what fit; some players trim a little below the limit.
    suspendLength = random.chance(0.6) ? suspendDataLimit.scorm12 : random.int(4_000, 4_095);
  } else if (outcome === 'passed_registered' && scorm12 && random.chance(0.01)) {
    suspendLength = random.int(3_900, 4_096);
  }
  const offset = random.int(0, suspendPool.length - suspendLength - 1);
  const suspendData = suspendPool.slice(offset, offset + suspendLength);

  const scoreMax = plan.omitMax ? null : plan.scoreMax;
  const scoreMin = plan.omitMax ? null : 0;
  const scoreScaled = raw === null || scorm12 ? null : Math.round((raw / plan.scoreMax) * 10_000) / 10_000;
  const interactionCount = scored ? random.int(2, 4) : 0;
  const interactions = Array.from({ length: interactionCount }, (_, n) => ({
    id: `Q${n + 1}`,
    correct: random.next() * 100 < (percent ?? 0),
    at: isoAt(plan.startedAtMs + ((n + 1) / (interactionCount + 1)) * sessionSeconds * 1000),
  }));
  const lastDataAt = noData ? null : isoAt(endedAtMs);
  const exit = outcome === 'in_progress' ? 'suspend' : cutOff || plan.cause === 'commit_errors' ? '' : random.pick(['', 'normal', 'logout'] as const);

  const cmi = noData
    ? {}
    : cmiFor({
        standard,
        learnerId: plan.learnerId,
        learnerName: plan.learnerName,
        learnerEmail: plan.learnerEmail,
        moduleId: plan.moduleId,
        completionStatus: completion,
        successStatus: success,
        scoreRaw: raw,
        scoreMin,
        scoreMax,
        scoreScaled,
        sessionTime,
        totalTime: sessionTime === null ? null : plan.priorSeconds + sessionTime,
        suspendData,
        location: outcome === 'passed_registered' || outcome === 'failed' ? '' : `slide_${random.int(3, 40)}`,
        exit: exit === 'normal' && scorm12 ? '' : exit,
        resumed: plan.resumed,
        lastDataAt,
        registration: registrationId(random),
        interactions,
      });

  return {
    attempt: {
      id: plan.id,
      learnerId: plan.learnerId,
      moduleId: plan.moduleId,
      startedAt: isoAt(plan.startedAtMs),
      lastDataAt,
      standard,
      completionStatus: completion,
      successStatus: success,
      scoreRaw: raw,
      scoreMin: raw === null ? null : scoreMin,
      scoreMax: raw === null ? null : scoreMax,
      scoreScaled,
      sessionTime,
      suspendDataLength: suspendLength,
      environment: { ...plan.environment },
      errors: noData ? [] : errorsFor(plan, endedAtMs - 4_000, overflowLength),
      cmi,
    },
    percent,
    endedAtMs,
    sessionSeconds,
  };
}
