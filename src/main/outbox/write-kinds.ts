// The sender's dispatch table: one entry per kind of write, saying how its payload looks,
// how to describe it to a person, how to send it, and how its local effect follows its fate.
// Features add their kinds (the manual pass brings its own) without touching the sender.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { LmsClient } from '../lms/client';
import type { OutboxEntry, OutboxState } from './outbox-store';

/** The record whose arrival in the change feed confirms a write that the LMS accepted. */
export interface Confirmation {
  entity: string;
  id: string;
  /** For tickets: the version the write produced; an older copy does not confirm it. */
  version: number | null;
}

export type SendOutcome =
  /** The LMS accepted the write. With a confirmation it stays 'sent' until the feed brings that record. */
  | { outcome: 'sent'; result: unknown; confirm: Confirmation | null }
  /** The LMS refused it for good (a 4xx no retry can fix); the message is shown to the user. */
  | { outcome: 'refused'; message: string }
  /** Someone changed the record first; the user decides. `current` is the LMS's version. */
  | { outcome: 'conflict'; message: string; current: unknown };

export interface SendContext<P> {
  client: LmsClient;
  entry: OutboxEntry;
  payload: P;
  /** Send this as the Idempotency-Key: the same key on every try of this write. */
  idempotencyKey: string;
}

export interface WriteKind<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  /** One line for the Sync panel, e.g. "Reply on ticket T-1042". */
  describe(payload: P): string;
  /**
   * Sends the write. Throw the LmsError as it came for failures the sender should judge:
   * retryable ones (network, timeout, 5xx, 429) are tried again later with backoff, any
   * other is final and shown with the LMS's message.
   */
  send(context: SendContext<P>): Promise<SendOutcome>;
  /** Runs inside the transaction that moves the write to `state`, to keep its local effect in step. */
  settle?(db: Database, entry: OutboxEntry, state: OutboxState, now: Date): void;
  /** Whether a person may send a refused write of this kind again; absent means no. */
  afterRefusal?: AfterRefusal;
}

/**
 * Offer "Try again" only where a refusal left nothing behind that a new try would contradict
 * (settle moved no local record to a final state); otherwise say why, for the Sync panel.
 */
export type AfterRefusal = { tryAgain: true } | { tryAgain: false; why: string };

export const NO_TRY_AGAIN: AfterRefusal = { tryAgain: false, why: 'Passdesk does not send this kind of write again once the LMS has refused it.' };

/** A kind as the sender holds it: payload checks done inside, so one table holds every kind. */
export interface RegisteredWriteKind {
  kind: string;
  describe(payload: unknown): string;
  send(client: LmsClient, entry: OutboxEntry): Promise<SendOutcome>;
  settle?(db: Database, entry: OutboxEntry, state: OutboxState, now: Date): void;
  afterRefusal: AfterRefusal;
}

export type WriteKinds = ReadonlyMap<string, RegisteredWriteKind>;

export function defineWriteKind<P>(kind: WriteKind<P>): RegisteredWriteKind {
  return {
    kind: kind.kind,
    describe(payload) {
      const parsed = kind.payload.safeParse(payload);
      return parsed.success ? kind.describe(parsed.data) : `${kind.kind} (its stored details are damaged)`;
    },
    async send(client, entry) {
      const parsed = kind.payload.safeParse(entry.payload);
      if (!parsed.success) {
        // A payload that no longer parses will fail the same way on every try: final, and said so.
        return { outcome: 'refused', message: `Passdesk could not read this ${kind.kind} write back from its outbox (${parsed.error.issues[0]?.message ?? 'invalid'}); it was not sent.` };
      }
      return kind.send({ client, entry, payload: parsed.data, idempotencyKey: entry.idempotencyKey });
    },
    ...(kind.settle ? { settle: kind.settle.bind(kind) } : {}),
    afterRefusal: kind.afterRefusal ?? NO_TRY_AGAIN,
  };
}

/** Builds the table from kinds; two kinds with one name is a programming error, refused early. */
export function writeKinds(...kinds: RegisteredWriteKind[]): Map<string, RegisteredWriteKind> {
  const table = new Map<string, RegisteredWriteKind>();
  for (const kind of kinds) {
    if (table.has(kind.kind)) throw new Error(`Two outbox write kinds are both named "${kind.kind}".`);
    table.set(kind.kind, kind);
  }
  return table;
}
