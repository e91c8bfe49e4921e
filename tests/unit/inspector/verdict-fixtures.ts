// One learner, one module, the way the demo LMS seeds them: Marco Ruiz at Harbor Building
// Supply wrote in about "Fire-Rated Door Hardware", Module 2. Each test starts from this
// scene and changes only what its rule is about.
import type { Attempt, KnownIssue } from '../../../src/shared/lms/entities';
import type { LearnerScreenshot, OtherAttempt, OtherTicket, ScreenshotReview, VerdictInput } from '../../../src/shared/verdict';
import { verdictFor } from '../../../src/main/inspector/verdict';

export const NOW = '2026-11-30T17:00:00.000Z';
export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);

export const category = { id: 'cat_0007', name: 'Northgate Door Hardware' };
export const course = { id: 'crs_00042', categoryId: category.id, name: 'Fire-Rated Door Hardware', blueBucks: 25 };
export const moduleTwo = { id: 'mod_000107', courseId: course.id, name: 'Module 2: Installation and Code Compliance', passingScore: 80 };
export const learner = { id: 'lrn_000042', name: 'Marco Ruiz', email: 'marco.ruiz@harborbuild.example', workplaceId: 'wp_0012' };

export const windows10Chrome = {
  os: 'Windows 10',
  browser: 'Chrome 131',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};
export const macSafari = {
  os: 'macOS 14.6',
  browser: 'Safari 17.6',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
};

/** A SCORM 2004 attempt that came back with 85% and no completion, unless told otherwise. */
export function attempt(over: Partial<Attempt> = {}): Attempt {
  return {
    id: 'atm_0001001',
    learnerId: learner.id,
    moduleId: moduleTwo.id,
    startedAt: '2026-11-20T14:00:00.000Z',
    lastDataAt: '2026-11-20T14:41:00.000Z',
    standard: 'scorm2004',
    completionStatus: 'incomplete',
    successStatus: 'passed',
    scoreRaw: 85,
    scoreMin: 0,
    scoreMax: 100,
    scoreScaled: 0.85,
    sessionTime: 2460,
    suspendDataLength: 420,
    environment: windows10Chrome,
    errors: [],
    cmi: {},
    ...over,
  };
}

/** A launch from which nothing ever came back. */
export function silentAttempt(over: Partial<Attempt> = {}): Attempt {
  return attempt({
    id: 'atm_0001002',
    lastDataAt: null,
    completionStatus: null,
    successStatus: null,
    scoreRaw: null,
    scoreMin: null,
    scoreMax: null,
    scoreScaled: null,
    sessionTime: null,
    suspendDataLength: 0,
    ...over,
  });
}

/** Scores as percent on a 0–100 scale, SCORM 2004 style (raw and scaled agree). */
export function scored(percent: number, over: Partial<Attempt> = {}): Attempt {
  return attempt({ scoreRaw: percent, scoreScaled: percent / 100, successStatus: percent >= moduleTwo.passingScore ? 'passed' : 'failed', ...over });
}

export function review(over: Partial<ScreenshotReview> = {}): ScreenshotReview {
  return {
    attachmentId: 'att_000301',
    sha256: SHA_A,
    reviewedBy: 'agt_0002',
    reviewedAt: '2026-11-29T10:15:00.000Z',
    showsPassingScore: true,
    scoreRead: 90,
    courseShown: 'Fire-Rated Door Hardware',
    moduleShown: 'Module 2: Installation and Code Compliance',
    ...over,
  };
}

export function screenshot(reviewed: ScreenshotReview | null, over: Partial<LearnerScreenshot> = {}): LearnerScreenshot {
  return {
    attachmentId: reviewed?.attachmentId ?? 'att_000301',
    ticketId: 'tkt_000123',
    sha256: SHA_A,
    receivedAt: '2026-11-28T16:40:00.000Z',
    review: reviewed,
    reuseFlagged: false,
    ...over,
  };
}

export function knownIssue(over: Partial<KnownIssue> = {}): KnownIssue {
  return {
    id: 'ki_001',
    categoryId: category.id,
    courseId: null,
    os: 'macOS',
    browser: 'Safari',
    description: 'Northgate Door Hardware courses finish normally in Safari on macOS, but the completion never reaches the LMS.',
    since: '2026-06-01T00:00:00.000Z',
    until: null,
    ...over,
  };
}

/** An attempt on another course ("Exit Devices") that passed without completing. */
export function otherAttempt(over: Partial<OtherAttempt> = {}): OtherAttempt {
  return {
    id: 'atm_0002001',
    moduleId: 'mod_000220',
    startedAt: '2026-10-02T09:00:00.000Z',
    lastDataAt: '2026-10-02T09:35:00.000Z',
    standard: 'scorm12',
    completionStatus: 'incomplete',
    successStatus: 'unknown',
    scoreRaw: 88,
    scoreMin: 0,
    scoreMax: 100,
    scoreScaled: null,
    sessionTime: 2100,
    suspendDataLength: 300,
    environment: windows10Chrome,
    errors: [],
    moduleName: 'Module 1: Product Overview',
    passingScore: 80,
    courseId: 'crs_00043',
    courseName: 'Exit Devices',
    categoryId: category.id,
    enrollmentStatus: 'in_progress',
    ...over,
  };
}

/** A completed, clean attempt elsewhere: no trouble at all. */
export function cleanOtherAttempt(over: Partial<OtherAttempt> = {}): OtherAttempt {
  return otherAttempt({ id: 'atm_0002002', completionStatus: 'completed', successStatus: 'passed', enrollmentStatus: 'completed', ...over });
}

export function otherTicket(over: Partial<OtherTicket> = {}): OtherTicket {
  return {
    id: 'tkt_000090',
    subject: 'Exit Devices not completing',
    status: 'resolved',
    createdAt: '2026-10-04T08:00:00.000Z',
    tags: ['completion'],
    moduleId: 'mod_000220',
    courseId: 'crs_00043',
    categoryId: category.id,
    courseName: 'Exit Devices',
    reportedEnvironment: null,
    ...over,
  };
}

export const allStepsDone = { faqSent: true, detailsReceived: true, dataChecked: true, screenshotRequested: true, screenshotReceived: true };

type Scene = Omit<VerdictInput, 'ticket'> & { ticket: Exclude<VerdictInput['ticket'], undefined> };

/** The base scene: enrolled, in progress, a ticket whose FAQ, details and data-check steps are done. */
export function scene(over: Partial<Scene> = {}): Scene {
  return {
    learner,
    module: moduleTwo,
    course,
    category,
    enrollment: { id: 'enr_0000420', learnerId: learner.id, moduleId: moduleTwo.id, status: 'in_progress', completedAt: null, completionSource: null },
    attempts: [],
    ticket: {
      id: 'tkt_000123',
      createdAt: '2026-11-27T15:20:00.000Z',
      reportedEnvironment: null,
      checklist: { faqSent: true, detailsReceived: true, dataChecked: true, screenshotRequested: false, screenshotReceived: false },
    },
    screenshots: [],
    otherTickets: [],
    otherAttempts: [],
    knownIssues: [],
    now: NOW,
    ...over,
  };
}

export function verdictOf(over: Partial<Scene> = {}) {
  return verdictFor(scene(over));
}
