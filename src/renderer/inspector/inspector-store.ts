// Which learner + module the inspector shows, and what main answered for it. Opened from a
// ticket, from the inbox's learner panel, from the Known Issues screen or by searching:
// every way in calls openInspector, which also brings the Inspector screen up.
import { create } from 'zustand';
import type { Inspection, InspectorTarget } from '../../shared/contract';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { describeFailure } from '../stores/alerts-store';
import { useNavigation } from '../stores/navigation-store';

export interface InspectorSubject {
  learnerId: string;
  moduleId: string;
  /** The ticket the verdict is for; null when opened without one. */
  ticketId: string | null;
}

export type InspectionLoad =
  | { state: 'idle' }
  | { state: 'loading'; previous: Inspection | null }
  | { state: 'ready'; inspection: Inspection }
  | { state: 'failed'; message: string };

export interface InspectorState {
  subject: InspectorSubject | null;
  /** The learner inspected last, so choosing another module starts from them. */
  lastLearnerId: string | null;
  load: InspectionLoad;
  /** Shows this learner + module (and ticket) and asks main for it. */
  show(subject: InspectorSubject): Promise<void>;
  /** Asks main again for the subject on screen (after a sync, a review, a refresh). */
  reload(): Promise<void>;
  /** Back to the search: nothing inspected. */
  clear(): void;
}

export function createInspectorStore(client: PassdeskClient) {
  // Each request gets a number; an answer to an older request never replaces a newer one.
  let latest = 0;
  return create<InspectorState>()((set, get) => {
    async function fetchSubject(subject: InspectorSubject): Promise<void> {
      const mine = ++latest;
      const current = get().load;
      set({ load: { state: 'loading', previous: current.state === 'ready' ? current.inspection : current.state === 'loading' ? current.previous : null } });
      try {
        const target: InspectorTarget = { learnerId: subject.learnerId, moduleId: subject.moduleId, ticketId: subject.ticketId };
        const inspection = await client.call('inspector.open', target);
        if (mine === latest) set({ load: { state: 'ready', inspection } });
      } catch (error) {
        if (mine === latest) set({ load: { state: 'failed', message: describeFailure(error).message } });
      }
    }
    return {
      subject: null,
      lastLearnerId: null,
      load: { state: 'idle' },
      async show(subject) {
        set({ subject, lastLearnerId: subject.learnerId });
        await fetchSubject(subject);
      },
      async reload() {
        const subject = get().subject;
        if (subject) await fetchSubject(subject);
      },
      clear() {
        latest += 1;
        set({ subject: null, load: { state: 'idle' } });
      },
    };
  });
}

export type InspectorStore = ReturnType<typeof createInspectorStore>;

export const useInspector: InspectorStore = createInspectorStore(passdesk);

/** Opens the Inspector on a learner + module — from a ticket, the learner panel or the Known Issues screen. */
export function openInspector(subject: { learnerId: string; moduleId: string; ticketId?: string | null }): void {
  void useInspector.getState().show({ learnerId: subject.learnerId, moduleId: subject.moduleId, ticketId: subject.ticketId ?? null });
  useNavigation.getState().go('inspector');
}

/**
 * Keeps the inspection current: asks main again when a pull brought new data, or when a
 * screenshot was reviewed or downloaded — both can change the verdict. Returns the stop.
 */
export function followChanges(store: InspectorStore, client: PassdeskClient): () => void {
  let lastPull: string | null = null;
  const reloadIfShown = () => {
    if (store.getState().subject) void store.getState().reload();
  };
  const stops = [
    client.on('sync.changed', (status) => {
      if (status.lastPullAt === lastPull) return;
      const first = lastPull === null;
      lastPull = status.lastPullAt;
      if (!first) reloadIfShown();
    }),
    client.on('screenshots.changed', reloadIfShown),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
