// Turns what Passdesk observed during one request (a refused connection, a status and its
// body, a body that does not parse) into an LmsError whose message says what happened and
// what to do. Pure: no I/O, so every wording is testable without a server.
import type { z } from 'zod';
import { ApiErrorBody } from '../../shared/lms/api';
import { LmsError, type LmsErrorInit } from './lms-error';

export interface RequestContext {
  /** The LMS address as the user configured it, without credentials: "http://127.0.0.1:4000". */
  lmsUrl: string;
  /** What Passdesk was asking for, as a bare infinitive: "load ticket t-12". */
  action: string;
  method: string;
  /** Scrubbed from every message, in case a server or proxy echoes it back. */
  secret: string;
}

function build(ctx: RequestContext, init: LmsErrorInit): LmsError {
  return new LmsError({
    ...init,
    message: scrub(init.message, ctx.secret),
    ...(init.serverMessage === undefined ? {} : { serverMessage: scrub(init.serverMessage, ctx.secret) }),
  });
}

export function scrub(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('[token]') : text;
}

const isWrite = (ctx: RequestContext) => ctx.method !== 'GET' && ctx.method !== 'HEAD';

/** The Node/undici error code buried somewhere in a fetch failure's cause chain. */
export function findErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
    const inner = (current as { errors?: unknown }).errors;
    if (Array.isArray(inner)) {
      for (const e of inner) {
        const found = findErrorCode(e);
        if (found) return found;
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The errno/undici code in words; the code itself stays in LmsError.code for logs. */
export function describeNetworkCode(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
      return 'the host name could not be found';
    case 'EAI_AGAIN':
      return 'the host name could not be looked up (DNS did not answer)';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'the connection was cut off';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection attempt timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return 'there is no network route to it';
    default:
      if (code && (code.includes('CERT') || code.includes('SELF_SIGNED') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')) {
        return `its HTTPS certificate is not trusted (${code})`;
      }
      return fallback;
  }
}

export type Phase = 'connect' | 'body';

export function networkFailure(ctx: RequestContext, cause: unknown, phase: Phase): LmsError {
  const code = findErrorCode(cause);
  // undici's bare "fetch failed" (also what a proxy's 407 becomes) says nothing a person can use.
  const fallback = cause instanceof Error && cause.message && cause.message !== 'fetch failed' ? cause.message : 'the connection failed (a proxy or firewall may have refused it)';
  const reason = describeNetworkCode(code, fallback);
  const maybeApplied = isWrite(ctx)
    ? ' The change may or may not have reached the LMS; Passdesk sends it again with the same idempotency key, so it is recorded once.'
    : '';
  const message =
    phase === 'connect'
      ? `The LMS at ${ctx.lmsUrl} could not be reached to ${ctx.action}: ${reason}. Check the URL in Settings or your network.${maybeApplied}`
      : `The connection to the LMS at ${ctx.lmsUrl} broke before the answer to "${ctx.action}" was complete: ${reason}. Passdesk will try again.${maybeApplied}`;
  return build(ctx, { kind: 'network', code: code ?? (phase === 'connect' ? 'unreachable' : 'connection_broken'), message, cause });
}

export function timeoutFailure(ctx: RequestContext, timeoutMs: number): LmsError {
  const seconds = timeoutMs >= 10_000 ? Math.round(timeoutMs / 1000) : Math.round(timeoutMs / 100) / 10;
  const maybeApplied = isWrite(ctx) ? ' If the change did reach the LMS, sending it again with the same idempotency key records it once.' : '';
  return build(ctx, {
    kind: 'timeout',
    code: 'timeout',
    message: `The LMS at ${ctx.lmsUrl} did not answer within ${seconds} s when asked to ${ctx.action}. It may be slow or overloaded; Passdesk will try again.${maybeApplied}`,
  });
}

export function cancelledFailure(ctx: RequestContext): LmsError {
  return build(ctx, { kind: 'cancelled', code: 'cancelled', message: `Passdesk stopped the request to ${ctx.action} before the LMS answered.` });
}

/** Seconds or an HTTP date, as RFC 9110 allows; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function hintFor(status: number, understood: boolean): string {
  switch (status) {
    case 401:
      return ' Check the token in Settings.';
    case 403:
      return ' Your role on the LMS does not allow this; an admin can do it.';
    case 404:
      return understood ? '' : ' Check that the URL in Settings points at the LMS Support API.';
    case 412:
      return ' Someone else changed this ticket first; look at their change, then try again.';
    case 429:
      return ' The LMS asked Passdesk to slow down; it will try again shortly.';
    default:
      return '';
  }
}

export interface StatusObservation {
  status: number;
  statusText: string;
  /** The raw body text (may be empty or not JSON at all). */
  bodyText: string;
  retryAfterMs: number | undefined;
}

/** A non-2xx answer: 5xx → 'server', anything else → 'http', keeping the LMS's own code and words. */
export function statusFailure(ctx: RequestContext, seen: StatusObservation): LmsError {
  const parsed = parseErrorBody(seen.bodyText);
  const code = parsed?.code ?? `http_${seen.status}`;
  const label = parsed ? `${seen.status} ${parsed.code}` : `HTTP ${seen.status}${seen.statusText ? ` ${seen.statusText}` : ''}`;
  const said = parsed ? `: ${trimSentence(parsed.message)}.` : '.';
  const common = {
    code,
    status: seen.status,
    ...(parsed ? { serverMessage: parsed.message } : {}),
    ...(seen.retryAfterMs === undefined ? {} : { retryAfterMs: seen.retryAfterMs }),
  };
  if (seen.status >= 500) {
    return build(ctx, {
      ...common,
      kind: 'server',
      message: `The LMS at ${ctx.lmsUrl} failed to ${ctx.action} (${label})${said} The problem is on the LMS's side; Passdesk will try again.`,
    });
  }
  return build(ctx, {
    ...common,
    kind: 'http',
    ...(parsed?.current ? { current: parsed.current } : {}),
    message: `The LMS refused to ${ctx.action} (${label})${said}${hintFor(seen.status, parsed !== undefined)}`,
  });
}

function parseErrorBody(text: string): z.infer<typeof ApiErrorBody>['error'] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = ApiErrorBody.safeParse(json);
  return result.success ? result.data.error : undefined;
}

function trimSentence(text: string): string {
  return text.trim().replace(/[.!]+$/, '');
}

export function notJsonFailure(ctx: RequestContext, contentType: string | null, bodyText: string): LmsError {
  const start = bodyText.trim().slice(0, 60).replace(/\s+/g, ' ');
  const shown = start.length === 0 ? 'an empty body' : `${contentType ?? 'no content type'}, starting "${start}${bodyText.trim().length > 60 ? '…' : ''}"`;
  return build(ctx, {
    kind: 'invalid_response',
    code: 'not_json',
    message: `The LMS at ${ctx.lmsUrl} sent an answer that is not JSON when asked to ${ctx.action} (${shown}). Check that the URL in Settings points at the LMS Support API.`,
  });
}

/** "ticket.version: expected number, received string; …" — the fields, so a developer can find the mismatch. */
export function listIssues(error: z.ZodError, whole: string): string {
  const items = error.issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : whole}: ${i.message}`);
  const shown = items.slice(0, 3).join('; ');
  return items.length > 3 ? `${shown} (and ${items.length - 3} more)` : shown;
}

export function schemaFailure(ctx: RequestContext, error: z.ZodError): LmsError {
  return build(ctx, {
    kind: 'invalid_response',
    code: 'schema_mismatch',
    message: `The LMS at ${ctx.lmsUrl} sent an answer Passdesk does not understand when asked to ${ctx.action} — ${listIssues(error, '(whole answer)')}. The LMS may speak a different version of the Support API.`,
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export function tooLargeFailure(ctx: RequestContext, what: string, maxBytes: number, announced: number | undefined): LmsError {
  const size = announced === undefined ? 'more than that' : formatBytes(announced);
  return build(ctx, {
    kind: 'invalid_response',
    code: 'too_large',
    message: `Passdesk stopped downloading ${what}: it accepts at most ${formatBytes(maxBytes)} and the file is ${size}. Ask the learner for a smaller screenshot.`,
  });
}

export function checksumFailure(ctx: RequestContext, what: string): LmsError {
  return build(ctx, {
    kind: 'invalid_response',
    code: 'checksum_mismatch',
    message: `The bytes of ${what} do not match the checksum the LMS gave for them (ETag), so the file was changed or damaged on the way. Passdesk will not show it.`,
  });
}

export function refusedRequest(ctx: RequestContext, error: z.ZodError, field = '(whole request)'): LmsError {
  return build(ctx, {
    kind: 'invalid_request',
    code: 'invalid_request',
    message: `Passdesk did not send the request to ${ctx.action}, because the LMS would refuse it — ${listIssues(error, field)}.`,
  });
}
