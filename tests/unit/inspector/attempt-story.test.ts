// What the inspector says at a glance about each attempt, and the order of its timeline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptSummary, dataTimeline, ERRORS_LISTED_PER_ATTEMPT } from '../../../src/main/inspector/attempt-story';
import { buildInspection, dataStateOf } from '../../../src/main/inspector/inspection';
import { computeVerdict, parseVerdictInput } from '../../../src/main/inspector/verdict';
import { NOW, attempt, category, course, learner, moduleTwo, silentAttempt } from './verdict-fixtures';

const nowMs = Date.parse(NOW);

describe('the one-line summary of an attempt', () => {
  it('reads "passed at 14:41, completion never arrived" for a passing score without completion', () => {
    expect(attemptSummary(attempt(), 80, nowMs)).toBe('Passed at 20 Nov 2026, 14:41 UTC (85%), completion never arrived.');
  });

  it('says when nothing came back at all', () => {
    expect(attemptSummary(silentAttempt(), 80, nowMs)).toBe('Launched 20 Nov 2026, 14:00 UTC; no data came back.');
  });

  it('names a failing score against the passing score, runtime errors, a suspend-data overflow and a cut-off session', () => {
    const line = attemptSummary(
      attempt({ scoreScaled: 0.6, scoreRaw: 60, sessionTime: null, standard: 'scorm12', suspendDataLength: 4096, errors: [{ at: '2026-11-20T14:41:00.000Z', code: '405', message: 'cmi.suspend_data too long' }] }),
      80,
      nowMs,
    );
    expect(line).toBe('Scored 60% at 20 Nov 2026, 14:41 UTC, below 80%, completion never arrived, 1 runtime error, suspend data hit its limit, no session time (cut off).');
  });

  it('does not call completion missing while the course may still be open', () => {
    const fresh = attempt({ lastDataAt: new Date(nowMs - 5 * 60_000).toISOString() });
    expect(attemptSummary(fresh, 80, nowMs)).toMatch(/no completion yet \(data came back 5 minutes ago; the course may still be open\)/);
  });

  it('counts a score exactly at the passing score as passing', () => {
    expect(attemptSummary(attempt({ scoreScaled: 0.8 }), 80, nowMs)).toMatch(/^Passed at/);
  });
});

describe('the timeline of what came back when', () => {
  it('puts each attempt’s launch, errors, data and the missing completion in time order, with tickets and the completion', () => {
    const first = attempt({ id: 'atm_1', startedAt: '2026-11-01T10:00:00.000Z', lastDataAt: '2026-11-01T10:30:00.000Z', errors: [{ at: '2026-11-01T10:29:00.000Z', code: '391', message: 'Commit failed' }] });
    const second = silentAttempt({ id: 'atm_2', startedAt: '2026-11-03T09:00:00.000Z' });
    const events = dataTimeline({
      attempts: [second, first],
      passingScore: 80,
      enrollment: { id: 'enr_1', learnerId: learner.id, moduleId: moduleTwo.id, status: 'completed', completedAt: '2026-11-05T12:00:00.000Z', completionSource: 'manual' },
      tickets: [{ id: 'tkt_1', subject: 'Module 2 not complete', fromEmail: learner.email, learnerId: learner.id, moduleId: moduleTwo.id, status: 'open', assigneeId: null, tags: [], createdAt: '2026-11-04T08:00:00.000Z', updatedAt: '2026-11-04T08:00:00.000Z', version: 1 }],
      nowMs,
    });
    expect(events.map((e) => `${e.kind}:${e.attemptId ?? '-'}`)).toEqual([
      'started:atm_1',
      'error:atm_1',
      'data:atm_1',
      'completion_missing:atm_1',
      'started:atm_2',
      'no_data:atm_2',
      'ticket_opened:-',
      'completed:-',
    ]);
    expect(events.at(-1)?.text).toBe('Completed on the transcript, by a manual pass.');
  });

  it('lists a handful of runtime errors per attempt and sums up the rest', () => {
    const errors = Array.from({ length: ERRORS_LISTED_PER_ATTEMPT + 4 }, (_, i) => ({ at: `2026-11-20T14:${String(10 + i).padStart(2, '0')}:00.000Z`, code: '101', message: `fault ${i}` }));
    const events = dataTimeline({ attempts: [attempt({ errors })], passingScore: 80, enrollment: null, tickets: [], nowMs }).filter((e) => e.kind === 'error');
    expect(events).toHaveLength(ERRORS_LISTED_PER_ATTEMPT + 1);
    expect(events.at(-1)?.text).toBe('…and 4 more runtime errors on attempt atm_0001001.');
  });

  it('is always in time order, whatever order the attempts arrive in', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: 0, max: 60 * 24 * 30 }), after: fc.option(fc.integer({ min: 0, max: 600 })) }), { maxLength: 8 }), (specs) => {
        const attempts = specs.map((s, i) => {
          const startedMs = Date.parse('2026-10-01T00:00:00.000Z') + s.start * 60_000;
          return attempt({ id: `atm_${i}`, startedAt: new Date(startedMs).toISOString(), lastDataAt: s.after === null ? null : new Date(startedMs + s.after * 60_000).toISOString() });
        });
        const times = dataTimeline({ attempts, passingScore: 80, enrollment: null, tickets: [], nowMs }).map((e) => Date.parse(e.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });
});

describe('the inspection built from the verdict input', () => {
  const base = { learner, module: moduleTwo, course, category, enrollment: { id: 'enr_1', learnerId: learner.id, moduleId: moduleTwo.id, status: 'in_progress' as const, completedAt: null, completionSource: null }, ticket: null, screenshots: [], otherTickets: [], otherAttempts: [], knownIssues: [], now: NOW };

  it('tells "no data came back" apart from "never launched" and from data', () => {
    expect(dataStateOf([])).toBe('no_attempts');
    expect(dataStateOf([silentAttempt()])).toBe('no_data');
    expect(dataStateOf([silentAttempt(), attempt()])).toBe('data');
  });

  it('lists attempts newest first, marks the one the verdict’s best score comes from, and reads suspend data against the standard’s limit', () => {
    const older = attempt({ id: 'atm_old', startedAt: '2026-11-10T10:00:00.000Z', lastDataAt: '2026-11-10T10:30:00.000Z', scoreScaled: 0.9, standard: 'scorm12', scoreRaw: 90, suspendDataLength: 4096 });
    const newer = attempt({ id: 'atm_new', scoreScaled: 0.5, scoreRaw: 50 });
    const input = parseVerdictInput({ ...base, attempts: [older, newer] });
    const inspection = buildInspection({ input, ticket: null, checklistKnown: true, tickets: [], workplaceName: 'Harbor Building Supply' }, computeVerdict(input));
    expect(inspection.attempts.map((a) => [a.id, a.isBest, a.percent, a.suspendDataLimit, a.suspendDataOverflow])).toEqual([
      ['atm_new', false, 50, 64000, false],
      ['atm_old', true, 90, 4096, true],
    ]);
    expect(inspection.verdict.kind).toBe('eligible_score_data');
    expect(inspection.learner.workplaceName).toBe('Harbor Building Supply');
  });
});
