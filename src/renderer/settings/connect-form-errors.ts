// Where a failed "Connect to an LMS" shows its error: next to the field it is about, named,
// so the person knows what to change. Pure; the form renders what this returns.
import { channels } from '../../shared/contract';
import { PassdeskError } from '../../shared/ipc-result';
import { describeFailure } from '../stores/alerts-store';

export type ConnectField = 'url' | 'token';
export const connectFieldLabels: Record<ConnectField, string> = { url: 'LMS URL', token: 'API token' };

export interface ConnectFormErrors {
  url?: string;
  token?: string;
  /** A failure that is about neither field alone. */
  form?: string;
}

function isConnectField(path: string): path is ConnectField {
  return path === 'url' || path === 'token';
}

function add(errors: ConnectFormErrors, field: keyof ConnectFormErrors, message: string): void {
  // One message per field is enough to act on; the first is usually the most basic.
  if (errors[field] === undefined) errors[field] = message;
}

/** Checks the form with the channel's own input schema, before anything is sent. */
export function checkConnectForm(url: string, token: string): ConnectFormErrors {
  const parsed = channels['settings.connectLms'].input.safeParse({ url: url.trim(), token });
  const errors: ConnectFormErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (isConnectField(path)) add(errors, path, fieldMessage(path, issue.message, token));
    else add(errors, 'form', issue.message);
  }
  return errors;
}

function fieldMessage(field: ConnectField, message: string, token: string): string {
  // zod's wording for an empty token ("Too small: expected string to have >=1 characters")
  // says nothing a support agent can act on.
  if (field === 'token' && token.trim() === '') return 'Enter the API token the LMS gave you.';
  return message;
}

/**
 * Places a failure from main: issues by the field they name (a refused payload, or an LMS
 * refusing the token when main says so), an unreachable LMS on the URL, the rest on the form.
 */
export function placeConnectFailure(error: unknown): ConnectFormErrors {
  const errors: ConnectFormErrors = {};
  if (error instanceof PassdeskError) {
    if (error.issues?.length) {
      for (const issue of error.issues) {
        if (isConnectField(issue.path)) add(errors, issue.path, issue.message);
        else add(errors, 'form', error.message);
      }
      return errors;
    }
    if (error.code === 'offline') {
      errors.url = error.message;
      return errors;
    }
  }
  errors.form = describeFailure(error).message;
  return errors;
}

export function hasErrors(errors: ConnectFormErrors): boolean {
  return errors.url !== undefined || errors.token !== undefined || errors.form !== undefined;
}
