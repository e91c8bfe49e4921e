// The LMS's records as its change feed sends them. The client relies on exactly these
// fields; anything else the server sends is ignored (z.object strips unknown keys), so a
// newer LMS can add fields without breaking an older Passdesk.
import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export const IsoTime = z.iso.datetime({ offset: true });
const Name = z.string().min(1).max(300);
const Email = z.string().min(3).max(320);

export const Role = z.enum(['agent', 'admin']);
export type Role = z.infer<typeof Role>;

export const Category = z.object({ id: Id, name: Name });
export const Course = z.object({
  id: Id,
  categoryId: Id,
  name: Name,
  /** The incentive paid to the learner on completion; 0 means none. */
  blueBucks: z.number().int().min(0).max(1_000_000),
});
export const Module = z.object({
  id: Id,
  courseId: Id,
  name: Name,
  /** Percent, 0–100, compared with an attempt's score normalised to percent. */
  passingScore: z.number().min(0).max(100),
});
export const Workplace = z.object({ id: Id, name: Name });
export const Learner = z.object({ id: Id, name: Name, email: Email, workplaceId: Id });

export const EnrollmentStatus = z.enum(['not_started', 'in_progress', 'completed']);
export const CompletionSource = z.enum(['tracked', 'manual']);
export const Enrollment = z.object({
  id: Id,
  learnerId: Id,
  moduleId: Id,
  status: EnrollmentStatus,
  completedAt: IsoTime.nullable(),
  completionSource: CompletionSource.nullable(),
});

export const Standard = z.enum(['scorm12', 'scorm2004', 'xapi']);
export const CompletionStatus = z.enum(['completed', 'incomplete', 'not_attempted', 'unknown']);
export const SuccessStatus = z.enum(['passed', 'failed', 'unknown']);
export const AttemptError = z.object({
  at: IsoTime,
  /** The runtime's error code as the course reported it, e.g. "101" or "LMSCommit". */
  code: z.string().max(64),
  message: z.string().max(2000),
});
export const Environment = z.object({
  os: z.string().max(100),
  browser: z.string().max(100),
  userAgent: z.string().max(1000),
});
export const Attempt = z.object({
  id: Id,
  learnerId: Id,
  moduleId: Id,
  startedAt: IsoTime,
  /** When the course last sent anything; null when no data ever came back. */
  lastDataAt: IsoTime.nullable(),
  standard: Standard,
  completionStatus: CompletionStatus.nullable(),
  successStatus: SuccessStatus.nullable(),
  scoreRaw: z.number().nullable(),
  scoreMin: z.number().nullable(),
  scoreMax: z.number().nullable(),
  scoreScaled: z.number().min(-1).max(1).nullable(),
  /** Seconds, normalised from SCORM 1.2 HHHH:MM:SS / SCORM 2004 ISO 8601 durations. */
  sessionTime: z.number().min(0).nullable(),
  suspendDataLength: z.number().int().min(0),
  environment: Environment,
  errors: z.array(AttemptError).max(1000),
  /** Raw key/values exactly as the course sent them. */
  cmi: z.record(z.string().max(255), z.string().max(70_000)),
});

export const TicketStatus = z.enum(['new', 'open', 'waiting', 'resolved']);
export const Tag = z.string().min(1).max(40);
export const Ticket = z.object({
  id: Id,
  subject: z.string().max(1000),
  fromEmail: Email,
  learnerId: Id.nullable(),
  moduleId: Id.nullable(),
  status: TicketStatus,
  assigneeId: Id.nullable(),
  tags: z.array(Tag).max(50),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  version: z.number().int().min(1),
});
export const MessageAuthor = z.enum(['learner', 'agent', 'note']);
export const Message = z.object({
  id: Id,
  ticketId: Id,
  author: MessageAuthor,
  authorId: Id.nullable(),
  body: z.string().max(200_000),
  createdAt: IsoTime,
});
export const Attachment = z.object({
  id: Id,
  ticketId: Id,
  messageId: Id,
  fileName: z.string().max(1000),
  contentType: z.string().max(200),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const KnownIssue = z.object({
  id: Id,
  categoryId: Id,
  courseId: Id.nullable(),
  os: z.string().max(100).nullable(),
  browser: z.string().max(100).nullable(),
  description: z.string().max(5000),
  since: IsoTime,
  until: IsoTime.nullable(),
});
export const Agent = z.object({ id: Id, name: Name, email: Email, role: Role });

export const EvidenceKind = z.enum(['score_data', 'screenshot', 'known_issue']);
export const Evidence = z
  .object({
    kind: EvidenceKind,
    attemptId: Id.optional(),
    attachmentId: Id.optional(),
    knownIssueId: Id.optional(),
  })
  .strict();
export const ManualPass = z.object({
  id: Id,
  learnerId: Id,
  moduleId: Id,
  passedAt: IsoTime,
  passedBy: Id,
  reason: z.string().max(5000),
  evidence: Evidence,
  ticketId: Id.nullable(),
});

/** Every entity of the change feed, by the name the feed uses. */
export const entitySchemas = {
  category: Category,
  course: Course,
  module: Module,
  workplace: Workplace,
  learner: Learner,
  enrollment: Enrollment,
  attempt: Attempt,
  ticket: Ticket,
  message: Message,
  attachment: Attachment,
  known_issue: KnownIssue,
  agent: Agent,
  manual_pass: ManualPass,
} as const;
export type EntityName = keyof typeof entitySchemas;
export const EntityName = z.enum(Object.keys(entitySchemas) as [EntityName, ...EntityName[]]);
export type EntityRecord<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;

export type Category = z.infer<typeof Category>;
export type Course = z.infer<typeof Course>;
export type Module = z.infer<typeof Module>;
export type Workplace = z.infer<typeof Workplace>;
export type Learner = z.infer<typeof Learner>;
export type Enrollment = z.infer<typeof Enrollment>;
export type Attempt = z.infer<typeof Attempt>;
export type Ticket = z.infer<typeof Ticket>;
export type Message = z.infer<typeof Message>;
export type Attachment = z.infer<typeof Attachment>;
export type KnownIssue = z.infer<typeof KnownIssue>;
export type Agent = z.infer<typeof Agent>;
export type Evidence = z.infer<typeof Evidence>;
export type ManualPass = z.infer<typeof ManualPass>;
export type TicketStatus = z.infer<typeof TicketStatus>;
export type Standard = z.infer<typeof Standard>;
export type CompletionStatus = z.infer<typeof CompletionStatus>;
export type SuccessStatus = z.infer<typeof SuccessStatus>;
export type AttemptError = z.infer<typeof AttemptError>;
export type MessageAuthor = z.infer<typeof MessageAuthor>;
