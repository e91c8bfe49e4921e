// The verdict on one learner + module: what main decides from the score data, the ticket's
// checklist, the reviewed screenshots, the learner's trouble elsewhere and the LMS's known
// issues — and what the renderer shows and the manual pass panel enforces. The rules live in
// src/main/inspector/verdict.ts and are written out as a table in docs/verdict-rules.md.
import { z } from 'zod';
import {
  Attempt,
  Category,
  Course,
  Enrollment,
  EnrollmentStatus,
  Evidence,
  Id,
  IsoTime,
  KnownIssue,
  Learner,
  Module,
  Tag,
  TicketStatus,
} from './lms/entities';

// ---------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------

/**
 * The help article's steps for one ticket, as the inbox computes them from what happened.
 * "Screenshot reviewed" is not here: the verdict reads it from the screenshot reviews.
 */
export const ChecklistState = z
  .object({
    /** The learner was directed to the "Technical Issues FAQ" under "Help" (article step 1). */
    faqSent: z.boolean(),
    /** The learner's e-mail named the course and module and described the problem (step 2). */
    detailsReceived: z.boolean(),
    /** Someone on the admin side checked the data coming back into the system (step 3). */
    dataChecked: z.boolean(),
    /** The learner was asked for a screenshot of their passing score or completion (step 4). */
    screenshotRequested: z.boolean(),
    /** A screenshot arrived on the ticket. */
    screenshotReceived: z.boolean(),
  })
  .strict();
export type ChecklistState = z.infer<typeof ChecklistState>;

/** A step a verdict can still be waiting for: the checklist's five, plus the screenshot's review. */
export const ChecklistStep = z.enum([
  'faqSent',
  'detailsReceived',
  'dataChecked',
  'screenshotRequested',
  'screenshotReceived',
  'screenshotReviewed',
]);
export type ChecklistStep = z.infer<typeof ChecklistStep>;

/** The step names an agent reads on the ticket, in the article's words. */
export const checklistStepLabels: Record<ChecklistStep, string> = {
  faqSent: 'Send the learner to the Technical Issues FAQ under Help',
  detailsReceived: 'Get the course, the module and what happened from the learner',
  dataChecked: 'Check the data coming back into the system',
  screenshotRequested: 'Ask the learner for a screenshot of their passing score or completion',
  screenshotReceived: 'Receive the learner’s screenshot',
  screenshotReviewed: 'Review the screenshot (score, course and module shown)',
};

/** An OS and browser as the learner described them ("Mac, Safari", "an older Windows 7 one"). */
export const ReportedEnvironment = z
  .object({
    os: z.string().trim().max(100).nullable(),
    browser: z.string().trim().max(100).nullable(),
  })
  .strict();
export type ReportedEnvironment = z.infer<typeof ReportedEnvironment>;

/** The ticket the verdict is computed for; null when an admin opened the learner + module directly. */
export const VerdictTicket = z
  .object({
    id: Id,
    createdAt: IsoTime,
    /** What the learner said they use, when they said it. */
    reportedEnvironment: ReportedEnvironment.nullable(),
    checklist: ChecklistState,
  })
  .strict();
export type VerdictTicket = z.infer<typeof VerdictTicket>;

/** What a reviewer read on a screenshot (issue #7). Only a reviewed screenshot is evidence. */
export const ScreenshotReview = z
  .object({
    attachmentId: Id,
    /** The bytes that were reviewed; a screenshot whose bytes differ is not the one reviewed. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex characters'),
    reviewedBy: Id,
    reviewedAt: IsoTime,
    /** The reviewer reads a pass on it: a passing score, or the course's completion screen. */
    showsPassingScore: z.boolean(),
    /** The score the reviewer read, in percent; null when the screen shows none (completion screens). */
    scoreRead: z.number().min(0).max(100).nullable(),
    /** The course and module names the screenshot shows; null when it shows none. */
    courseShown: z.string().trim().max(300).nullable(),
    moduleShown: z.string().trim().max(300).nullable(),
  })
  .strict();
export type ScreenshotReview = z.infer<typeof ScreenshotReview>;

/** A screenshot the learner sent for this module, reviewed or not. */
export const LearnerScreenshot = z
  .object({
    attachmentId: Id,
    ticketId: Id,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex characters'),
    receivedAt: IsoTime,
    review: ScreenshotReview.nullable(),
    /** The reuse check found the same picture from another learner (advisory, issue #7). */
    reuseFlagged: z.boolean().default(false),
  })
  .strict();
export type LearnerScreenshot = z.infer<typeof LearnerScreenshot>;

/** Another ticket of the same learner, with the course it is about when it is linked. */
export const OtherTicket = z
  .object({
    id: Id,
    subject: z.string().max(1000),
    status: TicketStatus,
    createdAt: IsoTime,
    tags: z.array(Tag).max(50),
    moduleId: Id.nullable(),
    courseId: Id.nullable(),
    categoryId: Id.nullable(),
    courseName: z.string().max(300).nullable(),
    reportedEnvironment: ReportedEnvironment.nullable(),
  })
  .strict();
export type OtherTicket = z.infer<typeof OtherTicket>;

/** One of the learner's attempts on another module, with that module's course and passing score. */
export const OtherAttempt = Attempt.pick({
  id: true,
  moduleId: true,
  startedAt: true,
  lastDataAt: true,
  standard: true,
  completionStatus: true,
  successStatus: true,
  scoreRaw: true,
  scoreMin: true,
  scoreMax: true,
  scoreScaled: true,
  sessionTime: true,
  suspendDataLength: true,
  environment: true,
  errors: true,
})
  .extend({
    moduleName: z.string().min(1).max(300),
    passingScore: z.number().min(0).max(100),
    courseId: Id,
    courseName: z.string().min(1).max(300),
    categoryId: Id,
    /** The learner's enrollment on that module, as it stands now. */
    enrollmentStatus: EnrollmentStatus,
  })
  .strict();
export type OtherAttempt = z.infer<typeof OtherAttempt>;

const VerdictInputShape = z.object({
  learner: Learner,
  module: Module,
  course: Course,
  category: Category,
  /** The learner's enrollment on this module; null when they are not enrolled. */
  enrollment: Enrollment.nullable(),
  /** Every attempt of the learner on this module, in any order. */
  attempts: z.array(Attempt).max(10_000),
  ticket: VerdictTicket.nullable(),
  screenshots: z.array(LearnerScreenshot).max(1_000),
  otherTickets: z.array(OtherTicket).max(10_000),
  otherAttempts: z.array(OtherAttempt).max(100_000),
  knownIssues: z.array(KnownIssue).max(10_000),
  /** The moment the verdict is for; the function never reads a clock. */
  now: IsoTime,
});

/** Everything the verdict rests on; refused when the pieces do not belong together. */
export const VerdictInput = VerdictInputShape.superRefine((input, ctx) => {
  const mismatch = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (input.module.courseId !== input.course.id) mismatch(['course'], `module ${input.module.id} belongs to course ${input.module.courseId}, not ${input.course.id}`);
  if (input.course.categoryId !== input.category.id) mismatch(['category'], `course ${input.course.id} is in category ${input.course.categoryId}, not ${input.category.id}`);
  if (input.enrollment && (input.enrollment.learnerId !== input.learner.id || input.enrollment.moduleId !== input.module.id)) {
    mismatch(['enrollment'], `enrollment ${input.enrollment.id} is not this learner's enrollment on module ${input.module.id}`);
  }
  input.attempts.forEach((a, i) => {
    if (a.learnerId !== input.learner.id || a.moduleId !== input.module.id) mismatch(['attempts', i], `attempt ${a.id} belongs to another learner or module`);
  });
  input.otherAttempts.forEach((a, i) => {
    if (a.moduleId === input.module.id) mismatch(['otherAttempts', i], `attempt ${a.id} is on this module; list it under attempts`);
  });
  input.otherTickets.forEach((t, i) => {
    if (input.ticket && t.id === input.ticket.id) mismatch(['otherTickets', i], `ticket ${t.id} is the ticket the verdict is for`);
  });
  input.screenshots.forEach((s, i) => {
    if (s.review && s.review.attachmentId !== s.attachmentId) mismatch(['screenshots', i, 'review'], `the review is of attachment ${s.review.attachmentId}, not ${s.attachmentId}`);
  });
});
export type VerdictInput = z.input<typeof VerdictInput>;
export type ParsedVerdictInput = z.output<typeof VerdictInput>;

// ---------------------------------------------------------------------------------------
// The verdict
// ---------------------------------------------------------------------------------------

export const VerdictKind = z.enum([
  'eligible_score_data',
  'eligible_known_issue',
  'needs_screenshot',
  'eligible_screenshot',
  'not_eligible_failing_score',
  'not_eligible_already_complete',
  'not_eligible_not_enrolled',
  'check_computer_first',
]);
export type VerdictKind = z.infer<typeof VerdictKind>;

/** The one-line heading the inspector and the pass panel show for each verdict. */
export const verdictKindLabels: Record<VerdictKind, string> = {
  eligible_score_data: 'Eligible — passing score in the data',
  eligible_known_issue: 'Eligible — known issue',
  needs_screenshot: 'Needs a screenshot',
  eligible_screenshot: 'Eligible — reviewed screenshot',
  not_eligible_failing_score: 'Not eligible — failing score',
  not_eligible_already_complete: 'Not eligible — already complete',
  not_eligible_not_enrolled: 'Not eligible — not enrolled',
  check_computer_first: 'Check the learner’s computer first',
};

/** Why a passing attempt's completion did not register, as far as the data tells. */
export const CompletionCause = z.enum([
  /** The attempt matches a known issue for this course's category or course. */
  'known_issue',
  /** Suspend data reached the standard's limit (4,096 characters in SCORM 1.2, 64,000 in 2004). */
  'suspend_data_overflow',
  /** The runtime reported commit / finish / terminate errors. */
  'runtime_errors',
  /** The session stopped without reporting its session time or exit. */
  'session_cut_off',
  /** The course sent "completed", but the LMS did not record the completion. */
  'completion_not_recorded',
  /** The score came back; the course never sent completion. */
  'completion_never_sent',
]);
export type CompletionCause = z.infer<typeof CompletionCause>;

export const completionCauseLabels: Record<CompletionCause, string> = {
  known_issue: 'a known issue with this course on the learner’s OS/browser',
  suspend_data_overflow: 'suspend data overflow',
  runtime_errors: 'runtime commit/finish errors',
  session_cut_off: 'the session was cut off',
  completion_not_recorded: 'completion was sent but not recorded',
  completion_never_sent: 'completion was never sent',
};

/** A sign that the learner has completion trouble in another course. */
export const TroubleSignKind = z.enum(['other_ticket', 'runtime_errors', 'passed_not_completed', 'session_cut_off', 'no_data_came_back']);
export type TroubleSignKind = z.infer<typeof TroubleSignKind>;

export const TroubleSign = z.object({
  kind: TroubleSignKind,
  courseId: Id,
  courseName: z.string(),
  moduleId: Id.nullable(),
  attemptId: Id.nullable(),
  ticketId: Id.nullable(),
  at: IsoTime,
  /** The known issue that explains it, if one does; explained trouble is not the computer's. */
  explainedBy: Id.nullable(),
  /** One sentence an admin reads. */
  description: z.string(),
});
export type TroubleSign = z.infer<typeof TroubleSign>;

export const BestScore = z.object({
  attemptId: Id,
  percent: z.number().min(0).max(100),
  passingScore: z.number().min(0).max(100),
});
export type BestScore = z.infer<typeof BestScore>;

export const VerdictEvidence = z.object({
  /** The attempts the verdict looked at on this module, newest first. */
  attemptIds: z.array(Id),
  /** The best score in the data, if any attempt came back with one. */
  bestScore: BestScore.nullable(),
  /** The reviewed screenshot the verdict rests on (passing, or the failing one that decided it). */
  screenshotReview: ScreenshotReview.nullable(),
  knownIssueId: Id.nullable(),
  /** Completion trouble in the learner's other courses (explained or not). */
  troubleElsewhere: z.array(TroubleSign),
});
export type VerdictEvidence = z.infer<typeof VerdictEvidence>;

export const Verdict = z.object({
  kind: VerdictKind,
  headline: z.string(),
  /** Why, in plain words, most decisive first. */
  reasons: z.array(z.string()).min(1),
  /** Things to be careful about before acting (BlueBucks on a screenshot alone, reuse flags, …). */
  warnings: z.array(z.string()),
  /** The article's steps still missing for this verdict, in the article's order. */
  missingSteps: z.array(ChecklistStep),
  /** What to do next, as one sentence. */
  nextStep: z.string(),
  /** True only for an eligible verdict with no step missing. */
  passAllowed: z.boolean(),
  /** The $BlueBucks a manual pass on this module releases (0 when the course pays none). */
  blueBucks: z.number().int().min(0),
  /** For "eligible — score data": the likely reason the completion did not register. */
  likelyCause: CompletionCause.nullable(),
  evidence: VerdictEvidence,
  /** What a manual pass would record as its evidence; null when the verdict is not eligible. */
  passEvidence: Evidence.nullable(),
});
export type Verdict = z.infer<typeof Verdict>;
