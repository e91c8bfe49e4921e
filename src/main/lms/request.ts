// One HTTP exchange with the LMS: builds the request, enforces the deadline, reads the body
// (with a size limit when asked), and turns every way it can fail into an LmsError. What a
// successful body means is the caller's business (JSON + schema, or raw bytes).
import type { z } from 'zod';
import {
  cancelledFailure,
  networkFailure,
  notJsonFailure,
  parseRetryAfter,
  schemaFailure,
  statusFailure,
  timeoutFailure,
  type Phase,
  type RequestContext,
} from './explain-failure';
import { LmsError } from './lms-error';
import type { LmsAddress } from './lms-address';

export type FetchLike = typeof globalThis.fetch;

export interface Connection {
  address: LmsAddress;
  token: string;
  fetch: FetchLike;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path after /api/v1, with ids already encoded: "/tickets/t-1/messages". */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  accept?: string;
  action: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Raised by readBody when the limit is passed; turned into a 'too_large' LmsError by the caller. */
export class BodyTooLarge extends Error {
  constructor(readonly announced: number | undefined) {
    super('body over the limit');
  }
}

export function contextOf(conn: Connection, spec: Pick<RequestSpec, 'action' | 'method'>): RequestContext {
  return { lmsUrl: conn.address.shown, action: spec.action, method: spec.method, secret: conn.token };
}

function urlOf(conn: Connection, spec: RequestSpec): string {
  const url = new URL(`${conn.address.apiRoot}${spec.path}`);
  for (const [name, value] of Object.entries(spec.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

/**
 * Reads the whole body, refusing to hold more than maxBytes: a Content-Length over the limit
 * is refused before reading, and a body without one is cut off as soon as it passes it.
 */
async function readBody(response: Response, maxBytes: number): Promise<Buffer> {
  const announcedHeader = response.headers.get('content-length');
  const announced = announcedHeader !== null && /^\d+$/.test(announcedHeader) ? Number(announcedHeader) : undefined;
  if (announced !== undefined && announced > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(announced);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(announced);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/**
 * Sends one request and returns the 2xx answer's bytes; anything else throws an LmsError.
 * The deadline covers the whole exchange, body included, so a trickling answer cannot hang
 * the sync engine.
 */
export async function exchange(conn: Connection, spec: RequestSpec, maxBodyBytes = Number.POSITIVE_INFINITY): Promise<RawAnswer> {
  const ctx = contextOf(conn, spec);
  if (spec.signal?.aborted) throw cancelledFailure(ctx);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, spec.timeoutMs);
  const onCallerAbort = () => controller.abort();
  spec.signal?.addEventListener('abort', onCallerAbort, { once: true });
  // Which of our own reasons stopped it matters more than the shape of the error fetch threw.
  const explain = (cause: unknown, phase: Phase): LmsError => {
    if (cause instanceof LmsError) return cause;
    if (timedOut) return timeoutFailure(ctx, spec.timeoutMs);
    if (spec.signal?.aborted) return cancelledFailure(ctx);
    return networkFailure(ctx, cause, phase);
  };

  const headers: Record<string, string> = {
    accept: spec.accept ?? 'application/json',
    authorization: `Bearer ${conn.token}`,
    ...spec.headers,
  };
  let body: string | undefined;
  if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    headers['content-type'] = 'application/json';
  }

  try {
    let response: Response;
    try {
      response = await conn.fetch(urlOf(conn, spec), { method: spec.method, headers, body, signal: controller.signal, redirect: 'follow' });
    } catch (cause) {
      throw explain(cause, 'connect');
    }
    if (response.status < 200 || response.status > 299) {
      let bodyText: string;
      try {
        // An error body is a sentence, not a payload; a huge one is cut rather than held.
        bodyText = (await readBody(response, 64 * 1024)).toString('utf8');
      } catch (cause) {
        bodyText = '';
        if (!(cause instanceof BodyTooLarge)) throw explain(cause, 'body');
      }
      throw statusFailure(ctx, {
        status: response.status,
        statusText: response.statusText,
        bodyText,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
      });
    }
    try {
      const bytes = await readBody(response, maxBodyBytes);
      return { status: response.status, headers: response.headers, bytes };
    } catch (cause) {
      if (cause instanceof BodyTooLarge) throw cause;
      throw explain(cause, 'body');
    }
  } finally {
    clearTimeout(timer);
    spec.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** A 2xx JSON answer, validated against the API's schema for it. */
export async function requestJson<S extends z.ZodType>(conn: Connection, spec: RequestSpec, schema: S): Promise<z.infer<S>> {
  const answer = await exchange(conn, spec);
  const ctx = contextOf(conn, spec);
  const text = answer.bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notJsonFailure(ctx, answer.headers.get('content-type'), text);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw schemaFailure(ctx, parsed.error);
  return parsed.data;
}
