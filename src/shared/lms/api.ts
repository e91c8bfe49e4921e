// The LMS Support API (base path /api/v1): every request body and every response, as the
// demo LMS serves them and as Passdesk's client validates them. docs/lms-api.openapi.json
// is generated from these schemas (`npm run openapi`) and a test keeps it in step.
import { z } from 'zod';
import {
  Agent,
  Attachment,
  Attempt,
  AttemptError,
  CompletionSource,
  CompletionStatus,
  EntityName,
  Enrollment,
  EnrollmentStatus,
  Environment,
  Evidence,
  Id,
  IsoTime,
  Learner,
  ManualPass,
  Message,
  Role,
  Standard,
  SuccessStatus,
  Tag,
  Ticket,
  TicketStatus,
} from './entities';
import { EntityDigest } from './state-digest';

export const API_BASE = '/api/v1';
/** Bodies over this many bytes are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_CHANGES_LIMIT = 5000;
export const MAX_WAIT_MS = 30_000;

export const ApiErrorCode = z.enum([
  'unauthorized',
  'forbidden',
  'not_found',
  'malformed_json',
  'invalid_request',
  'payload_too_large',
  'missing_idempotency_key',
  'idempotency_key_reused',
  'precondition_required',
  'version_conflict',
  'already_completed',
  'not_enrolled',
  'evidence_not_found',
  'faults_disabled',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string().min(1),
    /** Present on 412 version_conflict: the ticket as the server has it now. */
    current: Ticket.optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

// GET /me
export const Me = z.object({ id: Id, name: z.string(), email: z.string(), role: Role });
export type Me = z.infer<typeof Me>;

// GET /changes?cursor=&limit=  and  GET /changes/wait?cursor=&timeout=
export const Cursor = z.string().max(200);
export const ChangesQuery = z.object({
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_LIMIT).default(1000),
});
export const ChangesWaitQuery = z.object({
  cursor: Cursor.optional(),
  timeout: z.coerce.number().int().min(0).max(MAX_WAIT_MS).default(25_000),
});
/** A change's position in the feed: strictly increasing. */
export const ChangeSeq = z.number().int().positive();
export const ChangeOp = z.enum(['upsert', 'delete']);
/** `data` is validated per entity by the client, so one bad record is quarantined, not fatal. */
export const Change = z.discriminatedUnion('op', [
  z.object({ seq: ChangeSeq, entity: EntityName, id: Id, op: z.literal(ChangeOp.enum.upsert), data: z.unknown() }),
  z.object({ seq: ChangeSeq, entity: EntityName, id: Id, op: z.literal(ChangeOp.enum.delete), data: z.null().optional() }),
]);
export type Change = z.infer<typeof Change>;
export const ChangesPage = z.object({
  changes: z.array(Change),
  cursor: Cursor,
  hasMore: z.boolean(),
  /**
   * Only on the first page (no cursor): how many live records of each entity the feed
   * holds right now, so a first sync can show progress per entity and a time estimate.
   */
  totals: z.partialRecord(EntityName, z.number().int().min(0)).optional(),
});
export type ChangesPage = z.infer<typeof ChangesPage>;
/**
 * A changes page as Passdesk's client checks it on arrival: the page itself strictly, each
 * change only as present. The cache checks every change on its own (cache/prepared-page.ts), so
 * one change the LMS sent broken is quarantined and the rest of its page still syncs, instead of
 * the whole page failing on every try. Not in the API document: an LMS still owes every change
 * in the shape of `Change`.
 */
export const ReceivedChangesPage = ChangesPage.extend({ changes: z.array(z.unknown()) });
export type ReceivedChangesPage = z.infer<typeof ReceivedChangesPage>;

// GET /tickets/{id}
export const TicketResponse = z.object({ ticket: Ticket });

// POST /tickets/{id}/messages
export const PostMessageBody = z
  .object({
    body: z.string().min(1).max(100_000),
    author: z.enum(['agent', 'note']),
  })
  .strict();
export type PostMessageBody = z.infer<typeof PostMessageBody>;
export const PostMessageResponse = z.object({ message: Message, ticket: Ticket });

// PATCH /tickets/{id}  (header If-Match: <version>)
export const PatchTicketBody = z
  .object({
    status: TicketStatus.optional(),
    assigneeId: Id.nullable().optional(),
    learnerId: Id.nullable().optional(),
    moduleId: Id.nullable().optional(),
    tags: z.array(Tag).max(50).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Name at least one field to change.' });
export type PatchTicketBody = z.infer<typeof PatchTicketBody>;

// POST /manual-passes  (header Idempotency-Key)
export const IdempotencyKey = z.string().min(8).max(200).regex(/^[A-Za-z0-9_.:-]+$/);
export const ManualPassBody = z
  .object({
    learnerId: Id,
    moduleId: Id,
    reason: z.string().trim().min(1).max(5000),
    evidence: Evidence,
    ticketId: Id.optional(),
  })
  .strict();
export type ManualPassBody = z.infer<typeof ManualPassBody>;
export const ManualPassResponse = z.object({ manualPass: ManualPass, enrollment: Enrollment });

// GET /enrollments?learnerId=&moduleId=  (the sender's fresh re-check before a pass)
export const EnrollmentsQuery = z.object({ learnerId: Id, moduleId: Id.optional() });
export const EnrollmentsResponse = z.object({ enrollments: z.array(Enrollment) });

// GET /learners/{id}/transcript
export const TranscriptEntry = z.object({
  moduleId: Id,
  courseId: Id,
  status: EnrollmentStatus,
  completedAt: IsoTime.nullable(),
  source: CompletionSource.nullable(),
});
export const Transcript = z.object({ learner: Learner, entries: z.array(TranscriptEntry) });
export type Transcript = z.infer<typeof Transcript>;

// GET /attachments/{id}  (metadata; the bytes are at /attachments/{id}/content, ETag = sha256)
export const AttachmentResponse = z.object({ attachment: Attachment });

// GET /agents  (who a ticket can be assigned to)
export const AgentsResponse = z.object({ agents: z.array(Agent) });

// Demo LMS only: fault injection, POST /__faults (admin, and only with --allow-faults).
export const FaultSpec = z
  .object({
    /** Probability 0–1 per matching request of answering 500 without applying the write. */
    error500: z.number().min(0).max(1).default(0),
    /** Probability of dropping the connection before the request is applied. */
    resetBefore: z.number().min(0).max(1).default(0),
    /** Probability of applying the request, then dropping the connection without answering. */
    resetAfter: z.number().min(0).max(1).default(0),
    /** Added delay in milliseconds on every matching request. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Probability of sending the response a few bytes at a time, slowly. */
    trickle: z.number().min(0).max(1).default(0),
    /** Only requests whose path (after /api/v1) starts with one of these; empty = all but /__faults and /__demo. */
    paths: z.array(z.string().startsWith('/')).max(50).default([]),
  })
  .strict();
export type FaultSpec = z.infer<typeof FaultSpec>;
export const FaultsResponse = z.object({ faults: FaultSpec });

// Demo LMS only (admin token): what learners and courses do on the LMS side, so tests and
// demos can make the world change under Passdesk. Not part of the API a real LMS offers.

// POST /__demo/inbound-email — a learner writes in: a new ticket, or a reply to ticketId,
// optionally with files attached (a screenshot of the result screen, most often).
/** At most this many files on one inbound e-mail. */
export const MAX_INBOUND_ATTACHMENTS = 5;
/**
 * Decoded bytes per file. Base64 grows a file by a third, so one file this size still fits
 * the MAX_BODY_BYTES request body with room for the e-mail's text.
 */
export const MAX_INBOUND_ATTACHMENT_BYTES = 700_000;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const DemoInboundAttachment = z
  .object({
    /** The name the learner's mail client gave the file; a bare name, no folders. */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine((name) => !/[/\\]/.test(name) && [...name].every((ch) => ch.charCodeAt(0) >= 0x20), 'a file name has no folders (/ or \\) and no control characters'),
    contentType: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'a content type looks like "image/png"')
      .max(200),
    /** The file's bytes, standard base64 with padding. */
    dataBase64: z
      .string()
      .min(1)
      .max(Math.ceil(MAX_INBOUND_ATTACHMENT_BYTES / 3) * 4, `a file may be at most ${MAX_INBOUND_ATTACHMENT_BYTES} bytes`)
      .regex(BASE64, 'dataBase64 is not standard base64 (A–Z, a–z, 0–9, +, /, padded with =)'),
  })
  .strict();
export type DemoInboundAttachment = z.infer<typeof DemoInboundAttachment>;
export const DemoInboundEmailBody = z
  .object({
    fromEmail: z.string().trim().min(3).max(320),
    subject: z.string().max(1000).optional(),
    body: z.string().min(1).max(100_000),
    ticketId: Id.optional(),
    attachments: z.array(DemoInboundAttachment).max(MAX_INBOUND_ATTACHMENTS, `an e-mail may carry at most ${MAX_INBOUND_ATTACHMENTS} files`).optional(),
  })
  .strict();
export type DemoInboundEmailBody = z.infer<typeof DemoInboundEmailBody>;
/** `attachments` lists the records made for the e-mail's files, in the order they were sent (empty without files). */
export const DemoInboundEmailResponse = z.object({ ticket: Ticket, message: Message, attachments: z.array(Attachment) });

// POST /__demo/attempts — the course sends its data for a learner on a module.
export const DemoAttemptBody = z
  .object({
    learnerId: Id,
    moduleId: Id,
    standard: Standard.default('scorm12'),
    completionStatus: CompletionStatus.nullable().default('completed'),
    successStatus: SuccessStatus.nullable().default('passed'),
    /** Percent unless scoreMin/scoreMax say otherwise; null = the course sent no score. */
    scoreRaw: z.number().nullable().default(null),
    scoreMin: z.number().nullable().optional(),
    scoreMax: z.number().nullable().optional(),
    sessionTime: z.number().min(0).nullable().default(null),
    suspendDataLength: z.number().int().min(0).max(70_000).default(0),
    environment: Environment.optional(),
    errors: z.array(AttemptError).max(100).default([]),
    /** Raw key/values; when left out they are written the way the standard's runtime would. */
    cmi: z.record(z.string().max(255), z.string().max(70_000)).optional(),
    /** Whether the LMS registers the completion (tracked); by default when completionStatus is "completed". */
    registerCompletion: z.boolean().optional(),
  })
  .strict();
export type DemoAttemptBody = z.infer<typeof DemoAttemptBody>;
export const DemoAttemptResponse = z.object({ attempt: Attempt, enrollment: Enrollment });

// POST /__demo/complete — the learner completes the module on their own (tracked).
export const DemoCompleteBody = z.object({ learnerId: Id, moduleId: Id }).strict();
export const DemoCompleteResponse = z.object({ enrollment: Enrollment });

// GET /__demo/state-digest — count and checksum per entity (src/shared/lms/state-digest.ts).
export const StateDigestResponse = z.object({ digest: z.record(EntityName, EntityDigest) });
export type StateDigestResponse = z.infer<typeof StateDigestResponse>;
