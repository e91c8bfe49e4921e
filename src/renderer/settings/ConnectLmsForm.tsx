// "Connect to an LMS": the address of its Support API and an API token. The form checks
// what it can with the channel's own schema before sending; whatever main refuses is shown
// next to the field it is about.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useSettings } from '../stores/settings-store';
import { useStatus } from '../stores/status-store';
import { lmsLabel } from '../shell/status-text';
import { checkConnectForm, connectFieldLabels, hasErrors, placeConnectFailure, type ConnectField, type ConnectFormErrors } from './connect-form-errors';

export function ConnectLmsForm() {
  const connectLms = useSettings((s) => s.connectLms);
  const pending = useSettings((s) => s.pending);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<ConnectFormErrors>({});
  const [connectedTo, setConnectedTo] = useState<string | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const id = useId();

  // Editing a field takes its error away; the next Connect checks it again.
  function clearError(field: ConnectField) {
    setErrors((current) => (current[field] === undefined && current.form === undefined ? current : { ...current, [field]: undefined, form: undefined }));
  }

  function focusFirstInvalid(found: ConnectFormErrors) {
    const first = (['url', 'token'] as const).find((f) => found[f] !== undefined);
    if (first) (first === 'url' ? urlInput : tokenInput).current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConnectedTo(null);
    const checked = checkConnectForm(url, token);
    setErrors(checked);
    if (hasErrors(checked)) {
      focusFirstInvalid(checked);
      return;
    }
    const failure = await connectLms({ url: url.trim(), token });
    if (failure) {
      const placed = placeConnectFailure(failure);
      setErrors(placed);
      focusFirstInvalid(placed);
      return;
    }
    setToken('');
    const lms = useStatus.getState().status?.lms;
    setConnectedTo(lms ? lmsLabel(lms) : url.trim());
  }

  function fieldProps(field: ConnectField) {
    const errorId = `${id}-${field}-error`;
    return {
      id: `${id}-${field}`,
      'aria-invalid': errors[field] !== undefined,
      'aria-describedby': errors[field] !== undefined ? `${errorId} ${id}-${field}-hint` : `${id}-${field}-hint`,
    };
  }

  function fieldError(field: ConnectField) {
    const message = errors[field];
    if (message === undefined) return null;
    return (
      <p className="field-error" id={`${id}-${field}-error`} role="alert">
        {connectFieldLabels[field]}: {message}
      </p>
    );
  }

  const busy = pending === 'connect';
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Connect to an LMS</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <p className="hint">Passdesk talks to your LMS through its Support API. An LMS administrator can give you its address and an API token.</p>
        <div className="field">
          <label htmlFor={`${id}-url`}>LMS URL</label>
          <input
            {...fieldProps('url')}
            ref={urlInput}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://lms.example.com"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              clearError('url');
            }}
          />
          <p className="hint" id={`${id}-url-hint`}>
            The address of the LMS, starting with https:// (or http:// on your own network).
          </p>
          {fieldError('url')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-token`}>API token</label>
          <input
            {...fieldProps('token')}
            ref={tokenInput}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => {
              setToken(e.target.value);
              clearError('token');
            }}
          />
          <p className="hint" id={`${id}-token-hint`}>
            Kept by Passdesk's main process; it is never shown again.
          </p>
          {fieldError('token')}
        </div>
        {errors.form !== undefined && (
          <p className="field-error" role="alert">
            <strong>Not connected.</strong> {errors.form}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={pending !== null} aria-busy={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
          {connectedTo && (
            <span className="success" role="status">
              Connected to {connectedTo}.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
