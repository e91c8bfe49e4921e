// Channels of the manual pass: the help article's Admin > Training > Manual Pass panel
// (Course Category → module → enrolled users → Mark Complete), the pass requests main
// re-checks, queues and sends exactly once, their audit trail, the learner's transcript for
// the double-check, and the agents' proposals waiting in an admin's queue.
import { z } from 'zod';
import { Transcript } from '../lms/api';
import { EnrollmentStatus, CompletionSource, Evidence, Id, IsoTime, TicketStatus } from '../lms/entities';
import { ScreenshotReview, Verdict, VerdictKind } from '../verdict';
import type { ChannelSpec } from './channel-spec';

/** queued ──▶ sending ──▶ confirmed ──▶ verified; sending ──▶ rejected | superseded; queued ──▶ cancelled. */
export const PassState = z.enum(['queued', 'sending', 'confirmed', 'verified', 'rejected', 'superseded', 'cancelled']);
export type PassState = z.infer<typeof PassState>;
export const passStates = PassState.options;

/** An admin override of an ineligible verdict must be argued in at least this many characters. */
export const OVERRIDE_REASON_MIN = 20;
/** A request may pass at most this many learners at once (a workplace's known issue). */
export const MAX_LEARNERS_PER_REQUEST = 200;
export const UNDO_WINDOW_DEFAULT_SECONDS = 10;
export const UNDO_WINDOW_MAX_SECONDS = 120;

const Page = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(25),
};
const Keyword = z.string().trim().max(200);

// ── Course Category → module ──────────────────────────────────────────────────────────

export const PassCategory = z.object({ id: Id, name: z.string(), modules: z.number().int().min(0) });
export type PassCategory = z.infer<typeof PassCategory>;

export const PassModule = z.object({
  id: Id,
  name: z.string(),
  courseId: Id,
  courseName: z.string(),
  categoryId: Id,
  categoryName: z.string(),
  /** What the course pays each learner on completion; 0 = none. */
  blueBucks: z.number().int().min(0),
  passingScore: z.number(),
});
export type PassModule = z.infer<typeof PassModule>;

// ── Enrolled users ──────────────────────────────────────────────────────────────────────

export const VerdictSummary = z.object({
  kind: VerdictKind,
  headline: z.string(),
  passAllowed: z.boolean(),
  /** The first reason, for the row; the full verdict comes with passes.review. */
  reason: z.string(),
});
export type VerdictSummary = z.infer<typeof VerdictSummary>;

export const LinkedTicket = z.object({ id: Id, subject: z.string(), status: TicketStatus, moduleId: Id.nullable() });
export type LinkedTicket = z.infer<typeof LinkedTicket>;

export const PassBrief = z.object({ id: z.string(), state: PassState, override: z.boolean(), alert: z.string().nullable() });
export type PassBrief = z.infer<typeof PassBrief>;

export const EnrolledUser = z.object({
  learnerId: Id,
  name: z.string(),
  email: z.string(),
  workplaceId: Id,
  workplaceName: z.string(),
  status: EnrollmentStatus,
  completedAt: IsoTime.nullable(),
  completionSource: CompletionSource.nullable(),
  verdict: VerdictSummary.nullable(),
  tickets: z.array(LinkedTicket),
  /** The latest pass request for this learner on this module, if any. */
  pass: PassBrief.nullable(),
});
export type EnrolledUser = z.infer<typeof EnrolledUser>;

export const UsersQuery = z
  .object({
    moduleId: Id,
    /** Words matched against the learner's name and e-mail (each word as a prefix). */
    keyword: Keyword.default(''),
    workplaceId: Id.nullable().default(null),
    ...Page,
  })
  .strict();
export const UsersPage = z.object({
  module: PassModule,
  users: z.array(EnrolledUser),
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
});
export type UsersPage = z.infer<typeof UsersPage>;

export const ModuleWorkplace = z.object({ id: Id, name: z.string(), enrolled: z.number().int().min(0), notCompleted: z.number().int().min(0) });
export type ModuleWorkplace = z.infer<typeof ModuleWorkplace>;

// ── The confirmation: what each pass would rest on ─────────────────────────────────────

export const AttemptFacts = z.object({
  id: Id,
  startedAt: IsoTime,
  lastDataAt: IsoTime.nullable(),
  scorePercent: z.number().nullable(),
  completionStatus: z.string().nullable(),
  successStatus: z.string().nullable(),
  os: z.string(),
  browser: z.string(),
});
export const KnownIssueFacts = z.object({ id: Id, description: z.string(), os: z.string().nullable(), browser: z.string().nullable() });
export const ScreenshotFacts = z.object({ attachmentId: Id, ticketId: Id, fileName: z.string(), sha256: z.string(), review: ScreenshotReview.nullable() });

/** The evidence a pass rests on, spelled out for a person (and frozen in the pass's snapshot). */
export const EvidenceFacts = z.object({
  evidence: Evidence,
  attempt: AttemptFacts.nullable(),
  screenshot: ScreenshotFacts.nullable(),
  knownIssue: KnownIssueFacts.nullable(),
});
export type EvidenceFacts = z.infer<typeof EvidenceFacts>;

export const LearnerReview = z.object({
  learnerId: Id,
  name: z.string(),
  email: z.string(),
  workplaceName: z.string(),
  status: EnrollmentStatus.nullable(),
  verdict: Verdict,
  /** The evidence main proposes (the verdict's), spelled out; null when the verdict names none. */
  proposed: EvidenceFacts.nullable(),
  tickets: z.array(LinkedTicket),
  pendingPass: PassBrief.nullable(),
});
export type LearnerReview = z.infer<typeof LearnerReview>;

export const ReviewQuery = z
  .object({
    moduleId: Id,
    learnerIds: z.array(Id).min(1).max(MAX_LEARNERS_PER_REQUEST),
    /** The ticket each pass is for, when it is for one: its checklist counts in the verdict. */
    tickets: z.array(z.object({ learnerId: Id, ticketId: Id }).strict()).max(MAX_LEARNERS_PER_REQUEST).default([]),
  })
  .strict();
export const PassReview = z.object({
  module: PassModule,
  learners: z.array(LearnerReview),
  /** The ticket each learner's verdict was judged with (absent: none). */
  tickets: z.record(z.string(), Id),
  /** $BlueBucks the passes would release: the course's amount × learners. */
  blueBucksTotal: z.number().int().min(0),
  /** What must be typed to confirm when the course pays $BlueBucks; null when nothing must be typed. */
  typeToConfirm: z.string().nullable(),
});
export type PassReview = z.infer<typeof PassReview>;

// ── The request ─────────────────────────────────────────────────────────────────────────

export const PassItem = z
  .object({
    learnerId: Id,
    evidence: Evidence,
    ticketId: Id.nullable().default(null),
  })
  .strict();
export const PassRequestInput = z
  .object({
    moduleId: Id,
    passes: z.array(PassItem).min(1).max(MAX_LEARNERS_PER_REQUEST),
    reason: z.string().trim().min(1, 'Write why these learners are passed.').max(5000),
    /** Pass although the verdict does not allow it; needs a reason of at least OVERRIDE_REASON_MIN characters. */
    override: z.boolean().default(false),
    /** What the admin typed to confirm ($BlueBucks courses): the learner's name, or the number of learners. */
    typedConfirmation: z.string().max(300).default(''),
    /** Once verified, also send the learner the canned "you have been passed" reply on the ticket. */
    replyToLearner: z.boolean().default(false),
    /** Set when the request comes from an agent's proposal in the admin queue. */
    proposalId: z.string().min(1).max(100).nullable().default(null),
  })
  .strict();
export type PassRequestInput = z.input<typeof PassRequestInput>;

export const PassSummary = z.object({
  id: z.string(),
  learnerId: Id,
  learnerName: z.string(),
  moduleId: Id,
  moduleName: z.string(),
  courseName: z.string(),
  blueBucks: z.number().int().min(0),
  ticketId: Id.nullable(),
  state: PassState,
  /** Why it is in this state (the LMS's refusal, the completion that superseded it, …). */
  stateReason: z.string().nullable(),
  override: z.boolean(),
  verdictKind: VerdictKind,
  reason: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: IsoTime,
  /** When the undo window ends (the pass goes out then, or when the LMS is next reachable). */
  undoUntil: IsoTime,
  /** Nothing of it has reached the LMS yet, so it can still be cancelled. */
  cancellable: z.boolean(),
  /** While it waits for the LMS: why, in words (offline, retrying after an error …). */
  waitingFor: z.string().nullable(),
  updatedAt: IsoTime,
  /** The transcript disagreed with the LMS's answer; someone must look. */
  alert: z.string().nullable(),
  lmsPassId: z.string().nullable(),
  evidence: Evidence,
});
export type PassSummary = z.infer<typeof PassSummary>;

export const AuditEntry = z.object({
  seq: z.number().int().min(1),
  at: IsoTime,
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  passId: z.string().nullable(),
  detail: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const PassDetail = z.object({
  pass: PassSummary,
  evidence: EvidenceFacts,
  /** The verdict as main computed it when the pass was requested. */
  verdictAtRequest: Verdict,
  audit: z.array(AuditEntry),
});
export type PassDetail = z.infer<typeof PassDetail>;

export const PassListQuery = z
  .object({
    state: PassState.nullable().default(null),
    adminId: Id.nullable().default(null),
    moduleId: Id.nullable().default(null),
    learnerId: Id.nullable().default(null),
    ticketId: Id.nullable().default(null),
    /** ISO dates (inclusive), on the request time. */
    from: z.iso.date().nullable().default(null),
    to: z.iso.date().nullable().default(null),
    ...Page,
  })
  .strict();
export type PassListQuery = z.input<typeof PassListQuery>;
export const PassList = z.object({
  passes: z.array(PassSummary),
  total: z.number().int().min(0),
  admins: z.array(z.object({ id: z.string(), name: z.string() })),
  modules: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PassList = z.infer<typeof PassList>;

export const TranscriptView = z.object({
  transcript: Transcript,
  /** Module and course names from the cache, by module id. */
  names: z.record(z.string(), z.object({ module: z.string(), course: z.string() })),
  readAt: IsoTime,
});
export type TranscriptView = z.infer<typeof TranscriptView>;

export const ChainCheck = z.object({
  ok: z.boolean(),
  entries: z.number().int().min(0),
  /** The first entry whose hash does not follow from the one before; null when the chain holds. */
  brokenAt: z.number().int().nullable(),
  problem: z.string().nullable(),
  checkedAt: IsoTime,
});
export type ChainCheck = z.infer<typeof ChainCheck>;

export const PassSettings = z.object({ undoWindowSeconds: z.number().int().min(0).max(UNDO_WINDOW_MAX_SECONDS) });
export type PassSettings = z.infer<typeof PassSettings>;

// ── Agents' proposals ───────────────────────────────────────────────────────────────────

export const ProposalState = z.enum(['open', 'accepted', 'dismissed']);
export const PassProposal = z.object({
  id: z.string(),
  ticketId: Id,
  learnerId: Id,
  learnerName: z.string(),
  moduleId: Id,
  moduleName: z.string(),
  categoryId: Id,
  evidence: Evidence.nullable(),
  note: z.string(),
  proposedBy: z.string(),
  proposedByName: z.string(),
  proposedAt: IsoTime,
  state: ProposalState,
  /** The pass it became, or why it was dismissed. */
  outcome: z.string().nullable(),
});
export type PassProposal = z.infer<typeof PassProposal>;

export const ProposeInput = z
  .object({
    ticketId: Id,
    learnerId: Id,
    moduleId: Id,
    evidence: Evidence.nullable().default(null),
    note: z.string().trim().min(1, 'Say why this learner should be passed.').max(5000),
  })
  .strict();
export type ProposeInput = z.input<typeof ProposeInput>;

const Empty = z.object({}).strict();
const PassId = z.object({ passId: z.string().min(1).max(100) }).strict();

export const passChannels = {
  'passes.categories': { kind: 'query', input: Empty, output: z.object({ categories: z.array(PassCategory), totalModules: z.number().int().min(0) }) },
  /** The modules of one category's courses (or of all, "Select All"), each with its course and $BlueBucks. */
  'passes.modules': {
    kind: 'query',
    input: z.object({ categoryId: Id.nullable(), keyword: Keyword.default(''), ...Page }).strict(),
    output: z.object({ modules: z.array(PassModule), total: z.number().int().min(0) }),
  },
  /** "Get Users": the module's enrolled users, paginated, filtered by keyword (name, e-mail) or workplace. */
  'passes.users': { kind: 'query', input: UsersQuery, output: UsersPage },
  'passes.workplaces': { kind: 'query', input: z.object({ moduleId: Id }).strict(), output: z.object({ workplaces: z.array(ModuleWorkplace) }) },
  /** Every enrolled, not yet completed learner of a workplace on a module (the known-issue workplace case). */
  'passes.workplaceLearners': {
    kind: 'query',
    input: z.object({ moduleId: Id, workplaceId: Id }).strict(),
    output: z.object({ learnerIds: z.array(Id), total: z.number().int().min(0) }),
  },
  /** What the confirmation shows: each learner's verdict and the evidence it rests on. */
  'passes.review': { kind: 'query', input: ReviewQuery, output: PassReview },
  /** "Mark Complete" confirmed: main re-checks everything and queues the passes (admins only). */
  'passes.request': { kind: 'command', input: PassRequestInput, output: z.object({ passes: z.array(PassSummary) }) },
  /** Withdraws a pass inside its undo window. */
  'passes.cancel': { kind: 'command', input: PassId, output: PassSummary },
  'passes.list': { kind: 'query', input: PassListQuery, output: PassList },
  'passes.detail': { kind: 'query', input: PassId, output: PassDetail },
  /** The learner's transcript, read from the LMS now: the article's double-check. */
  'passes.transcript': { kind: 'query', input: z.object({ learnerId: Id }).strict(), output: TranscriptView },
  'passes.auditCheck': { kind: 'query', input: Empty, output: ChainCheck },
  'passes.auditExport': {
    kind: 'query',
    input: z.object({ from: z.iso.date().nullable().default(null), to: z.iso.date().nullable().default(null) }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().min(0) }),
  },
  'passes.settings': { kind: 'query', input: Empty, output: PassSettings },
  'passes.setUndoWindow': { kind: 'command', input: PassSettings.strict(), output: PassSettings },
  /** An agent asks for a manual pass from a ticket; it lands in the admins' queue. */
  'passes.propose': { kind: 'command', input: ProposeInput, output: PassProposal },
  'passes.proposals': {
    kind: 'query',
    input: z.object({ state: ProposalState.nullable().default('open'), ticketId: Id.nullable().default(null) }).strict(),
    output: z.object({ proposals: z.array(PassProposal) }),
  },
  'passes.dismissProposal': {
    kind: 'command',
    input: z.object({ proposalId: z.string().min(1).max(100), reason: z.string().trim().min(1, 'Say why the proposal is dismissed.').max(2000) }).strict(),
    output: PassProposal,
  },
} as const satisfies Record<string, ChannelSpec>;

/** Pushed whenever passes move (queued, claimed, answered, verified …) so every view stays live. */
export const PassesChanged = z.object({
  passes: z.array(PassSummary),
  /** A proposal arrived or was handled. */
  proposalsChanged: z.boolean(),
});
export type PassesChanged = z.infer<typeof PassesChanged>;
