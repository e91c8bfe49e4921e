// One block per row of docs/verdict-rules.md, then the boundaries the issue names.
import { describe, expect, it } from 'vitest';
import { PassdeskError } from '../../../src/shared/ipc-result';
import { verdictFor } from '../../../src/main/inspector/verdict';
import {
  SHA_B,
  allStepsDone,
  attempt,
  course,
  knownIssue,
  macSafari,
  moduleTwo,
  otherAttempt,
  otherTicket,
  review,
  scene,
  scored,
  screenshot,
  silentAttempt,
  verdictOf,
} from './verdict-fixtures';

const withShot = { checklist: { ...allStepsDone } };
const ticketWith = (checklist: Partial<typeof allStepsDone>, reportedEnvironment: { os: string | null; browser: string | null } | null = null) => ({
  ...scene().ticket!,
  reportedEnvironment,
  checklist: { ...allStepsDone, screenshotRequested: false, screenshotReceived: false, ...checklist },
});

describe('R1 — not enrolled', () => {
  it('refuses a pass, whatever the data shows', () => {
    const v = verdictOf({ enrollment: null, attempts: [scored(95)] });
    expect(v.kind).toBe('not_eligible_not_enrolled');
    expect(v.passAllowed).toBe(false);
    expect(v.passEvidence).toBeNull();
    expect(v.reasons[0]).toMatch(/Marco Ruiz is not enrolled in Module 2: Installation and Code Compliance of Fire-Rated Door Hardware/);
    expect(v.nextStep).toMatch(/training admin/);
  });

  it('waits only for the course and module to be identified', () => {
    expect(verdictOf({ enrollment: null, ticket: ticketWith({ detailsReceived: false }) }).missingSteps).toEqual(['detailsReceived']);
  });
});

describe('R2 — already complete', () => {
  it('refuses a pass on a module the course completed itself', () => {
    const v = verdictOf({
      enrollment: { id: 'enr_0000420', learnerId: 'lrn_000042', moduleId: moduleTwo.id, status: 'completed', completedAt: '2026-11-21T09:12:00.000Z', completionSource: 'tracked' },
      attempts: [attempt({ completionStatus: 'completed' })],
    });
    expect(v.kind).toBe('not_eligible_already_complete');
    expect(v.passAllowed).toBe(false);
    expect(v.reasons[0]).toMatch(/already complete .* on 21 Nov 2026, 09:12 UTC, by the course itself/);
  });

  it('refuses a second manual pass', () => {
    const v = verdictOf({ enrollment: { id: 'enr_0000420', learnerId: 'lrn_000042', moduleId: moduleTwo.id, status: 'completed', completedAt: '2026-11-22T09:00:00.000Z', completionSource: 'manual' } });
    expect(v.kind).toBe('not_eligible_already_complete');
    expect(v.reasons[0]).toMatch(/by a manual pass/);
  });
});

describe('R3 — failing score in the data', () => {
  it('is not eligible when the best score is below the passing score', () => {
    const v = verdictOf({ attempts: [scored(72, { id: 'atm_1' }), scored(64, { id: 'atm_2', startedAt: '2026-11-10T10:00:00.000Z' })] });
    expect(v.kind).toBe('not_eligible_failing_score');
    expect(v.passAllowed).toBe(false);
    expect(v.evidence.bestScore).toEqual({ attemptId: 'atm_1', percent: 72, passingScore: 80 });
    expect(v.reasons[0]).toMatch(/scored 72%; the passing score is 80%\. That is the best of 2 scored attempts/);
    expect(v.nextStep).toMatch(/retake/);
  });

  it('trusts the data over a screenshot that shows a pass, and says so', () => {
    const v = verdictOf({ attempts: [scored(61)], screenshots: [screenshot(review())], ticket: ticketWith(withShot.checklist) });
    expect(v.kind).toBe('not_eligible_failing_score');
    expect(v.warnings.join(' ')).toMatch(/data is what the course recorded/);
  });

  it('beats trouble in other courses and a known issue: a retake is due either way', () => {
    const v = verdictOf({
      attempts: [scored(50, { environment: macSafari })],
      knownIssues: [knownIssue()],
      otherTickets: [otherTicket()],
    });
    expect(v.kind).toBe('not_eligible_failing_score');
  });
});

describe('R4 — no usable score data, and a reviewed screenshot shows a failing score', () => {
  it('is not eligible on the screenshot', () => {
    const failing = review({ showsPassingScore: false, scoreRead: 62 });
    const v = verdictOf({ attempts: [silentAttempt()], screenshots: [screenshot(failing)], ticket: ticketWith(withShot.checklist) });
    expect(v.kind).toBe('not_eligible_failing_score');
    expect(v.evidence.screenshotReview).toEqual(failing);
    expect(v.reasons.join(' ')).toMatch(/shows 62%, below the passing score of 80%/);
  });

  it('reads the score the reviewer wrote down even if they ticked "passing"', () => {
    const v = verdictOf({ attempts: [silentAttempt()], screenshots: [screenshot(review({ showsPassingScore: true, scoreRead: 75 }))] });
    expect(v.kind).toBe('not_eligible_failing_score');
  });
});

describe('R5 — known issue, and a passing score in the data', () => {
  it('is eligible on the score data, naming the known issue as the cause', () => {
    const v = verdictOf({ attempts: [scored(88, { environment: macSafari })], knownIssues: [knownIssue()] });
    expect(v.kind).toBe('eligible_score_data');
    expect(v.likelyCause).toBe('known_issue');
    expect(v.evidence.knownIssueId).toBe('ki_001');
    expect(v.passEvidence).toEqual({ kind: 'score_data', attemptId: 'atm_0001001', knownIssueId: 'ki_001' });
    expect(v.passAllowed).toBe(true);
  });
});

describe('R6 — known issue, no usable score data, reviewed passing screenshot', () => {
  it('is eligible on the known issue', () => {
    const v = verdictOf({ attempts: [silentAttempt({ environment: macSafari })], knownIssues: [knownIssue()], screenshots: [screenshot(review())], ticket: ticketWith(withShot.checklist) });
    expect(v.kind).toBe('eligible_known_issue');
    expect(v.passAllowed).toBe(true);
    expect(v.passEvidence).toEqual({ kind: 'known_issue', knownIssueId: 'ki_001', attachmentId: 'att_000301' });
    expect(v.evidence.screenshotReview?.scoreRead).toBe(90);
    expect(v.reasons[0]).toMatch(/known issue ki_001 \(macOS \/ Safari/);
  });

  it('matches on what the ticket says when the attempts carry no usable environment', () => {
    const v = verdictOf({
      attempts: [silentAttempt()],
      knownIssues: [knownIssue()],
      screenshots: [screenshot(review())],
      ticket: ticketWith(withShot.checklist, { os: 'Mac', browser: 'Safari' }),
    });
    expect(v.kind).toBe('eligible_known_issue');
  });

  it('is exempt from "check the computer first" — the article’s exception — but warns', () => {
    const v = verdictOf({
      attempts: [silentAttempt({ environment: macSafari })],
      knownIssues: [knownIssue()],
      screenshots: [screenshot(review())],
      ticket: ticketWith(withShot.checklist),
      otherTickets: [otherTicket()],
    });
    expect(v.kind).toBe('eligible_known_issue');
    expect(v.warnings.join(' ')).toMatch(/unexplained completion trouble in other courses \(Exit Devices\)/);
  });
});

describe('R7 — known issue, no reviewed passing screenshot yet', () => {
  it('needs a screenshot and names the known issue', () => {
    const v = verdictOf({ attempts: [silentAttempt({ environment: macSafari })], knownIssues: [knownIssue()] });
    expect(v.kind).toBe('needs_screenshot');
    expect(v.evidence.knownIssueId).toBe('ki_001');
    expect(v.missingSteps).toEqual(['screenshotRequested', 'screenshotReceived', 'screenshotReviewed']);
    expect(v.passAllowed).toBe(false);
    expect(v.nextStep).toMatch(/Ask the learner for a screenshot/);
  });
});

describe('R8 — trouble in other courses, no known issue explains it', () => {
  it('checks the computer first, even with a passing score in the data', () => {
    const v = verdictOf({ attempts: [scored(90)], otherTickets: [otherTicket()] });
    expect(v.kind).toBe('check_computer_first');
    expect(v.passAllowed).toBe(false);
    expect(v.passEvidence).toBeNull();
    expect(v.reasons.join(' ')).toMatch(/Ticket tkt_000090 .* Exit Devices/);
    expect(v.reasons.join(' ')).toMatch(/Once the computer is sorted, this data would support a pass/);
    expect(v.evidence.troubleElsewhere).toHaveLength(1);
  });

  it('checks the computer first when attempts in two other courses show trouble', () => {
    const doorClosers = otherAttempt({ id: 'atm_0003001', moduleId: 'mod_000330', courseId: 'crs_00044', courseName: 'Door Closers', errors: [{ at: '2026-09-12T10:30:00.000Z', code: '391', message: 'Commit failed: General Commit Failure (391).' }] });
    const v = verdictOf({ attempts: [silentAttempt()], otherAttempts: [otherAttempt(), doorClosers] });
    expect(v.kind).toBe('check_computer_first');
    expect(v.reasons.join(' ')).toMatch(/A screenshot will be needed once the computer is sorted/);
  });

  it('asks for the FAQ step first when it is missing', () => {
    const v = verdictOf({ attempts: [scored(90)], otherTickets: [otherTicket()], ticket: ticketWith({ faqSent: false }) });
    expect(v.missingSteps).toEqual(['faqSent']);
    expect(v.nextStep).toMatch(/Technical Issues FAQ/);
  });

  it('lets trouble elsewhere that a known issue explains pass through', () => {
    const v = verdictOf({ attempts: [scored(90)], otherTickets: [otherTicket({ reportedEnvironment: { os: 'macOS', browser: 'Safari 17' } })], knownIssues: [knownIssue()] });
    expect(v.kind).toBe('eligible_score_data');
  });
});

describe('R9 — passing score in the data, completion did not register', () => {
  it('is eligible with the cause "completion never sent" for a clean attempt', () => {
    const v = verdictOf({ attempts: [scored(85)] });
    expect(v.kind).toBe('eligible_score_data');
    expect(v.likelyCause).toBe('completion_never_sent');
    expect(v.passAllowed).toBe(true);
    expect(v.passEvidence).toEqual({ kind: 'score_data', attemptId: 'atm_0001001' });
    expect(v.blueBucks).toBe(25);
    expect(v.nextStep).toBe('Admin > Training > Manual Pass → Northgate Door Hardware → Module 2: Installation and Code Compliance → Marco Ruiz → Mark Complete, then double-check the transcript.');
  });

  it('names a cut-off session', () => {
    expect(verdictOf({ attempts: [scored(85, { sessionTime: null })] }).likelyCause).toBe('session_cut_off');
  });

  it('names runtime commit/finish errors', () => {
    const errors = [
      { at: '2026-11-20T14:40:00.000Z', code: 'LMSCommit', message: 'LMSCommit returned "false": General Exception (101).' },
      { at: '2026-11-20T14:40:02.000Z', code: 'LMSFinish', message: 'LMSFinish returned "false": General Exception (101).' },
    ];
    const v = verdictOf({ attempts: [scored(85, { standard: 'scorm12', scoreScaled: null, successStatus: 'unknown', sessionTime: null, errors })] });
    expect(v.likelyCause).toBe('runtime_errors');
    expect(v.reasons.join(' ')).toMatch(/LMSCommit: LMSCommit returned "false"/);
  });

  it('names a suspend-data overflow at the SCORM 1.2 limit of 4,096 characters', () => {
    const v = verdictOf({ attempts: [scored(85, { standard: 'scorm12', scoreScaled: null, suspendDataLength: 4096 })] });
    expect(v.likelyCause).toBe('suspend_data_overflow');
    expect(v.reasons.join(' ')).toMatch(/4,096 characters against the SCORM 1\.2 limit of 4,096/);
  });

  it('does not call 4,095 characters an overflow, nor 4,096 in SCORM 2004 (its limit is 64,000)', () => {
    expect(verdictOf({ attempts: [scored(85, { standard: 'scorm12', scoreScaled: null, suspendDataLength: 4095 })] }).likelyCause).toBe('completion_never_sent');
    expect(verdictOf({ attempts: [scored(85, { suspendDataLength: 4096 })] }).likelyCause).toBe('completion_never_sent');
    expect(verdictOf({ attempts: [scored(85, { suspendDataLength: 64_000 })] }).likelyCause).toBe('suspend_data_overflow');
  });

  it('names a completion the course sent but the LMS did not record', () => {
    expect(verdictOf({ attempts: [scored(85, { completionStatus: 'completed' })] }).likelyCause).toBe('completion_not_recorded');
  });

  it('warns when data came back minutes ago: the course may still send completion', () => {
    const v = verdictOf({ attempts: [scored(85, { startedAt: '2026-11-30T16:10:00.000Z', lastDataAt: '2026-11-30T16:48:00.000Z' })] });
    expect(v.kind).toBe('eligible_score_data');
    expect(v.warnings.join(' ')).toMatch(/12 minutes ago: the course may still be open/);
  });

  it('mentions one troubled course elsewhere without blocking', () => {
    const v = verdictOf({ attempts: [scored(85)], otherAttempts: [otherAttempt()] });
    expect(v.kind).toBe('eligible_score_data');
    expect(v.warnings.join(' ')).toMatch(/One other course shows trouble/);
  });
});

describe('R10 — no usable score data, reviewed passing screenshot', () => {
  it('is eligible on the screenshot, with a $BlueBucks warning', () => {
    const v = verdictOf({ attempts: [silentAttempt()], screenshots: [screenshot(review())], ticket: ticketWith(withShot.checklist) });
    expect(v.kind).toBe('eligible_screenshot');
    expect(v.passAllowed).toBe(true);
    expect(v.passEvidence).toEqual({ kind: 'screenshot', attachmentId: 'att_000301' });
    expect(v.warnings[0]).toMatch(/Fire-Rated Door Hardware pays 25 \$BlueBucks on completion, and this pass rests on a screenshot alone/);
  });

  it('has no $BlueBucks warning when the course pays none', () => {
    const free = { ...course, blueBucks: 0 };
    const v = verdictFor({ ...scene({ attempts: [silentAttempt()], screenshots: [screenshot(review())] }), course: free });
    expect(v.kind).toBe('eligible_screenshot');
    expect(v.warnings.some((w) => w.includes('$BlueBucks'))).toBe(false);
    expect(v.blueBucks).toBe(0);
  });

  it('accepts a completion screen that shows no score', () => {
    const v = verdictOf({ screenshots: [screenshot(review({ scoreRead: null }))] });
    expect(v.kind).toBe('eligible_screenshot');
    expect(v.reasons.join(' ')).toMatch(/completion screen/);
  });

  it('applies when data came back without a score, and when a retake after a failing score sent nothing', () => {
    const noScore = attempt({ scoreRaw: null, scoreScaled: null, scoreMax: null, scoreMin: null, successStatus: 'unknown' });
    expect(verdictOf({ attempts: [noScore], screenshots: [screenshot(review())] }).kind).toBe('eligible_screenshot');
    const failedThenSilent = [scored(60, { id: 'atm_1', startedAt: '2026-11-10T10:00:00.000Z' }), silentAttempt({ id: 'atm_2', startedAt: '2026-11-20T10:00:00.000Z' })];
    const v = verdictOf({ attempts: failedThenSilent, screenshots: [screenshot(review())] });
    expect(v.kind).toBe('eligible_screenshot');
    expect(v.reasons[0]).toMatch(/A later attempt, atm_2 .* came back without a score/);
  });

  it('warns about a reuse flag and a screenshot that shows no module name', () => {
    const v = verdictOf({ screenshots: [screenshot(review({ moduleShown: null }), { reuseFlagged: true })] });
    expect(v.kind).toBe('eligible_screenshot');
    expect(v.warnings.join(' ')).toMatch(/same picture another learner sent\. The flag is advisory/);
    expect(v.warnings.join(' ')).toMatch(/does not show the module name/);
  });
});

describe('R11 — no usable score data, no reviewed passing screenshot', () => {
  it('needs a screenshot when no data came back', () => {
    const v = verdictOf({ attempts: [silentAttempt()] });
    expect(v.kind).toBe('needs_screenshot');
    expect(v.reasons[0]).toBe('No data came back from this module: the system has no score or status for any attempt.');
    expect(v.missingSteps).toEqual(['screenshotRequested', 'screenshotReceived', 'screenshotReviewed']);
    expect(v.evidence.bestScore).toBeNull();
  });

  it('needs a screenshot when the learner never launched anything', () => {
    expect(verdictOf({ attempts: [] }).kind).toBe('needs_screenshot');
  });

  it('does not count an unreviewed screenshot, and asks for its review', () => {
    const v = verdictOf({ screenshots: [screenshot(null)], ticket: ticketWith(withShot.checklist) });
    expect(v.kind).toBe('needs_screenshot');
    expect(v.missingSteps).toEqual(['screenshotReviewed']);
    expect(v.nextStep).toMatch(/Review the screenshot/);
  });

  it('does not count a review of other bytes than the file on the ticket', () => {
    const v = verdictOf({ screenshots: [screenshot(review({ sha256: SHA_B }))] });
    expect(v.kind).toBe('needs_screenshot');
    expect(v.reasons.join(' ')).toMatch(/changed since it was reviewed/);
  });

  it('does not count a screenshot of another module, and asks for another', () => {
    const v = verdictOf({ screenshots: [screenshot(review({ moduleShown: 'Module 1: Product Overview' }))], ticket: ticketWith(withShot.checklist) });
    expect(v.kind).toBe('needs_screenshot');
    expect(v.reasons.join(' ')).toMatch(/shows another module/);
    expect(v.nextStep).toMatch(/Ask the learner for another screenshot/);
  });

  it('does not count a reviewed screenshot that shows no pass and no score', () => {
    const v = verdictOf({ screenshots: [screenshot(review({ showsPassingScore: false, scoreRead: null }))] });
    expect(v.kind).toBe('needs_screenshot');
  });
});

describe('steps before a manual pass', () => {
  it('holds an eligible verdict until the FAQ, details and data-check steps are done', () => {
    const v = verdictOf({ attempts: [scored(85)], ticket: ticketWith({ faqSent: false, dataChecked: false }) });
    expect(v.kind).toBe('eligible_score_data');
    expect(v.passAllowed).toBe(false);
    expect(v.missingSteps).toEqual(['faqSent', 'dataChecked']);
    expect(v.reasons.at(-1)).toMatch(/Not yet: the help article's steps before a manual pass are not all done/);
    expect(v.nextStep).toBe('Send the learner to the Technical Issues FAQ under Help.');
  });

  it('counts a screenshot the learner sent unasked as requested and received', () => {
    const v = verdictOf({ screenshots: [screenshot(review())] });
    expect(v.missingSteps).toEqual([]);
    expect(v.passAllowed).toBe(true);
  });

  it('waits for every screenshot on file to be reviewed', () => {
    const v = verdictOf({ screenshots: [screenshot(review()), screenshot(null, { attachmentId: 'att_000302', sha256: SHA_B })] });
    expect(v.kind).toBe('eligible_screenshot');
    expect(v.missingSteps).toEqual(['screenshotReviewed']);
    expect(v.passAllowed).toBe(false);
  });

  it('without a ticket, needs no conversation steps', () => {
    const v = verdictOf({ ticket: null, attempts: [scored(85)] });
    expect(v.missingSteps).toEqual([]);
    expect(v.passAllowed).toBe(true);
  });
});

describe('the boundaries the issue names', () => {
  it('passes at exactly the passing score, and not a hundredth below', () => {
    expect(verdictOf({ attempts: [scored(80)] }).kind).toBe('eligible_score_data');
    expect(verdictOf({ attempts: [scored(79.99)] }).kind).toBe('not_eligible_failing_score');
  });

  it('prefers the scaled score over raw/max when both are present', () => {
    const v = verdictOf({ attempts: [attempt({ scoreRaw: 15, scoreMax: 20, scoreScaled: 0.8 })] });
    expect(v.evidence.bestScore?.percent).toBe(80);
    expect(v.kind).toBe('eligible_score_data');
  });

  it('reads raw points against max when there is no scaled score (16 of 20 = 80%)', () => {
    expect(verdictOf({ attempts: [attempt({ standard: 'scorm12', scoreRaw: 16, scoreMax: 20, scoreScaled: null })] }).kind).toBe('eligible_score_data');
    expect(verdictOf({ attempts: [attempt({ standard: 'scorm12', scoreRaw: 15, scoreMax: 20, scoreScaled: null })] }).kind).toBe('not_eligible_failing_score');
  });

  it('takes a missing max as 100', () => {
    expect(verdictOf({ attempts: [attempt({ scoreRaw: 80, scoreMin: null, scoreMax: null, scoreScaled: null })] }).evidence.bestScore?.percent).toBe(80);
  });

  it('honours min ≠ 0 (90 on 50–100 is 80%)', () => {
    expect(verdictOf({ attempts: [attempt({ scoreRaw: 90, scoreMin: 50, scoreMax: 100, scoreScaled: null })] }).evidence.bestScore?.percent).toBe(80);
  });

  it('counts an older passing attempt when only it passed', () => {
    const attempts = [
      scored(82, { id: 'atm_1', startedAt: '2026-11-02T10:00:00.000Z', lastDataAt: '2026-11-02T10:40:00.000Z' }),
      scored(64, { id: 'atm_2', startedAt: '2026-11-12T10:00:00.000Z', lastDataAt: '2026-11-12T10:40:00.000Z' }),
      scored(70, { id: 'atm_3', startedAt: '2026-11-20T10:00:00.000Z', lastDataAt: '2026-11-20T10:40:00.000Z' }),
    ];
    const v = verdictOf({ attempts });
    expect(v.kind).toBe('eligible_score_data');
    expect(v.passEvidence?.attemptId).toBe('atm_1');
    expect(v.evidence.attemptIds).toEqual(['atm_3', 'atm_2', 'atm_1']);
    expect(v.reasons.join(' ')).toMatch(/an older passing attempt counts/);
  });

  it('ignores a known issue outside its since/until window', () => {
    const fixed = knownIssue({ since: '2026-03-01T00:00:00.000Z', until: '2026-05-01T00:00:00.000Z' });
    const v = verdictOf({ attempts: [silentAttempt({ environment: macSafari })], knownIssues: [fixed], screenshots: [screenshot(review())] });
    expect(v.kind).toBe('eligible_screenshot');
    expect(v.evidence.knownIssueId).toBeNull();
  });

  it('ignores a known issue for another category', () => {
    const v = verdictOf({ attempts: [silentAttempt({ environment: macSafari })], knownIssues: [knownIssue({ categoryId: 'cat_0099' })], screenshots: [screenshot(review())] });
    expect(v.kind).toBe('eligible_screenshot');
  });

  it('tells unreviewed, reviewed-failing and reviewed-passing screenshots apart', () => {
    const base = { attempts: [silentAttempt()] };
    expect(verdictOf({ ...base, screenshots: [screenshot(null)] }).kind).toBe('needs_screenshot');
    expect(verdictOf({ ...base, screenshots: [screenshot(review({ showsPassingScore: false, scoreRead: 70 }))] }).kind).toBe('not_eligible_failing_score');
    expect(verdictOf({ ...base, screenshots: [screenshot(review())] }).kind).toBe('eligible_screenshot');
  });

  it('lets a reviewed passing screenshot outweigh an earlier failing one', () => {
    const failing = screenshot(review({ attachmentId: 'att_1', scoreRead: 60, showsPassingScore: false, reviewedAt: '2026-11-28T10:00:00.000Z' }), { attachmentId: 'att_1' });
    const passing = screenshot(review({ attachmentId: 'att_2', sha256: SHA_B, reviewedAt: '2026-11-29T10:00:00.000Z' }), { attachmentId: 'att_2', sha256: SHA_B });
    expect(verdictOf({ screenshots: [failing, passing] }).kind).toBe('eligible_screenshot');
  });
});

describe('bad input', () => {
  it('refuses pieces that do not belong together, naming each', () => {
    const input = { ...scene({ attempts: [attempt({ learnerId: 'lrn_999999' })] }), course: { ...course, id: 'crs_00999' } };
    try {
      verdictFor(input);
      expect.unreachable('the verdict should refuse a mismatched course');
    } catch (error) {
      expect(error).toBeInstanceOf(PassdeskError);
      const message = (error as PassdeskError).message;
      expect(message).toMatch(/^The verdict input was refused — /);
      expect(message).toMatch(/module mod_000107 belongs to course crs_00042, not crs_00999/);
      expect(message).toMatch(/attempt atm_0001001 belongs to another learner or module/);
    }
  });

  it('refuses a review of another attachment and a malformed time', () => {
    expect(() => verdictFor(scene({ screenshots: [screenshot(review({ attachmentId: 'att_9' }), { attachmentId: 'att_1' })] }))).toThrow(/the review is of attachment att_9, not att_1/);
    expect(() => verdictFor({ ...scene(), now: 'yesterday' })).toThrow(/now/);
  });
});
