// The inbox: views, search and filters across the top; the ticket list, the open ticket and
// its checklist and learner beside it; keyboard first (j/k, Enter, /, r, n, e, a, ?).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilterOptions, InboxRow, TicketEdit } from '../../shared/channels/tickets';
import type { ScreenshotTile } from '../../shared/channels/evidence';
import { openInspector } from '../inspector/inspector-store';
import { passdesk } from '../passdesk-client';
import { openScreenshot } from '../screenshots/screenshots-store';
import { useStatus } from '../stores/status-store';
import { ChecklistPanel } from './ChecklistPanel';
import { commandFor, type InboxCommand } from './inbox-keys';
import { useInboxList } from './inbox-store';
import { BulkBar, InboxFilters, InboxSearch, InboxViews } from './InboxToolbar';
import { LearnerPanelView } from './LearnerPanelView';
import { ShortcutDialog } from './ShortcutDialog';
import { useTicket } from './ticket-store';
import { TicketView } from './TicketView';
import { useLearnerPasses } from './use-learner-passes';
import { VirtualTicketList } from './VirtualTicketList';
import './inbox.css';
import { isTextField } from '../components/text-field';

const noAgents: FilterOptions['agents'] = [];

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function InboxScreen() {
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const ticketRef = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const now = useNow(60_000);
  const ticket = useTicket();
  const agents = useInboxList((s) => s.filterOptions?.agents ?? noAgents);
  const meId = useStatus((s) => s.status?.user?.id ?? null);
  const loading = useInboxList((s) => s.loading);
  const error = useInboxList((s) => s.error);

  // Keep the list and the open ticket current: on every change main announces, and once now.
  useEffect(() => {
    const list = useInboxList.getState();
    if (list.pages.size === 0) list.setView(list.view);
    return passdesk.on('tickets.changed', ({ revision }) => {
      useInboxList.getState().changed(revision);
      void useTicket.getState().reload();
    });
  }, []);

  const openRow = useCallback((row: InboxRow) => {
    void useTicket.getState().open(row.id);
  }, []);

  const inspect = useCallback((learnerId: string, moduleId: string, ticketId: string | null) => {
    openInspector({ learnerId, moduleId, ticketId });
  }, []);

  const openAttachment = useCallback((_tile: ScreenshotTile | null, attachmentId: string) => {
    const ticketId = useTicket.getState().id;
    if (ticketId) openScreenshot(attachmentId, ticketId);
  }, []);

  const run = useCallback((command: InboxCommand, target: EventTarget | null) => {
    const list = useInboxList.getState();
    const current = useTicket.getState();
    const focusedRow = list.rows.get(list.focused);
    const move = (delta: number) => {
      const index = Math.max(0, Math.min(list.focused + delta, list.total - 1));
      list.focus(index);
      listRef.current?.focus();
      const row = useInboxList.getState().rows.get(index);
      if (row) void current.open(row.id);
    };
    const change = (changes: TicketEdit) => {
      if (list.selected.size > 0) void list.bulkEdit(changes).then(() => useTicket.getState().reload());
      else if (current.id !== null) void current.edit(changes);
      else if (focusedRow) void list.bulkEdit(changes, [focusedRow.id]);
    };
    switch (command) {
      case 'next':
        move(1);
        return;
      case 'previous':
        move(-1);
        return;
      case 'open':
        if (focusedRow) void current.open(focusedRow.id).then(() => ticketRef.current?.focus());
        return;
      case 'search':
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      case 'reply':
      case 'note': {
        const mode = command === 'reply' ? 'agent' : 'note';
        if (current.id === null && focusedRow) void current.open(focusedRow.id).then(() => useTicket.getState().startComposing(mode));
        else current.startComposing(mode);
        return;
      }
      case 'resolve':
        change({ status: 'resolved' });
        return;
      case 'assignToMe':
        change({ assignToMe: true });
        return;
      case 'toggleSelect':
        if (focusedRow) list.toggleSelected(focusedRow.id);
        return;
      case 'help':
        setHelpOpen(true);
        return;
      case 'back':
        if (target instanceof HTMLElement && isTextField(target)) target.blur();
        listRef.current?.focus();
        return;
    }
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = event.target;
      const inList = target instanceof HTMLElement && target.closest('.ticket-list') !== null;
      const command = commandFor({ key: event.key, withModifier: event.ctrlKey || event.altKey || event.metaKey, inTextField: isTextField(target), inList });
      if (!command) return;
      event.preventDefault();
      run(command, target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);

  const detail = ticket.detail;
  const learnerPasses = useLearnerPasses(detail?.learner?.id ?? null, detail?.ticket.id ?? null);
  return (
    <section className="screen inbox-screen" aria-labelledby="screen-title">
      <header className="inbox-head">
        <h1 id="screen-title" className="inbox-title">
          Inbox
        </h1>
        <InboxViews />
        <button type="button" className="button-quiet help-button" aria-label="Keyboard shortcuts" onClick={() => setHelpOpen(true)}>
          <kbd>?</kbd>
        </button>
      </header>
      <InboxFilters search={<InboxSearch inputRef={searchRef} />} />
      <BulkBar />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="inbox-body">
        <div id="inbox-list" className="inbox-list-pane">
          <VirtualTicketList openId={ticket.id} onOpen={openRow} listRef={listRef} now={now} />
        </div>
        <div className="inbox-ticket-pane" ref={ticketRef} tabIndex={-1} role="region" aria-label="Ticket">
          {detail ? (
            <TicketView detail={detail} state={ticket} agents={agents} meId={meId} passes={learnerPasses} onOpenScreenshot={openAttachment} />
          ) : ticket.error ? (
            <p className="inline-error" role="alert">
              {ticket.error}
            </p>
          ) : (
            <p className="ticket-empty hint">{ticket.id ? 'Opening the ticket…' : loading ? 'Loading the inbox…' : 'Choose a ticket — j and k move through the list, ? lists every shortcut.'}</p>
          )}
        </div>
        <aside className="inbox-side" aria-label="Checklist and learner">
          {detail && (
            <ChecklistPanel detail={detail} busy={ticket.busy} onNext={(action) => void ticket.takeNextStep(action, (l, m, t) => inspect(l, m, t))} />
          )}
          {detail && (
            <LearnerPanelView
              panel={ticket.panel}
              error={ticket.panelError}
              ticketId={detail.ticket.id}
              now={now}
              passes={learnerPasses.passes}
              onOpenTicket={(id) => void ticket.open(id)}
              onInspect={(learnerId, moduleId) => inspect(learnerId, moduleId, null)}
            />
          )}
        </aside>
      </div>
      {helpOpen && <ShortcutDialog onClose={() => setHelpOpen(false)} />}
    </section>
  );
}
