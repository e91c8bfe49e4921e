// Turns a request's JSON body or query string into a schema-checked value, or a 400 whose
// message names the field that is wrong (the zod issue path), e.g. "evidence.kind: …".
import type { z } from 'zod';
import { ApiError } from './api-error';

function describe(error: z.ZodError, what: string): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : '(the whole body)';
    return `${field}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${what} is not valid — ${parts.join('; ')}${more}. Fix ${parts.length > 1 ? 'these fields' : 'that field'} and send it again.`;
}

export function parseBody<S extends z.ZodType>(schema: S, body: Buffer, what = 'The request body'): z.output<S> {
  let value: unknown;
  const text = body.toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'malformed_json', `${what} is empty; send a JSON object with Content-Type: application/json.`);
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, 'malformed_json', `${what} is not valid JSON (${detail}); send a JSON object.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, 'invalid_request', describe(parsed.error, what));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(query.entries()));
  if (!parsed.success) throw new ApiError(400, 'invalid_request', describe(parsed.error, 'The query string'));
  return parsed.data;
}
