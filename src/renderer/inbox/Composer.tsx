// The reply composer: a reply to the learner or an internal note, the article's canned replies
// with the learner's and module's names filled in, and the status the ticket takes on send.
// Sending works offline: the message shows as pending until the LMS confirms it.
import { useEffect, useRef } from 'react';
import { ticketStatusLabels, type CannedReply } from '../../shared/channels/tickets';
import { TicketStatus } from '../../shared/lms/entities';
import type { Draft } from './ticket-store';

interface Props {
  draft: Draft;
  canned: readonly CannedReply[];
  busy: boolean;
  error: string | null;
  focusToken: number;
  onChange(change: Partial<Draft>): void;
  onCanned(reply: CannedReply): void;
  onSend(): void;
  onLeave(): void;
}

export function Composer({ draft, canned, busy, error, focusToken, onChange, onCanned, onSend, onLeave }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusToken > 0) area.current?.focus();
  }, [focusToken]);
  const note = draft.mode === 'note';
  return (
    <form
      className={`composer${note ? ' composer-note' : ''}`}
      aria-label={note ? 'Internal note' : 'Reply to the learner'}
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <div className="composer-top">
        <div className="composer-modes" role="radiogroup" aria-label="Write">
          <label>
            <input type="radio" name="composer-mode" checked={!note} onChange={() => onChange({ mode: 'agent' })} /> Reply <kbd>r</kbd>
          </label>
          <label>
            <input type="radio" name="composer-mode" checked={note} onChange={() => onChange({ mode: 'note' })} /> Internal note <kbd>n</kbd>
          </label>
        </div>
        <select
          aria-label="Canned reply"
          value=""
          onChange={(event) => {
            const reply = canned.find((c) => c.id === event.target.value);
            if (reply) onCanned(reply);
          }}
        >
          <option value="">Canned reply…</option>
          {canned.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <textarea
        ref={area}
        aria-label={note ? 'Note text' : 'Reply text'}
        placeholder={note ? 'Only the support team sees internal notes.' : 'Write to the learner…'}
        value={draft.body}
        rows={3}
        maxLength={100_000}
        onChange={(event) => onChange({ body: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSend();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onLeave();
          }
        }}
      />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-actions">
        <span className="hint composer-hint">Ctrl+Enter sends</span>
        <label className="composer-status">
          Then set status
          <select value={draft.setStatus ?? ''} onChange={(event) => onChange({ setStatus: event.target.value === '' ? null : TicketStatus.parse(event.target.value) })}>
            <option value="">(leave as it is)</option>
            {TicketStatus.options.map((s) => (
              <option key={s} value={s}>
                {ticketStatusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={busy || draft.body.trim() === ''}>
          {note ? 'Add note' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}
