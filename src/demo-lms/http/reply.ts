// What a handler answers: status, headers and the body bytes. Handlers return replies rather
// than writing to the socket, so fault injection can drop or trickle any answer uniformly.
import type { z } from 'zod';
import type { ApiErrorBody } from '../../shared/lms/api';
import type { ApiError } from './api-error';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function jsonText(status: number, text: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: Buffer.from(text, 'utf8') };
}

/** A JSON reply whose value is typed by the API schema it must satisfy. */
export function json<S extends z.ZodType>(_schema: S, value: z.output<S>, status = 200, headers: Record<string, string> = {}): Reply {
  return jsonText(status, JSON.stringify(value), headers);
}

export function errorReply(error: ApiError): Reply {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message, ...(error.current ? { current: error.current } : {}) } };
  return jsonText(error.status, JSON.stringify(body), error.headers);
}
