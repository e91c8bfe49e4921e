// Settings: how long a confirmed manual pass waits, cancellable, before it goes to the LMS.
import { useEffect, useState, type FormEvent } from 'react';
import { UNDO_WINDOW_MAX_SECONDS } from '../../../shared/channels/passes';
import { passdesk } from '../../passdesk-client';
import { useStatus } from '../../stores/status-store';
import { failureText } from '../../stores/alerts-store';

export function UndoWindowPanel() {
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const isAdmin = useStatus((s) => s.status?.user?.role === 'admin');
  useEffect(() => {
    passdesk
      .call('passes.settings', {})
      .then((s) => {
        setSaved(s.undoWindowSeconds);
        setValue(String(s.undoWindowSeconds));
      })
      .catch((e: unknown) => setMessage({ ok: false, text: failureText(e) }));
  }, []);
  const seconds = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(seconds) && seconds >= 0 && seconds <= UNDO_WINDOW_MAX_SECONDS;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    passdesk
      .call('passes.setUndoWindow', { undoWindowSeconds: seconds })
      .then((s) => {
        setSaved(s.undoWindowSeconds);
        setMessage({ ok: true, text: `Saved: passes wait ${s.undoWindowSeconds} s before they go out.` });
      })
      .catch((err: unknown) => setMessage({ ok: false, text: failureText(err) }));
  };
  return (
    <section className="panel" aria-labelledby="undo-window-title">
      <h2 id="undo-window-title">Manual pass undo window</h2>
      <p className="hint">
        After Mark Complete is confirmed, a pass waits this long before it is sent, with a Cancel button. Once it reaches the LMS it cannot be undone.
      </p>
      <form className="button-row" onSubmit={onSubmit}>
        <label className="confirm-field">
          <span>Seconds (0–{UNDO_WINDOW_MAX_SECONDS})</span>
          <input type="text" inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!valid} disabled={!isAdmin} />
        </label>
        <button type="submit" className="button-primary" disabled={!valid || !isAdmin || seconds === saved}>
          Save
        </button>
      </form>
      {!isAdmin && <p className="hint">Only an admin can change it.</p>}
      {message && <p className={message.ok ? 'success' : 'inline-error'}>{message.text}</p>}
    </section>
  );
}
