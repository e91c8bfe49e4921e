import { describe, expect, it } from 'vitest';
import { findTroubleElsewhere, type TroubleContext } from '../../../src/main/inspector/completion-trouble';
import { NOW, cleanOtherAttempt, course, knownIssue, macSafari, otherAttempt, otherTicket } from './verdict-fixtures';

const nowMs = Date.parse(NOW);
const ctx = (over: Partial<TroubleContext> = {}): TroubleContext => ({ courseId: course.id, otherTickets: [], otherAttempts: [], knownIssues: [], nowMs, ...over });

/** "Door Closers", a third course, with a commit error. */
const doorClosersErrors = otherAttempt({
  id: 'atm_0003001',
  moduleId: 'mod_000330',
  moduleName: 'Module 3: Field Adjustments',
  courseId: 'crs_00044',
  courseName: 'Door Closers',
  scoreRaw: 55,
  completionStatus: 'incomplete',
  sessionTime: null,
  errors: [{ at: '2026-09-12T10:30:00.000Z', code: 'LMSCommit', message: 'LMSCommit returned "false": General Exception (101).' }],
  startedAt: '2026-09-12T10:00:00.000Z',
  lastDataAt: '2026-09-12T10:30:00.000Z',
});

describe('trouble in other courses', () => {
  it('finds nothing for a learner whose other courses completed cleanly', () => {
    const result = findTroubleElsewhere(ctx({ otherAttempts: [cleanOtherAttempt()] }));
    expect(result.signs).toEqual([]);
    expect(result.computerSuspected).toBe(false);
  });

  it('reads each kind of sign from attempts elsewhere', () => {
    const passedNotCompleted = otherAttempt();
    const cutOff = otherAttempt({ id: 'atm_0002003', scoreRaw: null, sessionTime: null });
    const silent = otherAttempt({ id: 'atm_0002004', lastDataAt: null, scoreRaw: null, sessionTime: null });
    const kinds = findTroubleElsewhere(ctx({ otherAttempts: [passedNotCompleted, cutOff, silent, doorClosersErrors] })).signs.map((s) => [s.attemptId, s.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['atm_0002001', 'passed_not_completed'],
        ['atm_0002003', 'session_cut_off'],
        ['atm_0002004', 'no_data_came_back'],
        ['atm_0003001', 'runtime_errors'],
      ]),
    );
  });

  it('needs two courses when only attempts show trouble, and says why one is not enough', () => {
    const one = findTroubleElsewhere(ctx({ otherAttempts: [otherAttempt()] }));
    expect(one.computerSuspected).toBe(false);
    expect(one.summary).toMatch(/one course alone/);
    const two = findTroubleElsewhere(ctx({ otherAttempts: [otherAttempt(), doorClosersErrors] }));
    expect(two.computerSuspected).toBe(true);
    expect(two.unexplainedCourses).toEqual(expect.arrayContaining(['Exit Devices', 'Door Closers']));
  });

  it('takes one other ticket about completion trouble as enough', () => {
    expect(findTroubleElsewhere(ctx({ otherTickets: [otherTicket()] })).computerSuspected).toBe(true);
  });

  it('ignores tickets about a failing score, an enrollment or an account, and unlinked tickets', () => {
    const tickets = [
      otherTicket({ id: 'tkt_1', tags: ['completion', 'failing-score'] }),
      otherTicket({ id: 'tkt_2', tags: ['enrollment'] }),
      otherTicket({ id: 'tkt_3', tags: ['account'] }),
      otherTicket({ id: 'tkt_4', courseId: null, moduleId: null, courseName: null }),
    ];
    expect(findTroubleElsewhere(ctx({ otherTickets: tickets })).signs).toEqual([]);
  });

  it('lets a clean completion on that module clear the other ticket ("did my module count?")', () => {
    const result = findTroubleElsewhere(ctx({ otherTickets: [otherTicket()], otherAttempts: [cleanOtherAttempt({ moduleId: 'mod_000220' })] }));
    expect(result.signs).toEqual([]);
  });

  it('does not count other modules of the same course: that is this course’s trouble', () => {
    const sameCourse = otherAttempt({ courseId: course.id, courseName: course.name });
    const sameCourseTicket = otherTicket({ courseId: course.id, courseName: course.name });
    expect(findTroubleElsewhere(ctx({ otherAttempts: [sameCourse], otherTickets: [sameCourseTicket] })).signs).toEqual([]);
  });

  it('forgets trouble older than its lookback', () => {
    const old = otherAttempt({ startedAt: '2025-12-01T09:00:00.000Z', lastDataAt: '2025-12-01T09:30:00.000Z' });
    const oldTicket = otherTicket({ createdAt: '2025-12-03T09:00:00.000Z' });
    expect(findTroubleElsewhere(ctx({ otherAttempts: [old], otherTickets: [oldTicket] })).signs).toEqual([]);
  });

  it('keeps trouble from the last 90 days and drops what is older', () => {
    const at = (days: number) => new Date(nowMs - days * 86_400_000).toISOString();
    const recent = otherAttempt({ startedAt: at(89), lastDataAt: at(89) });
    const stale = otherAttempt({ startedAt: at(91), lastDataAt: at(91) });
    expect(findTroubleElsewhere(ctx({ otherAttempts: [recent] })).signs).toHaveLength(1);
    expect(findTroubleElsewhere(ctx({ otherAttempts: [stale] })).signs).toHaveLength(0);
  });

  it('names the known issue that explains trouble elsewhere, and then does not suspect the computer', () => {
    const onMac = otherAttempt({ environment: macSafari });
    const result = findTroubleElsewhere(ctx({ otherAttempts: [onMac, { ...doorClosersErrors, environment: macSafari }], otherTickets: [otherTicket({ reportedEnvironment: { os: 'Mac', browser: 'Safari' } })], knownIssues: [knownIssue()] }));
    expect(result.signs.length).toBe(3);
    expect(result.signs.every((s) => s.explainedBy === 'ki_001')).toBe(true);
    expect(result.computerSuspected).toBe(false);
    expect(result.summary).toMatch(/known issues explain all of it/);
  });

  it('does not blame a session whose data came back minutes ago: it may still be open', () => {
    const live = otherAttempt({ startedAt: '2026-11-30T16:20:00.000Z', lastDataAt: '2026-11-30T16:50:00.000Z', sessionTime: null });
    expect(findTroubleElsewhere(ctx({ otherAttempts: [live] })).signs).toEqual([]);
  });
});
