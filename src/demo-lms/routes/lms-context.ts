// What every handler works with: the signed-in agent and the request, and the LMS's stores.
import type { IncomingHttpHeaders } from 'node:http';
import type { FaultSpec } from '../../shared/lms/api';
import type { Agent } from '../../shared/lms/entities';
import type { ChangeWaiters } from '../feed/change-waiters';
import type { Reply } from '../http/reply';
import type { AuditLog } from '../store/audit-log';
import type { BlobStore } from '../store/blob-store';
import type { IdempotencyStore } from '../store/idempotency-store';
import type { RecordStore } from '../store/record-store';

export interface LmsState {
  store: RecordStore;
  blobs: BlobStore;
  idempotency: IdempotencyStore;
  audit: AuditLog;
  waiters: ChangeWaiters;
  feedId: string;
  sha256: (text: string) => string;
  /** ISO time of a write. */
  now: () => string;
  /** A fresh record id with the entity's prefix, e.g. "msg". */
  newId: (prefix: string) => string;
  faults: { spec: FaultSpec; changeable: boolean };
}

export interface RequestContext {
  agent: Agent;
  method: string;
  /** The path after /api/v1, e.g. "/tickets/tkt_000001". */
  apiPath: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Aborted when the client goes away (a long-poll stops waiting). */
  signal: AbortSignal;
}

export type Handler = (ctx: RequestContext, lms: LmsState) => Reply | Promise<Reply>;

export function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function param(ctx: RequestContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`The route has no :${name} parameter.`);
  return value;
}
