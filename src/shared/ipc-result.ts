// What crosses the bridge for every call: a value, or an error a person can act on.
// Errors travel as data because Electron's IPC and JSON over WebSocket both drop the
// class of a thrown Error.
import { z } from 'zod';

export const ErrorCode = z.enum([
  /** The payload does not match the channel's input schema. */
  'invalid_payload',
  /** No such channel in the contract. */
  'unknown_channel',
  /** The call came from a frame or connection that is not the app. */
  'forbidden_sender',
  /** The signed-in user's role does not allow this. */
  'forbidden',
  'not_found',
  /** Someone else changed the record first. */
  'conflict',
  /** The LMS cannot be reached; the action needs it. */
  'offline',
  /** The LMS answered with an error. */
  'lms_error',
  /** A rule refused the action (for example an ineligible manual pass). */
  'refused',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export const PassdeskErrorData = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type PassdeskErrorData = z.infer<typeof PassdeskErrorData>;

export const InvokeResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: PassdeskErrorData }),
]);
export type InvokeResult = z.infer<typeof InvokeResult>;

export class PassdeskError extends Error {
  readonly code: ErrorCode;
  readonly issues: PassdeskErrorData['issues'];
  constructor(data: PassdeskErrorData) {
    super(data.message);
    this.name = 'PassdeskError';
    this.code = data.code;
    this.issues = data.issues;
  }
  toData(): PassdeskErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** Turns zod issues into one sentence that names each field, plus the list for forms. */
export function describeIssues(error: z.ZodError, what: string): PassdeskErrorData {
  const issues = error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(whole payload)',
    message: i.message,
  }));
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return { code: 'invalid_payload', message: `${what} was refused — ${summary}${more}.`, issues };
}

/** The bridge window.passdesk exposes, in Electron (preload) and in browser mode alike. */
export interface PassdeskBridge {
  invoke(channel: string, payload: unknown): Promise<InvokeResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
