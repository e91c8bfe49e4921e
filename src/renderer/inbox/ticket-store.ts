// The open ticket: its detail (thread, link, checklist, canned replies, this desk's pending
// writes), the learner panel beside it, the composer's draft, and the agent's actions on it.
// Every write goes to main, which records it in the outbox; the detail shows it as pending
// until the LMS confirms it.
import { create } from 'zustand';
import type { CannedReply, ConflictChoice, LearnerPanel, NextAction, TicketDetail, TicketEdit } from '../../shared/contract';
import type { TicketStatus } from '../../shared/lms/entities';
import type { ScreenshotTile } from '../../shared/channels/evidence';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { describeFailure, useAlerts } from '../stores/alerts-store';

export type ComposerMode = 'agent' | 'note';

export interface Draft {
  mode: ComposerMode;
  body: string;
  /** The status the ticket takes when this is sent; null leaves it. */
  setStatus: TicketStatus | null;
}

export interface TicketState {
  id: string | null;
  detail: TicketDetail | null;
  error: string | null;
  panel: LearnerPanel | null;
  panelError: string | null;
  thumbnails: ReadonlyMap<string, ScreenshotTile>;
  draft: Draft;
  /** A command on its way (send, edit, conflict choice). */
  busy: boolean;
  /** Why the last send failed, for the composer to show. */
  sendError: string | null;
  /** Bumped to ask the composer to take the focus. */
  focusComposer: number;

  open(id: string | null): Promise<void>;
  reload(): Promise<void>;
  setDraft(change: Partial<Draft>): void;
  useCanned(reply: CannedReply): void;
  send(): Promise<boolean>;
  edit(changes: TicketEdit): Promise<void>;
  takeNextStep(action: NextAction, openInspector: (learnerId: string, moduleId: string, ticketId: string) => void): Promise<void>;
  resolveConflict(writeId: string, choice: ConflictChoice): Promise<void>;
  startComposing(mode: ComposerMode): void;
}

const emptyDraft: Draft = { mode: 'agent', body: '', setStatus: null };

export function createTicketStore(client: PassdeskClient, report: (action: string, error: unknown) => void) {
  let opened = 0;
  // Only the answer to the latest detail request is shown: an older one may describe writes as still pending.
  let asked = 0;
  return create<TicketState>()((set, get) => {
    async function loadPanel(learnerId: string | null, ticketId: string, token: number): Promise<void> {
      if (learnerId === null) {
        set({ panel: null, panelError: null });
        return;
      }
      try {
        const panel = await client.call('tickets.learnerPanel', { learnerId, ticketId });
        if (token === opened) set({ panel, panelError: null });
      } catch (error) {
        if (token === opened) set({ panel: null, panelError: describeFailure(error).message });
      }
    }
    async function loadThumbnails(detail: TicketDetail, token: number): Promise<void> {
      if (!detail.messages.some((m) => m.attachments.some((a) => a.isImage))) {
        set({ thumbnails: new Map() });
        return;
      }
      try {
        const gallery = await client.call('screenshots.gallery', { scope: 'ticket', ticketId: detail.ticket.id });
        if (token === opened) set({ thumbnails: new Map(gallery.tiles.map((t) => [t.attachmentId, t])) });
      } catch {
        // Thumbnails are a convenience; the file names still show, and the viewer opens either way.
        if (token === opened) set({ thumbnails: new Map() });
      }
    }
    async function load(id: string, token: number, fresh: boolean): Promise<void> {
      asked += 1;
      const request = asked;
      try {
        const detail = await client.call('tickets.detail', { ticketId: id });
        if (token !== opened || request !== asked) return;
        const learnerChanged = get().detail?.ticket.learnerId !== detail.ticket.learnerId || fresh;
        set({ detail, error: null });
        if (learnerChanged) void loadPanel(detail.ticket.learnerId, id, token);
        else if (get().panel) void loadPanel(detail.ticket.learnerId, id, token);
        void loadThumbnails(detail, token);
      } catch (error) {
        if (token === opened) set({ error: describeFailure(error).message, detail: fresh ? null : get().detail });
      }
    }
    return {
      id: null,
      detail: null,
      error: null,
      panel: null,
      panelError: null,
      thumbnails: new Map(),
      draft: emptyDraft,
      busy: false,
      sendError: null,
      focusComposer: 0,

      async open(id) {
        if (id === get().id) return;
        opened += 1;
        const token = opened;
        set({ id, detail: null, error: null, panel: null, panelError: null, thumbnails: new Map(), draft: emptyDraft, sendError: null });
        if (id !== null) await load(id, token, true);
      },
      async reload() {
        const { id } = get();
        if (id !== null) await load(id, opened, false);
      },
      setDraft: (change) => set({ draft: { ...get().draft, ...change }, sendError: null }),
      useCanned(reply) {
        set({ draft: { mode: reply.author, body: reply.body, setStatus: reply.setsStatus }, sendError: null, focusComposer: get().focusComposer + 1 });
      },
      startComposing(mode) {
        set({ draft: { ...get().draft, mode }, focusComposer: get().focusComposer + 1 });
      },
      async send() {
        const { id, draft } = get();
        if (id === null || draft.body.trim() === '') return false;
        set({ busy: true, sendError: null });
        try {
          await client.call('tickets.reply', { ticketId: id, body: draft.body, author: draft.mode, setStatus: draft.setStatus });
          set({ draft: { ...emptyDraft, mode: draft.mode } });
          await get().reload();
          return true;
        } catch (error) {
          set({ sendError: describeFailure(error).message });
          return false;
        } finally {
          set({ busy: false });
        }
      },
      async edit(changes) {
        const { id } = get();
        if (id === null) return;
        set({ busy: true });
        try {
          await client.call('tickets.edit', { ticketIds: [id], changes });
          await get().reload();
        } catch (error) {
          report('Changing the ticket', error);
        } finally {
          set({ busy: false });
        }
      },
      async takeNextStep(action, openInspector) {
        const { id, detail } = get();
        if (id === null || detail === null) return;
        switch (action.kind) {
          case 'send': {
            const reply = detail.cannedReplies.find((c) => c.id === action.cannedId);
            if (!reply) return;
            set({ draft: { mode: reply.author, body: reply.body, setStatus: reply.setsStatus } });
            await get().send();
            return;
          }
          case 'link':
            await get().edit({ ...(action.learnerId ? { learnerId: action.learnerId } : {}), ...(action.moduleId ? { moduleId: action.moduleId } : {}) });
            return;
          case 'status':
            await get().edit({ status: action.status });
            return;
          case 'inspect':
            openInspector(action.learnerId, action.moduleId, id);
            return;
        }
      },
      async resolveConflict(writeId, choice) {
        set({ busy: true });
        try {
          await client.call('sync.resolveConflict', { writeId, choice });
          await get().reload();
        } catch (error) {
          report('Settling the conflicting change', error);
        } finally {
          set({ busy: false });
        }
      },
    };
  });
}

export type TicketStore = ReturnType<typeof createTicketStore>;

export const useTicket: TicketStore = createTicketStore(passdesk, (action, error) => useAlerts.getState().report(action, error));
