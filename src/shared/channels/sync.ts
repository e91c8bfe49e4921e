// Channels of the sync engine: its status (always visible in the status bar), the Sync
// panel's lists — writes waiting for the LMS or refused by it, records and changes the LMS sent
// in a shape Passdesk cannot use, ticket edits that collided with someone else's — "sync now",
// and what a person does about a refused write (dismiss it, or try it again).
import { z } from 'zod';
import { PatchTicketBody } from '../lms/api';
import { EntityName, Id, Ticket } from '../lms/entities';
import type { ChannelSpec } from './channel-spec';

export const SyncPhase = z.enum([
  /** No LMS chosen or signed in yet. */
  'not_configured',
  /** Reading the whole feed for the first time; `firstSync` says how far. */
  'first_sync',
  /** Up to date and listening for changes. */
  'live',
  /** The LMS cannot be reached; retrying with backoff. */
  'offline',
  'stopped',
]);
export type SyncPhase = z.infer<typeof SyncPhase>;

export const EntityProgress = z.object({
  entity: EntityName,
  /** Records of this entity in the cache so far. */
  done: z.number().int().min(0),
  /** Records of this entity on the LMS when the first sync began; null if the LMS did not say. */
  total: z.number().int().min(0).nullable(),
});
export type EntityProgress = z.infer<typeof EntityProgress>;

export const FirstSyncProgress = z.object({
  startedAt: z.string(),
  entities: z.array(EntityProgress),
  done: z.number().int().min(0),
  total: z.number().int().min(0).nullable(),
  /** 0–1; null when the LMS did not say how many records to expect. */
  fraction: z.number().min(0).max(1).nullable(),
  /** Seconds left at the current pace; null until there is a pace to go by. */
  etaSeconds: z.number().min(0).nullable(),
});
export type FirstSyncProgress = z.infer<typeof FirstSyncProgress>;

export const SyncStatus = z.object({
  phase: SyncPhase,
  online: z.boolean(),
  lmsUrl: z.string().nullable(),
  /** When a pull from the LMS last succeeded (ISO time). */
  lastPullAt: z.string().nullable(),
  /** Writes the LMS has not confirmed yet (queued, being sent, or sent and awaiting the feed). */
  pendingWrites: z.number().int().min(0),
  /** Writes the LMS refused for good; each keeps the LMS's reason. */
  failedWrites: z.number().int().min(0),
  conflicts: z.number().int().min(0),
  quarantined: z.number().int().min(0),
  /** What is wrong right now, in words a person can act on; null when all is well. */
  error: z.string().nullable(),
  firstSync: FirstSyncProgress.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const WriteState = z.enum([
  'queued',
  'sending',
  /** Accepted by the LMS; waiting for the change feed to bring the record it made. */
  'sent',
  'confirmed',
  /** Refused by the LMS for good (or left unsent by a switch to another LMS), with why. */
  'failed',
  /** Someone changed the record first; a person chooses whose version stands. */
  'conflict',
  /** Withdrawn before it was sent, or dropped in favour of their version. */
  'discarded',
  /** A refused write a person has read and put aside; kept, no longer listed as pending. */
  'dismissed',
]);
export type WriteState = z.infer<typeof WriteState>;
export const PendingWrite = z.object({
  id: z.string(),
  kind: z.string(),
  /** One line a person understands, e.g. "Reply on ticket T-1042". */
  summary: z.string(),
  state: WriteState,
  attempts: z.number().int().min(0),
  /** When the next try is due (ISO time), for queued writes. */
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  queuedAt: z.string(),
  queuedBy: z.string().nullable(),
  /** For a refused write: whether it may be sent again (same key); main decides, per kind. */
  canTryAgain: z.boolean(),
  /** For a refused write that may not be sent again: why, in words for the panel. */
  noTryAgainReason: z.string().nullable(),
});
export type PendingWrite = z.infer<typeof PendingWrite>;

/** Quarantined changes whose envelope could not be read (no usable entity, id, op or seq) are kept under this name. */
export const FEED_CHANGE = 'feed_change';
/** What a quarantine entry holds: a record of an entity, or a change of the feed Passdesk could not read at all. */
export const QuarantinedEntity = z.union([EntityName, z.literal(FEED_CHANGE)]);
export type QuarantinedEntity = z.infer<typeof QuarantinedEntity>;

export const QuarantinedRecord = z.object({
  entity: QuarantinedEntity,
  /** The record's id; for a feed change, "<entity>/<id>", "seq <n>" or a hash of what was sent. */
  recordId: z.string(),
  reason: z.string(),
  quarantinedAt: z.string(),
  /** The start of the record as the LMS sent it. */
  preview: z.string(),
});
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>;

export const TicketConflict = z.object({
  writeId: z.string(),
  ticketId: Id,
  subject: z.string(),
  /** What this desk changed, on top of `baseVersion`. */
  mine: PatchTicketBody,
  baseVersion: z.number().int().min(1),
  /** The ticket as the LMS has it now. */
  theirs: Ticket,
  detectedAt: z.string(),
});
export type TicketConflict = z.infer<typeof TicketConflict>;

export const ConflictChoice = z.enum([
  /** Send my change again, on top of their version. */
  'mine',
  /** Keep their version; my change is dropped. */
  'theirs',
]);
export type ConflictChoice = z.infer<typeof ConflictChoice>;

const Empty = z.object({}).strict();
const WriteId = z.object({ writeId: z.string().min(1).max(200) }).strict();
const ListLimit = z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict();

export const syncChannels = {
  'sync.status': { kind: 'query', input: Empty, output: SyncStatus },
  /** Pull and send at once, skipping any backoff wait. */
  'sync.now': { kind: 'command', input: Empty, output: SyncStatus },
  /** Writes not yet confirmed by the LMS, and those it refused, oldest first. */
  'sync.pending': { kind: 'query', input: ListLimit, output: z.object({ writes: z.array(PendingWrite) }) },
  'sync.quarantine': { kind: 'query', input: ListLimit, output: z.object({ records: z.array(QuarantinedRecord), total: z.number().int().min(0) }) },
  'sync.conflicts': { kind: 'query', input: Empty, output: z.object({ conflicts: z.array(TicketConflict) }) },
  'sync.resolveConflict': {
    kind: 'command',
    input: z.object({ writeId: z.string().min(1).max(200), choice: ConflictChoice }).strict(),
    output: z.object({ conflicts: z.array(TicketConflict) }),
  },
  /** Puts a write the LMS refused aside once read: kept in the outbox, no longer listed or counted. */
  'sync.dismissWrite': { kind: 'command', input: WriteId, output: SyncStatus },
  /** Sends a refused write again with the same idempotency key, where its kind allows it. */
  'sync.tryWriteAgain': { kind: 'command', input: WriteId, output: SyncStatus },
} as const satisfies Record<string, ChannelSpec>;
