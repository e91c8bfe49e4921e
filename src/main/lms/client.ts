// Passdesk's only way to talk to the LMS Support API. Every argument is checked against the
// API's own request schemas before anything is sent, every answer is checked against the
// response schemas, and every failure arrives as an LmsError (see lms-error.ts).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  AgentsResponse,
  AttachmentResponse,
  Cursor,
  EnrollmentsQuery,
  EnrollmentsResponse,
  IdempotencyKey,
  ManualPassBody,
  ManualPassResponse,
  Me,
  PatchTicketBody,
  PostMessageBody,
  PostMessageResponse,
  ReceivedChangesPage,
  TicketResponse,
  Transcript,
  MAX_CHANGES_LIMIT,
  MAX_WAIT_MS,
} from '../../shared/lms/api';
import { Id, type Agent, type Attachment, type Enrollment, type Ticket } from '../../shared/lms/entities';
import { checksumFailure, refusedRequest, tooLargeFailure } from './explain-failure';
import { checkToken, parseLmsAddress } from './lms-address';
import { BodyTooLarge, contextOf, exchange, requestJson, type Connection, type FetchLike, type RequestSpec } from './request';

export interface LmsClientOptions {
  /** The LMS's address from Settings, e.g. "http://127.0.0.1:4000" (a trailing /api/v1 is accepted too). */
  baseUrl: string;
  token: string;
  fetch?: FetchLike;
  /** The deadline for each ordinary request, body included. */
  timeoutMs?: number;
}

export interface AttachmentContent {
  bytes: Buffer;
  contentType: string;
  /** The ETag as sent, without quotes; the demo LMS uses the file's sha256. */
  etag: string | null;
}

/** The page checked strictly, its changes one by one later: see ReceivedChangesPage. */
export type ChangesPageResult = ReceivedChangesPage;
export type PostMessageResult = z.infer<typeof PostMessageResponse>;
export type ManualPassResult = z.infer<typeof ManualPassResponse>;
export type TranscriptResult = z.infer<typeof Transcript>;
export type MeResult = z.infer<typeof Me>;

export interface LmsClient {
  /** The LMS address as messages show it. */
  readonly shownUrl: string;
  me(): Promise<MeResult>;
  changes(options?: { cursor?: string; limit?: number }): Promise<ChangesPageResult>;
  /** Long-poll: resolves as soon as the feed has anything after `cursor`, or empty after `timeoutMs`. */
  waitForChanges(options: { cursor?: string; timeoutMs: number; signal?: AbortSignal }): Promise<ChangesPageResult>;
  ticket(id: string): Promise<Ticket>;
  postMessage(ticketId: string, body: z.input<typeof PostMessageBody>, options: { idempotencyKey: string }): Promise<PostMessageResult>;
  patchTicket(id: string, body: z.input<typeof PatchTicketBody>, options: { ifMatch: number; idempotencyKey: string }): Promise<Ticket>;
  createManualPass(body: z.input<typeof ManualPassBody>, options: { idempotencyKey: string }): Promise<ManualPassResult>;
  enrollments(query: { learnerId: string; moduleId?: string }): Promise<Enrollment[]>;
  transcript(learnerId: string): Promise<TranscriptResult>;
  attachment(id: string): Promise<Attachment>;
  attachmentContent(id: string, options: { maxBytes: number }): Promise<AttachmentContent>;
  agents(): Promise<Agent[]>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

const Version = z.number().int().min(1);
const MaxBytes = z.number().int().min(1);
const WaitOptions = z.object({ cursor: Cursor.optional(), timeoutMs: z.number().int().min(0).max(MAX_WAIT_MS) });
const ChangesOptions = z.object({ cursor: Cursor.optional(), limit: z.number().int().min(1).max(MAX_CHANGES_LIMIT).optional() });
const ClientTimeout = z.number().int().min(1).max(10 * 60_000);

const enc = encodeURIComponent;

/** "W/"abc"" → "abc": the ETag's value, which for attachments is the sha256. */
function etagValue(header: string | null): string | null {
  if (header === null) return null;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export function createLmsClient(options: LmsClientOptions): LmsClient {
  const address = parseLmsAddress(options.baseUrl);
  const conn: Connection = { address, token: checkToken(options.token), fetch: options.fetch ?? globalThis.fetch };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!ClientTimeout.safeParse(timeoutMs).success) {
    throw new RangeError(`timeoutMs must be a whole number of milliseconds between 1 and 600000, not ${String(timeoutMs)}.`);
  }

  /** Validates one argument with the API's schema; a refusal names the field and is never sent. */
  function check<S extends z.ZodType>(schema: S, value: unknown, spec: Pick<RequestSpec, 'action' | 'method'>, field?: string): z.output<S> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw refusedRequest(contextOf(conn, spec), parsed.error, field);
    return parsed.data;
  }

  const get = <S extends z.ZodType>(path: string, action: string, schema: S, query?: RequestSpec['query']) =>
    requestJson(conn, { method: 'GET', path, action, timeoutMs, ...(query ? { query } : {}) }, schema);

  return {
    shownUrl: address.shown,

    me: () => get('/me', 'check who is signed in', Me),

    async changes(opts = {}) {
      const spec = { action: 'fetch changes', method: 'GET' } as const;
      // The server's default page size applies when none is given.
      const { cursor, limit } = check(ChangesOptions, opts, spec);
      return get('/changes', spec.action, ReceivedChangesPage, { cursor, limit });
    },

    async waitForChanges(opts) {
      const spec = { action: 'wait for changes', method: 'GET' } as const;
      const { cursor, timeoutMs: waitMs } = check(WaitOptions, { cursor: opts.cursor, timeoutMs: opts.timeoutMs }, spec);
      const query = { cursor, timeout: waitMs };
      // The server holds the request for up to waitMs by design; the ordinary deadline starts after that.
      return requestJson(
        conn,
        { ...spec, path: '/changes/wait', query, timeoutMs: waitMs + timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) },
        ReceivedChangesPage,
      );
    },

    async ticket(id) {
      const spec = { action: `load ticket ${id}`, method: 'GET' } as const;
      const ticketId = check(Id, id, spec, 'ticketId');
      return (await get(`/tickets/${enc(ticketId)}`, spec.action, TicketResponse)).ticket;
    },

    async postMessage(ticketId, body, { idempotencyKey }) {
      const spec = { action: `post a message on ticket ${ticketId}`, method: 'POST' } as const;
      const id = check(Id, ticketId, spec, 'ticketId');
      const key = check(IdempotencyKey, idempotencyKey, spec, 'idempotencyKey');
      const payload = check(PostMessageBody, body, spec);
      return requestJson(
        conn,
        { ...spec, path: `/tickets/${enc(id)}/messages`, body: payload, headers: { 'idempotency-key': key }, timeoutMs },
        PostMessageResponse,
      );
    },

    async patchTicket(id, body, { ifMatch, idempotencyKey }) {
      const spec = { action: `update ticket ${id}`, method: 'PATCH' } as const;
      const ticketId = check(Id, id, spec, 'ticketId');
      const version = check(Version, ifMatch, spec, 'ifMatch');
      const key = check(IdempotencyKey, idempotencyKey, spec, 'idempotencyKey');
      const payload = check(PatchTicketBody, body, spec);
      const answer = await requestJson(
        conn,
        {
          ...spec,
          path: `/tickets/${enc(ticketId)}`,
          body: payload,
          headers: { 'if-match': String(version), 'idempotency-key': key },
          timeoutMs,
        },
        TicketResponse,
      );
      return answer.ticket;
    },

    async createManualPass(body, { idempotencyKey }) {
      const spec = { action: 'record the manual pass', method: 'POST' } as const;
      const key = check(IdempotencyKey, idempotencyKey, spec, 'idempotencyKey');
      const payload = check(ManualPassBody, body, spec);
      return requestJson(
        conn,
        { ...spec, action: `record the manual pass of learner ${payload.learnerId} on module ${payload.moduleId}`, path: '/manual-passes', body: payload, headers: { 'idempotency-key': key }, timeoutMs },
        ManualPassResponse,
      );
    },

    async enrollments(query) {
      const spec = { action: `look up the enrollments of learner ${query.learnerId}`, method: 'GET' } as const;
      const q = check(EnrollmentsQuery, query, spec);
      return (await get('/enrollments', spec.action, EnrollmentsResponse, q)).enrollments;
    },

    async transcript(learnerId) {
      const spec = { action: `load the transcript of learner ${learnerId}`, method: 'GET' } as const;
      const id = check(Id, learnerId, spec, 'learnerId');
      return get(`/learners/${enc(id)}/transcript`, spec.action, Transcript);
    },

    async attachment(id) {
      const spec = { action: `load attachment ${id}`, method: 'GET' } as const;
      const attachmentId = check(Id, id, spec, 'attachmentId');
      return (await get(`/attachments/${enc(attachmentId)}`, spec.action, AttachmentResponse)).attachment;
    },

    async attachmentContent(id, { maxBytes }) {
      const spec = { action: `download attachment ${id}`, method: 'GET' } as const;
      const attachmentId = check(Id, id, spec, 'attachmentId');
      const limit = check(MaxBytes, maxBytes, spec, 'maxBytes');
      const ctx = contextOf(conn, spec);
      let answer;
      try {
        answer = await exchange(conn, { ...spec, path: `/attachments/${enc(attachmentId)}/content`, accept: '*/*', timeoutMs }, limit);
      } catch (error) {
        if (error instanceof BodyTooLarge) throw tooLargeFailure(ctx, `attachment ${attachmentId}`, limit, error.announced);
        throw error;
      }
      const etag = etagValue(answer.headers.get('etag'));
      // A strong sha256 ETag lets Passdesk prove the bytes are the ones the LMS stored.
      if (etag && /^[0-9a-f]{64}$/i.test(etag)) {
        const actual = createHash('sha256').update(answer.bytes).digest('hex');
        if (actual !== etag.toLowerCase()) throw checksumFailure(ctx, `attachment ${attachmentId}`);
      }
      return {
        bytes: answer.bytes,
        contentType: answer.headers.get('content-type') ?? 'application/octet-stream',
        etag,
      };
    },

    async agents() {
      return (await get('/agents', 'list the agents', AgentsResponse)).agents;
    },
  };
}
