// An agent's way to a manual pass: "Request a manual pass" for one learner, from one of their
// tickets, with a note and the evidence the verdict names. Main checks it and puts it in the
// admins' queue; an admin decides.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { EnrolledUser, PassModule } from '../../shared/channels/passes';
import { useDialogFocus } from '../components/use-dialog-focus';
import { passdesk } from '../passdesk-client';
import { failureText } from '../stores/alerts-store';

interface Props {
  module: PassModule;
  user: EnrolledUser;
  /** The ticket the request comes from, when opened from one; else the learner's open ticket. */
  ticketId?: string;
  onClose(): void;
  onSent(message: string): void;
}

export function ProposeDialog({ module, user, ticketId: fromTicket, onClose, onSent }: Props) {
  const [ticketId, setTicketId] = useState(
    (fromTicket !== undefined && user.tickets.some((t) => t.id === fromTicket) ? fromTicket : undefined) ??
      user.tickets.find((t) => t.status !== 'resolved')?.id ??
      user.tickets[0]?.id ??
      '',
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const onKeyDown = useDialogFocus(dialogRef, { onClose, busy });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    passdesk
      .call('passes.review', { moduleId: module.id, learnerIds: [user.learnerId], tickets: [{ learnerId: user.learnerId, ticketId }] })
      .then((review) => {
        const evidence = review.learners[0]?.verdict.passEvidence ?? null;
        return passdesk.call('passes.propose', { ticketId, learnerId: user.learnerId, moduleId: module.id, evidence, note });
      })
      .then(() => onSent(`Sent to the admins' queue: a manual pass of ${user.name} on ${module.name}.`))
      .catch((err: unknown) => setError(failureText(err)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="dialog-backdrop">
      <div ref={dialogRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <form className="confirm-form" onSubmit={onSubmit}>
          <h2 id={titleId}>Request a manual pass</h2>
          <p>
            For <strong>{user.name}</strong> on <strong>{module.name}</strong> ({module.courseName}). An admin reviews the evidence and decides; nothing is
            marked complete until then.
          </p>
          {user.tickets.length === 0 ? (
            <p className="inline-error">{user.name} has no ticket; a request is made from the learner’s ticket.</p>
          ) : (
            <label className="confirm-field">
              <span className="confirm-label">Ticket</span>
              <select value={ticketId} onChange={(e) => setTicketId(e.target.value)}>
                {user.tickets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.id} — {t.subject || '(no subject)'} ({t.status})
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="confirm-field">
            <span className="confirm-label">Why should this learner be passed? (required)</span>
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
          </label>
          {error && (
            <p className="confirm-refusals" role="alert">
              {error}
            </p>
          )}
          <div className="button-row confirm-buttons">
            <button type="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={busy || note.trim().length === 0 || ticketId === ''}>
              Send to the admins
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
