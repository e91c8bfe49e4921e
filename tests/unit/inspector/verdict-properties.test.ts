// Properties over many generated learners: whatever the mix of attempts, screenshots,
// tickets and known issues, the verdict keeps the promises the pass panel relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attempt, Enrollment } from '../../../src/shared/lms/entities';
import { Verdict, type LearnerScreenshot, type OtherAttempt, type VerdictKind } from '../../../src/shared/verdict';
import { isEligibleKind, verdictFor } from '../../../src/main/inspector/verdict';
import { SHA_A, SHA_B, attempt, knownIssue, learner, macSafari, moduleTwo, otherAttempt, otherTicket, review, scene, screenshot, windows10Chrome } from './verdict-fixtures';

const DAY = 86_400_000;
const base = Date.parse('2026-09-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const environmentArb = fc.constantFrom(windows10Chrome, macSafari, { os: 'Windows 7', browser: 'Edge 109', userAgent: 'Mozilla/5.0 (Windows NT 6.1) Edg/109.0' });

/** An attempt on Module 2: nothing back, data without a score, or a score in one of the dialects. */
const attemptArb = (n: number) =>
  fc
    .record({
      dayOffset: fc.integer({ min: 0, max: 85 }),
      shape: fc.constantFrom('silent', 'unscored', 'scaled', 'raw_points', 'raw_no_max'),
      percent: fc.integer({ min: 0, max: 100 }),
      standard: fc.constantFrom('scorm12' as const, 'scorm2004' as const, 'xapi' as const),
      completionStatus: fc.constantFrom('incomplete' as const, 'completed' as const, 'unknown' as const),
      sessionTime: fc.option(fc.integer({ min: 60, max: 3600 }), { nil: null }),
      suspendDataLength: fc.constantFrom(120, 4095, 4096, 63_999, 64_000),
      errors: fc.boolean(),
      environment: environmentArb,
    })
    .map((r): Attempt => {
      const startedAt = iso(base + r.dayOffset * DAY);
      const common = { id: `atm_${String(n).padStart(7, '0')}`, startedAt, standard: r.standard, environment: r.environment };
      if (r.shape === 'silent') return { ...attempt(common), lastDataAt: null, completionStatus: null, successStatus: null, scoreRaw: null, scoreMin: null, scoreMax: null, scoreScaled: null, sessionTime: null, suspendDataLength: 0 };
      const score =
        r.shape === 'unscored'
          ? { scoreRaw: null, scoreMin: null, scoreMax: null, scoreScaled: null }
          : r.shape === 'scaled'
            ? { scoreRaw: r.percent, scoreMin: 0, scoreMax: 100, scoreScaled: r.percent / 100 }
            : r.shape === 'raw_points'
              ? { scoreRaw: r.percent / 5, scoreMin: 0, scoreMax: 20, scoreScaled: null }
              : { scoreRaw: r.percent, scoreMin: null, scoreMax: null, scoreScaled: null };
      return attempt({
        ...common,
        ...score,
        lastDataAt: iso(Date.parse(startedAt) + 30 * 60_000),
        completionStatus: r.completionStatus,
        successStatus: 'unknown',
        sessionTime: r.sessionTime,
        suspendDataLength: r.suspendDataLength,
        errors: r.errors ? [{ at: startedAt, code: '101', message: 'LMSCommit returned "false": General Exception (101).' }] : [],
      });
    });

const attemptsArb = fc.integer({ min: 0, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => attemptArb(i + 1))));

const screenshotArb = (n: number) =>
  fc
    .record({
      reviewed: fc.constantFrom('none', 'passing', 'failing', 'blank', 'other_module', 'stale'),
      scoreRead: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      reuse: fc.boolean(),
    })
    .map((r): LearnerScreenshot => {
      const attachmentId = `att_${n}`;
      const sha = n % 2 === 0 ? SHA_A : SHA_B;
      const reviewed =
        r.reviewed === 'none'
          ? null
          : review({
              attachmentId,
              sha256: r.reviewed === 'stale' ? (sha === SHA_A ? SHA_B : SHA_A) : sha,
              showsPassingScore: r.reviewed === 'passing' || r.reviewed === 'other_module',
              scoreRead: r.reviewed === 'blank' ? null : r.reviewed === 'failing' ? Math.min(r.scoreRead ?? 50, 79) : r.scoreRead === null ? null : Math.max(r.scoreRead, 80),
              moduleShown: r.reviewed === 'other_module' ? 'Module 5: Field Adjustments' : moduleTwo.name,
            });
      return screenshot(reviewed, { attachmentId, sha256: sha, reuseFlagged: r.reuse });
    });

const screenshotsArb = fc.integer({ min: 0, max: 2 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => screenshotArb(i + 1))));

const troubleArb = fc.record({
  tickets: fc.constantFrom(0, 1),
  attempts: fc.subarray(['exit', 'closers', 'hinges'] as const),
  ticketOnMac: fc.boolean(),
});

const sceneArb = fc.record({
  enrollment: fc.constantFrom<'none' | Enrollment['status']>('none', 'not_started', 'in_progress', 'completed'),
  attempts: attemptsArb,
  screenshots: screenshotsArb,
  hasTicket: fc.boolean(),
  checklist: fc.record({ faqSent: fc.boolean(), detailsReceived: fc.boolean(), dataChecked: fc.boolean(), screenshotRequested: fc.boolean(), screenshotReceived: fc.boolean() }),
  reported: fc.constantFrom(null, { os: 'Mac', browser: 'Safari' }, { os: 'Windows 7', browser: null }),
  knownIssues: fc.subarray(['mac_safari', 'win7_edge_fixed', 'other_category'] as const),
  trouble: troubleArb,
  blueBucks: fc.constantFrom(0, 25, 100),
});

type GeneratedScene = typeof sceneArb extends fc.Arbitrary<infer T> ? T : never;

const troubleCourses: Record<'exit' | 'closers' | 'hinges', Partial<OtherAttempt>> = {
  exit: {},
  closers: { id: 'atm_0003001', moduleId: 'mod_000330', courseId: 'crs_00044', courseName: 'Door Closers' },
  hinges: { id: 'atm_0004001', moduleId: 'mod_000440', courseId: 'crs_00045', courseName: 'Continuous Hinges', sessionTime: null, scoreRaw: 40 },
};

function build(g: GeneratedScene, attempts: Attempt[] = g.attempts) {
  const s = scene();
  return {
    ...s,
    course: { ...s.course, blueBucks: g.blueBucks },
    enrollment:
      g.enrollment === 'none'
        ? null
        : { id: 'enr_0000420', learnerId: learner.id, moduleId: moduleTwo.id, status: g.enrollment, completedAt: g.enrollment === 'completed' ? '2026-11-25T10:00:00.000Z' : null, completionSource: g.enrollment === 'completed' ? ('tracked' as const) : null },
    attempts,
    screenshots: g.screenshots,
    ticket: g.hasTicket ? { ...s.ticket!, reportedEnvironment: g.reported, checklist: g.checklist } : null,
    knownIssues: g.knownIssues.map((k) =>
      k === 'mac_safari'
        ? knownIssue()
        : k === 'win7_edge_fixed'
          ? knownIssue({ id: 'ki_002', os: 'Windows 7', browser: 'Edge', since: '2026-09-20T00:00:00.000Z', until: '2026-10-20T00:00:00.000Z' })
          : knownIssue({ id: 'ki_003', categoryId: 'cat_0099', os: null, browser: null }),
    ),
    otherTickets: g.trouble.tickets ? [otherTicket({ reportedEnvironment: g.trouble.ticketOnMac ? { os: 'macOS', browser: 'Safari' } : null })] : [],
    otherAttempts: g.trouble.attempts.map((c) => otherAttempt({ ...troubleCourses[c], environment: g.trouble.ticketOnMac ? macSafari : windows10Chrome })),
  };
}

/** not eligible < a step away (screenshot, computer) < eligible */
const rank = (kind: VerdictKind) => (isEligibleKind(kind) ? 2 : kind === 'needs_screenshot' || kind === 'check_computer_first' ? 1 : 0);

const runs = { numRuns: 400 };

describe('verdict properties', () => {
  it('always returns a well-formed verdict with reasons, and never reads the clock', () => {
    fc.assert(
      fc.property(sceneArb, (g) => {
        const input = build(g);
        const v = verdictFor(input);
        expect(() => Verdict.parse(v)).not.toThrow();
        expect(v.reasons.length).toBeGreaterThan(0);
        expect(verdictFor(input)).toEqual(v);
      }),
      runs,
    );
  });

  it('never allows a pass for a learner who is not enrolled or already complete', () => {
    fc.assert(
      fc.property(sceneArb, (g) => {
        const v = verdictFor(build(g));
        if (g.enrollment === 'none') expect(v.kind).toBe('not_eligible_not_enrolled');
        if (g.enrollment === 'completed') expect(v.kind).toBe('not_eligible_already_complete');
        if (g.enrollment === 'none' || g.enrollment === 'completed') {
          expect(v.passAllowed).toBe(false);
          expect(v.passEvidence).toBeNull();
        }
      }),
      runs,
    );
  });

  it('allows a pass only for an eligible verdict with every step done and evidence to record', () => {
    fc.assert(
      fc.property(sceneArb, (g) => {
        const v = verdictFor(build(g));
        expect(v.passAllowed).toBe(isEligibleKind(v.kind) && v.missingSteps.length === 0);
        if (isEligibleKind(v.kind)) expect(v.passEvidence).not.toBeNull();
        if (v.kind === 'eligible_screenshot' || v.kind === 'eligible_known_issue') expect(v.evidence.screenshotReview?.showsPassingScore).toBe(true);
        if (v.kind === 'eligible_screenshot' && g.blueBucks > 0) expect(v.warnings.some((w) => w.includes('$BlueBucks'))).toBe(true);
        expect(v.blueBucks).toBe(g.blueBucks);
      }),
      runs,
    );
  });

  it('does not depend on the order attempts and screenshots arrive in', () => {
    fc.assert(
      fc.property(sceneArb, (g) => {
        const forward = verdictFor(build(g));
        const backward = verdictFor({ ...build(g, [...g.attempts].reverse()), screenshots: [...g.screenshots].reverse() });
        expect(backward).toEqual(forward);
      }),
      runs,
    );
  });

  it('adding a passing attempt that did not complete never turns an eligible verdict ineligible', () => {
    fc.assert(
      fc.property(sceneArb, fc.integer({ min: 80, max: 100 }), fc.integer({ min: 0, max: 85 }), (g, percent, day) => {
        const before = verdictFor(build(g));
        if (!isEligibleKind(before.kind)) return;
        const extra = attempt({ id: 'atm_0009999', startedAt: iso(base + day * DAY), lastDataAt: iso(base + day * DAY + 1_800_000), scoreRaw: percent, scoreScaled: percent / 100, completionStatus: 'incomplete' });
        const after = verdictFor(build(g, [...g.attempts, extra]));
        expect(isEligibleKind(after.kind)).toBe(true);
        if (before.passAllowed) expect(after.passAllowed).toBe(true);
      }),
      runs,
    );
  });

  it('raising a score never lowers eligibility', () => {
    fc.assert(
      fc.property(sceneArb, fc.nat(), fc.integer({ min: 1, max: 60 }), (g, pick, bump) => {
        const scoredIndexes = g.attempts.map((a, i) => (a.scoreRaw !== null ? i : -1)).filter((i) => i >= 0);
        if (scoredIndexes.length === 0) return;
        const index = scoredIndexes[pick % scoredIndexes.length] ?? 0;
        const raised = g.attempts.map((a, i) => {
          if (i !== index || a.scoreRaw === null) return a;
          const max = a.scoreMax ?? 100;
          const raw = Math.min(max, a.scoreRaw + (bump * max) / 100);
          return { ...a, scoreRaw: raw, scoreScaled: a.scoreScaled === null ? null : Math.min(1, raw / max) };
        });
        const before = verdictFor(build(g));
        const after = verdictFor(build(g, raised));
        expect(rank(after.kind)).toBeGreaterThanOrEqual(rank(before.kind));
        if (before.passAllowed) expect(after.passAllowed).toBe(true);
      }),
      runs,
    );
  });
});
