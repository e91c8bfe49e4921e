// An API refusal: the HTTP status, the snake_case code a client branches on, and a sentence
// a person can act on. Thrown anywhere in a handler; the server turns it into the error body.
import type { ApiErrorCode } from '../../shared/lms/api';
import type { Ticket } from '../../shared/lms/entities';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Sent on 412 version_conflict: the ticket as it is now. */
    readonly current?: Ticket,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const invalidRequest = (message: string) => new ApiError(400, 'invalid_request', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
