// Who is enrolled in what, and every attempt's score data. Records stream straight into
// the sink (a million of them never sit in memory); what the ticket writer needs later is
// kept as small "cases": a learner, a module, what happened, and how the ticket ends.
import type { ManualPass, TicketStatus } from '../../shared/lms/entities';
import { buildAttempt, makeSuspendPool, type AttemptOutcome, type MissingCompletionCause } from './attempt-builder';
import { matchingKnownIssue, type SeedCatalog, type SeedKnownIssue } from './catalog';
import { DEMO_ADMIN_ID, type SeedLearner, type SeedWorkplace } from './people';
import type { SeedSink } from './seed-sink';
import type { SeededRandom } from './seeded-random';
import { DAY_MS, SEED_NOW, isoAt, type SeedCounts } from './seed-scale';
import { environments, type EnvironmentProfile } from './vocabulary';

export type TicketKind = 'not_registered' | 'no_data' | 'known_issue' | 'failed' | 'already_complete' | 'stuck';
export type ScreenshotKind = 'passing' | 'failing' | 'completion' | 'phone_photo';

export interface TicketCase {
  kind: TicketKind;
  learnerIndex: number;
  moduleIndex: number;
  status: TicketStatus;
  createdAtMs: number;
  /** The attempt the learner is writing about (the latest), if any came back. */
  attemptId: string | null;
  percent: number | null;
  environment: EnvironmentProfile;
  cause: MissingCompletionCause | null;
  knownIssue: SeedKnownIssue | null;
  /** The learner sent a screenshot of this kind. */
  screenshot: ScreenshotKind | null;
  /** Set when the ticket ends in a manual pass; the enrollment is already completed/manual. */
  manualPass: { passedAtMs: number; passedBy: string; evidenceKind: 'score_data' | 'screenshot' | 'known_issue' } | null;
}

const ticketShares: Record<TicketKind, number> = {
  not_registered: 0.26,
  no_data: 0.16,
  known_issue: 0.14,
  failed: 0.12,
  already_complete: 0.08,
  stuck: 0.06,
};

/**
 * Takes items of each kind with a probability that spends its quota evenly over the stream:
 * the estimate of how many of that kind are still to come is learnt as the stream goes.
 */
class QuotaSampler<K extends string> {
  private readonly seen = new Map<K, number>();
  private readonly left: Map<K, number>;
  private processed = 0;

  constructor(quotas: Record<K, number>, private readonly total: number) {
    this.left = new Map(Object.entries(quotas) as [K, number][]);
  }

  /** Call once per stream item, with its kind (or null when it is of no kind). */
  offer(random: SeededRandom, kind: K | null, boost = 1): boolean {
    this.processed += 1;
    if (kind === null) return false;
    const seen = (this.seen.get(kind) ?? 0) + 1;
    this.seen.set(kind, seen);
    const left = this.left.get(kind) ?? 0;
    if (left <= 0) return false;
    const remaining = Math.max(1, this.total - this.processed + 1);
    const expected = Math.max(1, (seen / this.processed) * remaining);
    if (!random.chance(Math.min(1, (left / expected) * boost))) return false;
    this.left.set(kind, left - 1);
    return true;
  }
}

type Scenario = 'passed_registered' | 'in_progress' | 'failed' | 'passed_not_registered' | 'no_data' | 'manual_earlier';

const normalScenarios: readonly (readonly [Scenario, number])[] = [
  ['passed_registered', 54],
  ['in_progress', 14],
  ['failed', 10],
  ['passed_not_registered', 11],
  ['no_data', 9],
  ['manual_earlier', 0.6],
];
// A learner whose own computer breaks courses has trouble everywhere (the help article's warning).
const troubledScenarios: readonly (readonly [Scenario, number])[] = [
  ['passed_registered', 25],
  ['in_progress', 15],
  ['failed', 8],
  ['passed_not_registered', 30],
  ['no_data', 22],
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ticketWindow(status: TicketStatus): [number, number] {
  switch (status) {
    case 'new':
      return [0.02, 3];
    case 'open':
      return [1, 14];
    case 'waiting':
      return [2, 21];
    case 'resolved':
      return [4, 420];
  }
}

export interface LearningResult {
  ticketCases: TicketCase[];
  enrollmentCount: number;
  attemptCount: number;
  manualPassCount: number;
  /** (learnerIndex, moduleIndex) pairs that are enrolled, for picking a module a learner is NOT in. */
  isEnrolled: (learnerIndex: number, moduleIndex: number) => boolean;
}

export function generateEnrollmentsAndAttempts(
  random: SeededRandom,
  counts: SeedCounts,
  catalog: SeedCatalog,
  workplaces: SeedWorkplace[],
  learners: SeedLearner[],
  sink: SeedSink,
): LearningResult {
  const suspendPool = makeSuspendPool(random);
  const { courses, modules } = catalog;
  const quotas = Object.fromEntries(
    (Object.keys(ticketShares) as TicketKind[]).map((k) => [k, Math.round(counts.tickets * ticketShares[k])]),
  ) as Record<TicketKind, number>;
  const tickets = new QuotaSampler<TicketKind>(quotas, counts.enrollments);
  const screenshotSlots = new QuotaSampler<'slot'>({ slot: counts.screenshots + counts.reusedScreenshots }, Math.round(counts.tickets * 0.2));
  const enrolledPairs = new Set<number>();
  const ticketCases: TicketCase[] = [];

  let enrollmentsLeft = counts.enrollments;
  let notStartedLeft = Math.round(counts.enrollments * 0.15);
  let extraAttemptsLeft = counts.attempts - (counts.enrollments - notStartedLeft);
  if (extraAttemptsLeft < 0) throw new Error('The seed needs at least one attempt per started enrollment.');
  let enrollmentNo = 0;
  let attemptNo = 0;
  let manualPassNo = 0;

  const basePerLearner = Math.floor(counts.enrollments / learners.length);
  const remainder = counts.enrollments % learners.length;

  learners.forEach((learner, learnerIndex) => {
    const workplace = workplaces[learner.workplaceIndex] as SeedWorkplace;
    const want = basePerLearner + (learnerIndex < remainder ? 1 : 0);
    const moduleIndexes: number[] = [];
    const takenCourses = new Set<number>();
    for (let guard = 0; moduleIndexes.length < want && guard < 200; guard += 1) {
      const fromFavourite = random.chance(0.7) && workplace.favouriteCategories.length > 0;
      const courseIndex = fromFavourite
        ? random.pick(catalog.categories[random.pick(workplace.favouriteCategories)]?.courseIndexes ?? [0])
        : random.int(0, courses.length - 1);
      if (takenCourses.has(courseIndex)) continue;
      takenCourses.add(courseIndex);
      for (const m of courses[courseIndex]?.moduleIndexes ?? []) if (moduleIndexes.length < want) moduleIndexes.push(m);
    }

    for (const moduleIndex of moduleIndexes) {
      const seedModule = modules[moduleIndex];
      const course = seedModule ? courses[seedModule.courseIndex] : undefined;
      if (!seedModule || !course) continue;
      enrollmentNo += 1;
      enrolledPairs.add(learnerIndex * modules.length + moduleIndex);
      const enrollmentId = `enr_${pad(enrollmentNo, 7)}`;
      const startedLeft = enrollmentsLeft - notStartedLeft;
      const notStarted = random.chance(notStartedLeft / enrollmentsLeft);
      enrollmentsLeft -= 1;
      if (notStarted) {
        notStartedLeft -= 1;
        tickets.offer(random, null);
        sink.put('enrollment', { id: enrollmentId, learnerId: learner.record.id, moduleId: seedModule.record.id, status: 'not_started', completedAt: null, completionSource: null });
        continue;
      }
      const ratio = extraAttemptsLeft / Math.max(1, startedLeft);
      let extra = startedLeft <= 1 ? extraAttemptsLeft : Math.floor(ratio) + (random.chance(ratio - Math.floor(ratio)) ? 1 : 0);
      extra = Math.min(extra, extraAttemptsLeft, 6);
      extraAttemptsLeft -= extra;

      const environment = random.chance(0.85) ? learner.environment : random.weighted(environments);
      let scenario = random.weighted(learner.troubled ? troubledScenarios : normalScenarios);
      let cause: MissingCompletionCause | null = null;
      const knownIssue = matchingKnownIssue(catalog, seedModule.courseIndex, environment.os, environment.browser, SEED_NOW);
      const hitByIssue = knownIssue !== null && scenario !== 'manual_earlier' && random.chance(0.7);
      if (hitByIssue && knownIssue) {
        scenario = knownIssue.symptom === 'no_data' ? 'no_data' : 'passed_not_registered';
        cause = knownIssue.symptom === 'no_data' ? null : 'known_issue';
      } else if (scenario === 'passed_not_registered' || scenario === 'manual_earlier') {
        cause = random.weighted<MissingCompletionCause>(
          learner.troubled
            ? [['session_cut_off', 40], ['commit_errors', 45], ['completion_never_sent', 15]]
            : [['completion_never_sent', 35], ['session_cut_off', 25], ['commit_errors', 25], ['suspend_overflow', course.standard === 'scorm12' ? 15 : 0]],
        );
      }

      const kind: TicketKind | null = hitByIssue
        ? 'known_issue'
        : scenario === 'passed_not_registered'
          ? 'not_registered'
          : scenario === 'no_data'
            ? 'no_data'
            : scenario === 'failed'
              ? 'failed'
              : scenario === 'passed_registered'
                ? 'already_complete'
                : scenario === 'in_progress'
                  ? 'stuck'
                  : null;
      const selected = tickets.offer(random, kind, learner.troubled ? 4 : 1);

      // When the latest attempt happened: recent for a ticket still being worked, inside the
      // known issue's window when one caused it, anywhere in the last eighteen months otherwise.
      let status: TicketStatus = 'resolved';
      let createdAtMs = 0;
      let windowStart = SEED_NOW - 540 * DAY_MS;
      let windowEnd = SEED_NOW - 2 * 3_600_000;
      if (hitByIssue && knownIssue) {
        windowStart = Math.max(windowStart, Date.parse(knownIssue.record.since));
        if (knownIssue.record.until) windowEnd = Math.min(windowEnd, Date.parse(knownIssue.record.until));
      }
      if (selected && kind) {
        status = knownIssue?.record.until && hitByIssue ? 'resolved' : random.weighted<TicketStatus>([['new', 18], ['open', 27], ['waiting', 20], ['resolved', 35]]);
        const [fromDays, toDays] = ticketWindow(status);
        createdAtMs = Math.min(windowEnd + DAY_MS, Math.max(windowStart + DAY_MS, SEED_NOW - (fromDays + random.next() * (toDays - fromDays)) * DAY_MS));
        windowEnd = createdAtMs - random.int(1, 36) * 3_600_000;
        windowStart = Math.min(windowStart, windowEnd - DAY_MS);
      }
      const finalStartMs = windowStart + random.next() * (windowEnd - windowStart) - 3_600_000;

      // Earlier attempts, oldest first, spaced a few days apart before the latest.
      const total = 1 + extra;
      let priorSeconds = 0;
      let latest: ReturnType<typeof buildAttempt> | null = null;
      for (let n = 0; n < total; n += 1) {
        const isLatest = n === total - 1;
        const startedAtMs = finalStartMs - (total - 1 - n) * random.int(1, 12) * DAY_MS;
        let outcome: AttemptOutcome;
        if (isLatest) {
          // An earlier manual pass rested on a known issue (nothing came back) or on a passing score.
          outcome = scenario === 'manual_earlier' ? (knownIssue ? 'no_data' : 'passed_not_registered') : scenario;
        } else if (scenario === 'no_data') outcome = random.chance(0.7) ? 'no_data' : 'cut_off';
        else outcome = random.weighted<AttemptOutcome>([['failed', 45], ['cut_off', 30], ['in_progress', 25]]);
        attemptNo += 1;
        const built = buildAttempt(
          random,
          {
            id: `atm_${pad(attemptNo, 7)}`,
            learnerId: learner.record.id,
            learnerName: learner.record.name,
            learnerEmail: learner.record.email,
            moduleId: seedModule.record.id,
            standard: course.standard,
            passingScore: seedModule.record.passingScore,
            scoreMax: course.scoreMax,
            omitMax: course.scoreMax === 100 && course.standard === 'scorm2004' && random.chance(0.04),
            outcome,
            cause: isLatest && outcome === 'passed_not_registered' ? cause : null,
            startedAtMs,
            environment: isLatest ? environment : random.chance(0.8) ? environment : random.weighted(environments),
            resumed: n > 0,
            priorSeconds,
          },
          suspendPool,
        );
        priorSeconds += built.sessionSeconds;
        sink.put('attempt', built.attempt);
        latest = built;
      }
      if (!latest) continue;

      let completed: { at: number; source: 'tracked' | 'manual' } | null = scenario === 'passed_registered' ? { at: latest.endedAtMs, source: 'tracked' } : null;
      if (scenario === 'manual_earlier') {
        const passedAtMs = Math.min(SEED_NOW - DAY_MS, latest.endedAtMs + random.int(2, 9) * DAY_MS);
        manualPassNo += 1;
        const evidence: ManualPass['evidence'] =
          knownIssue && latest.attempt.lastDataAt === null
            ? { kind: 'known_issue', knownIssueId: knownIssue.record.id }
            : { kind: 'score_data', attemptId: latest.attempt.id };
        sink.put('manual_pass', {
          id: `mp_${pad(manualPassNo, 6)}`,
          learnerId: learner.record.id,
          moduleId: seedModule.record.id,
          passedAt: isoAt(passedAtMs),
          passedBy: random.chance(0.7) ? DEMO_ADMIN_ID : 'agt_0005',
          reason:
            evidence.kind === 'known_issue'
              ? 'Known issue with this manufacturer on the learner’s browser; learner showed a passing score.'
              : 'Passing score came back in the data, completion never registered. Checked with Support first.',
          evidence,
          ticketId: null,
        });
        completed = { at: passedAtMs, source: 'manual' };
      }

      if (selected && kind) {
        const wantsScreenshot =
          (kind === 'no_data' || kind === 'known_issue' || (kind === 'failed' && random.chance(0.15))) && status !== 'new' && status !== 'waiting';
        const screenshotOffered = wantsScreenshot ? screenshotSlots.offer(random, 'slot') : false;
        const screenshot: ScreenshotKind | null = !screenshotOffered
          ? null
          : kind === 'failed'
            ? 'failing'
            : random.weighted<ScreenshotKind>([['passing', 65], ['phone_photo', 15], ['completion', 20]]);
        let finalStatus = status;
        let manualPass: TicketCase['manualPass'] = null;
        if (status === 'resolved' && (kind === 'not_registered' || kind === 'no_data' || kind === 'known_issue')) {
          const evidenceKind = kind === 'not_registered' ? 'score_data' : kind === 'known_issue' ? 'known_issue' : screenshot ? 'screenshot' : null;
          if (evidenceKind && !learner.troubled) {
            manualPass = { passedAtMs: Math.min(SEED_NOW - 3_600_000, createdAtMs + random.int(1, 4) * DAY_MS), passedBy: random.chance(0.75) ? DEMO_ADMIN_ID : 'agt_0005', evidenceKind };
            completed = { at: manualPass.passedAtMs, source: 'manual' };
          } else {
            // Nothing to pass on yet: still waiting for the learner's screenshot.
            finalStatus = 'waiting';
          }
        }
        ticketCases.push({
          kind,
          learnerIndex,
          moduleIndex,
          status: finalStatus,
          createdAtMs,
          attemptId: latest.attempt.lastDataAt === null ? null : latest.attempt.id,
          percent: latest.percent,
          environment,
          cause,
          knownIssue: hitByIssue ? knownIssue : null,
          screenshot,
          manualPass,
        });
      }

      sink.put('enrollment', {
        id: enrollmentId,
        learnerId: learner.record.id,
        moduleId: seedModule.record.id,
        status: completed ? 'completed' : 'in_progress',
        completedAt: completed ? isoAt(completed.at) : null,
        completionSource: completed ? completed.source : null,
      });
    }
  });

  return {
    ticketCases,
    enrollmentCount: enrollmentNo,
    attemptCount: attemptNo,
    manualPassCount: manualPassNo,
    isEnrolled: (learnerIndex, moduleIndex) => enrolledPairs.has(learnerIndex * modules.length + moduleIndex),
  };
}
