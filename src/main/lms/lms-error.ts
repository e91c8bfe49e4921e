// What can go wrong when Passdesk talks to the LMS, as one typed error. The sync engine
// decides from `kind` and `retryable` whether to try again; people read `message`, which
// says what happened and what to do about it. No message ever contains the sign-in token.
import type { Ticket } from '../../shared/lms/entities';

export type LmsErrorKind =
  /** The LMS could not be reached, or the connection broke before the answer was complete. */
  | 'network'
  /** The LMS did not answer within the time allowed. */
  | 'timeout'
  /** The LMS answered 5xx: its own fault, usually temporary. */
  | 'server'
  /** The LMS refused the request with a 4xx. */
  | 'http'
  /** The answer was not JSON, did not match the API's schema, or was larger than allowed. */
  | 'invalid_response'
  /** Passdesk itself refused to send the request: a value is not one the API accepts. */
  | 'invalid_request'
  /** The caller withdrew the request (its AbortSignal fired); nothing to report to anyone. */
  | 'cancelled';

export interface LmsErrorInit {
  kind: LmsErrorKind;
  message: string;
  /** The server's error code for 'http'/'server', otherwise a code naming what Passdesk saw. */
  code: string;
  /** HTTP status when the LMS answered at all. */
  status?: number;
  /** The LMS's own sentence, when it sent one. */
  serverMessage?: string;
  /** On 412 version_conflict: the ticket as the LMS has it now. */
  current?: Ticket;
  /** From a Retry-After header (429, 503), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** 429 asks the client to slow down, not to give up; every other 4xx will fail the same way again. */
export function isRetryable(kind: LmsErrorKind, status?: number): boolean {
  switch (kind) {
    case 'network':
    case 'timeout':
    case 'server':
      return true;
    case 'http':
      return status === 429;
    case 'invalid_response':
    case 'invalid_request':
    case 'cancelled':
      return false;
  }
}

export class LmsError extends Error {
  readonly kind: LmsErrorKind;
  readonly code: string;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly current: Ticket | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: LmsErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'LmsError';
    this.kind = init.kind;
    this.code = init.code;
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.current = init.current;
    this.retryAfterMs = init.retryAfterMs;
    this.retryable = isRetryable(init.kind, init.status);
  }

  /** A plain record for logs and the IPC envelope; `cause` stays out of it on purpose. */
  toJSON(): Omit<LmsErrorInit, 'cause'> & { retryable: boolean } {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.serverMessage === undefined ? {} : { serverMessage: this.serverMessage }),
      ...(this.current === undefined ? {} : { current: this.current }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
    };
  }
}

export function isLmsError(error: unknown): error is LmsError {
  return error instanceof LmsError;
}
