// The ticket list: a listbox that draws only the rows in view (fixed row height), so it
// scrolls smoothly through 50,000 tickets. The keyboard focus is the listbox's active
// descendant, which screen readers announce as the agent moves with j/k or the arrows.
import { useEffect, useState, type RefObject } from 'react';
import { ticketStatusLabels, type InboxRow } from '../../shared/channels/tickets';
import { useInboxList } from './inbox-store';
import { scrollToShow, visibleWindow } from './list-window';
import { ageText, fullTime } from './time-text';
import { FileIcon } from './FileIcon';
import { UntrustedLine } from './UntrustedText';

export const ROW_HEIGHT = 86;

export const rowDomId = (index: number) => `inbox-row-${index}`;

interface Props {
  openId: string | null;
  onOpen(row: InboxRow, index: number): void;
  listRef: RefObject<HTMLDivElement | null>;
  now: Date;
}

export function VirtualTicketList({ openId, onOpen, listRef, now }: Props) {
  const total = useInboxList((s) => s.total);
  const rows = useInboxList((s) => s.rows);
  const focused = useInboxList((s) => s.focused);
  const selected = useInboxList((s) => s.selected);
  const loading = useInboxList((s) => s.loading);
  const ensureRows = useInboxList((s) => s.ensureRows);
  const toggleSelected = useInboxList((s) => s.toggleSelected);
  const focus = useInboxList((s) => s.focus);
  const scroller = listRef;
  const [viewport, setViewport] = useState({ top: 0, height: 600 });

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport({ top: element.scrollTop, height: element.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);

  const win = visibleWindow(viewport.top, viewport.height, ROW_HEIGHT, total);
  useEffect(() => {
    ensureRows(win.first, Math.max(win.end, win.first + 1));
  }, [win.first, win.end, total, ensureRows]);

  // Keep the focused row in view as j/k move it.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const to = scrollToShow(focused, element.scrollTop, element.clientHeight, ROW_HEIGHT);
    if (to !== null) element.scrollTo({ top: to });
  }, [focused, scroller]);

  const indexes: number[] = [];
  for (let i = win.first; i < win.end; i += 1) indexes.push(i);

  return (
    <div
      ref={scroller}
      className="ticket-list"
      role="listbox"
      aria-label={`Tickets (${total.toLocaleString('en-US')})`}
      aria-multiselectable="true"
      aria-busy={loading}
      tabIndex={0}
      aria-activedescendant={total > 0 ? rowDomId(focused) : undefined}
      onScroll={(event) => setViewport({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })}
    >
      {total === 0 && !loading && <p className="ticket-list-empty">No tickets here.</p>}
      <div className="ticket-list-space" style={{ height: total * ROW_HEIGHT }}>
        {indexes.map((index) => {
          const row = rows.get(index);
          const top = index * ROW_HEIGHT;
          if (!row) {
            return (
              <div key={`empty-${index}`} id={rowDomId(index)} role="option" aria-selected={false} aria-posinset={index + 1} aria-setsize={total} className="ticket-row ticket-row-loading" style={{ top, height: ROW_HEIGHT }}>
                <span className="loading">Loading…</span>
              </div>
            );
          }
          const isSelected = selected.has(row.id);
          return (
            <div
              key={row.id}
              id={rowDomId(index)}
              role="option"
              aria-selected={isSelected}
              aria-current={row.id === openId ? 'true' : undefined}
              aria-posinset={index + 1}
              aria-setsize={total}
              data-ticket-id={row.id}
              className={`ticket-row${index === focused ? ' ticket-row-focused' : ''}${row.id === openId ? ' ticket-row-open' : ''}${row.unread ? ' ticket-row-unread' : ''}${isSelected ? ' ticket-row-selected' : ''}`}
              style={{ top, height: ROW_HEIGHT }}
              onClick={() => {
                focus(index);
                onOpen(row, index);
              }}
            >
              <span
                className={`row-check${isSelected ? ' row-check-on' : ''}`}
                aria-hidden="true"
                title={isSelected ? 'Unselect' : 'Select for a bulk change'}
                onClick={(event) => {
                  event.stopPropagation();
                  toggleSelected(row.id);
                }}
              />
              <div className="row-lines">
                <div className="row-line row-top">
                  {row.unread && <span className="unread-dot" role="img" aria-label="The learner wrote last" />}
                  <UntrustedLine className="row-sender" text={row.learnerName ?? row.fromEmail} marks={row.learnerName ? [] : row.fromMarks} />
                  <time className="row-age" dateTime={row.updatedAt} title={`Last activity ${fullTime(row.updatedAt)}; opened ${fullTime(row.createdAt)}`}>
                    {ageText(row.updatedAt, now)}
                  </time>
                </div>
                <div className="row-line row-subject">
                  <UntrustedLine text={row.subject || '(no subject)'} marks={row.subjectMarks} />
                </div>
                <div className="row-line row-snippet">
                  <UntrustedLine text={row.snippet} marks={row.snippetMarks} />
                </div>
                <div className="row-line row-meta">
                  <span className={`status-chip status-${row.status}`}>{ticketStatusLabels[row.status]}</span>
                  {row.moduleName && <span className="row-module" title={`${row.courseName ?? ''} — ${row.moduleName}`}>{row.moduleName.replace(/^Module (\d+):.*/, 'Mod $1')} · {row.courseName}</span>}
                  <span className="row-badges">
                    {row.attachments > 0 && (
                      <span className="file-mark" role="img" title={row.hasScreenshot ? 'Has a screenshot' : `${row.attachments} attachment(s)`} aria-label={row.hasScreenshot ? 'has a screenshot' : 'has attachments'}>
                        <FileIcon image={row.hasScreenshot} />
                      </span>
                    )}
                    {row.conflict ? (
                      <span className="badge badge-conflict">conflict</span>
                    ) : (
                      row.pending && <span className="badge badge-pending">pending</span>
                    )}
                    <span className="row-assignee">{row.assigneeName ?? 'Unassigned'}</span>
                  </span>
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
