// One ticket: its subject and state (status, assignee, tags), the link to a learner and a
// module with that learner's manual passes on it, the thread with attachment thumbnails, this desk's pending writes and conflicts,
// and the composer.
import { useState } from 'react';
import { ticketStatusLabels, type FilterOptions, type TicketDetail, type TicketEdit } from '../../shared/channels/tickets';
import type { ScreenshotTile } from '../../shared/channels/evidence';
import { TicketStatus } from '../../shared/lms/entities';
import { Composer } from './Composer';
import { ConflictDialog } from './ConflictDialog';
import { FileIcon } from './FileIcon';
import { LinkEditor } from './LinkEditor';
import { TicketPasses } from './TicketPasses';
import type { TicketState } from './ticket-store';
import { fileSize, fullTime } from './time-text';
import { UntrustedBody, UntrustedLine } from './UntrustedText';
import type { LearnerPasses } from './use-learner-passes';

interface Props {
  detail: TicketDetail;
  state: TicketState;
  agents: FilterOptions['agents'];
  meId: string | null;
  passes: LearnerPasses;
  onOpenScreenshot(tile: ScreenshotTile | null, attachmentId: string): void;
}

const authorLabels = { learner: 'Learner', agent: 'Reply', note: 'Internal note' } as const;
const pendingText = { queued: 'pending — waiting to be sent', sending: 'pending — sending', sent: 'pending — sent, waiting for the LMS', confirmed: 'confirmed', failed: 'refused by the LMS', conflict: 'in conflict', discarded: 'withdrawn', dismissed: 'refused by the LMS — not sent' } as const;

export function TicketView({ detail, state, agents, meId, passes, onOpenScreenshot }: Props) {
  const [showConflict, setShowConflict] = useState(false);
  const [tag, setTag] = useState('');
  const { ticket } = detail;
  const edit = (changes: TicketEdit) => void state.edit(changes);
  const pendingEdits = detail.writes.filter((w) => w.kind === 'ticket.patch' && w.state !== 'failed');
  const failed = detail.writes.filter((w) => w.state === 'failed');
  const conflict = detail.conflicts[0];
  const agentName = (id: string | null) => (id === null ? 'Unassigned' : (agents.find((a) => a.id === id)?.name ?? id));
  const names = (field: string, value: string | null) => {
    if (value === null) return '(none)';
    if (field === 'assigneeId') return agentName(value);
    if (field === 'learnerId') return detail.learner?.id === value ? detail.learner.name : value;
    if (field === 'moduleId') return detail.module?.id === value ? detail.module.name : value;
    return value;
  };
  const tagValue = tag.trim().slice(0, 40);

  return (
    <article className="ticket-view" aria-labelledby="ticket-subject">
      <header className="ticket-head">
        <h2 id="ticket-subject" className="ticket-subject">
          <UntrustedLine text={ticket.subject || '(no subject)'} />
        </h2>
        <div className="ticket-from hint">
          From <UntrustedLine text={ticket.fromEmail} /> · opened {fullTime(ticket.createdAt)} · {ticket.id}
        </div>
        <div className="ticket-controls">
          <label>
            Status
            <select aria-label="Status" value={ticket.status} disabled={state.busy} onChange={(e) => edit({ status: TicketStatus.parse(e.target.value) })}>
              {TicketStatus.options.map((s) => (
                <option key={s} value={s}>
                  {ticketStatusLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Assignee
            <select aria-label="Assignee" value={ticket.assigneeId ?? ''} disabled={state.busy} onChange={(e) => edit({ assigneeId: e.target.value === '' ? null : e.target.value })}>
              <option value="">Unassigned</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.id === meId ? ' (me)' : ''}
                </option>
              ))}
              {ticket.assigneeId && !agents.some((a) => a.id === ticket.assigneeId) && <option value={ticket.assigneeId}>{ticket.assigneeId}</option>}
            </select>
          </label>
          <div className="ticket-tags" aria-label="Tags">
            {ticket.tags.map((t) => (
              <span key={t} className="tag">
                <UntrustedLine text={t} />
                <button type="button" className="tag-remove" aria-label={`Remove tag ${t}`} disabled={state.busy} onClick={() => edit({ removeTags: [t] })}>
                  ×
                </button>
              </span>
            ))}
            <form
              className="tag-add"
              onSubmit={(e) => {
                e.preventDefault();
                if (tagValue === '') return;
                edit({ addTags: [tagValue] });
                setTag('');
              }}
            >
              <input type="text" aria-label="Add a tag" placeholder="+ tag" value={tag} maxLength={40} onChange={(e) => setTag(e.target.value)} />
            </form>
          </div>
        </div>
        {pendingEdits.length > 0 && (
          <p className="pending-note" role="status">
            <span className="badge badge-pending">pending</span> {pendingEdits.length} change{pendingEdits.length === 1 ? '' : 's'} not yet confirmed by the LMS.
          </p>
        )}
        {failed.map((w) => (
          <p key={w.id} className="inline-error" role="alert">
            The LMS refused: {w.summary}. {w.lastError}
          </p>
        ))}
        {conflict && (
          <div className="conflict-banner" role="alert">
            <span>Someone else changed this ticket before your change reached the LMS.</span>
            <button type="button" onClick={() => setShowConflict(true)}>
              Compare and choose…
            </button>
          </div>
        )}
      </header>

      <LinkEditor detail={detail} busy={state.busy} onEdit={edit} />
      {detail.learner && detail.module && <TicketPasses ticketId={ticket.id} learner={detail.learner} module={detail.module} passes={passes} />}

      <ol className="thread" aria-label="Messages">
        {detail.messages.map((m) => (
          <li key={m.id} className={`message message-${m.author}${m.pending ? ' message-pending' : ''}`}>
            <div className="message-head">
              <span className="message-kind">{authorLabels[m.author]}</span>
              <UntrustedLine className="message-author" text={m.authorName} />
              <time dateTime={m.createdAt} className="hint">
                {fullTime(m.createdAt)}
              </time>
              {m.pending && <span className={`badge ${m.pending === 'failed' || m.pending === 'dismissed' ? 'badge-conflict' : 'badge-pending'}`}>{pendingText[m.pending]}</span>}
            </div>
            <UntrustedBody text={m.body} />
            {m.attachments.length > 0 && (
              <ul className="attachments" aria-label="Attachments">
                {m.attachments.map((a) => {
                  const tile = state.thumbnails.get(a.id) ?? null;
                  return (
                    <li key={a.id}>
                      <button type="button" className="attachment" onClick={() => onOpenScreenshot(tile, a.id)} title="Open in the screenshot viewer">
                        {tile?.thumbnail ? <img src={tile.thumbnail} alt={`Screenshot ${a.fileName}`} className="thumbnail" /> : <span className="thumbnail thumbnail-none" aria-hidden="true"><FileIcon image={a.isImage} size={22} /></span>}
                        <span className="attachment-name">
                          <UntrustedLine text={a.fileName} />
                          <span className="hint">{fileSize(a.size)}</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>

      <Composer
        draft={state.draft}
        canned={detail.cannedReplies}
        busy={state.busy}
        error={state.sendError}
        focusToken={state.focusComposer}
        onChange={state.setDraft}
        onCanned={state.useCanned}
        onSend={() => void state.send()}
        onLeave={() => document.getElementById('inbox-list')?.querySelector<HTMLElement>('[role="listbox"]')?.focus()}
      />

      {showConflict && conflict && (
        <ConflictDialog
          conflict={conflict}
          names={names}
          busy={state.busy}
          onChoose={(choice) => {
            void state.resolveConflict(conflict.writeId, choice).then(() => setShowConflict(false));
          }}
          onClose={() => setShowConflict(false)}
        />
      )}
    </article>
  );
}
