// The sync engine as the renderer sees it: its status (pushed by main with sync.changed) and
// the Sync panel's lists, read again whenever the status says something moved.
import { create } from 'zustand';
import type { ConflictChoice, PendingWrite, QuarantinedRecord, SyncStatus, TicketConflict } from '../../shared/channels/sync';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { failureText } from '../stores/alerts-store';

export interface SyncState {
  status: SyncStatus | null;
  pending: PendingWrite[];
  quarantine: { records: QuarantinedRecord[]; total: number };
  conflicts: TicketConflict[];
  /** Why the last call failed, in the words main gave; null when it worked. */
  error: string | null;
  /** A "sync now", a conflict choice or an action on a refused write is on its way. */
  busy: boolean;
  loadStatus(): Promise<void>;
  loadLists(): Promise<void>;
  applyStatus(status: SyncStatus): void;
  syncNow(): Promise<void>;
  resolveConflict(writeId: string, choice: ConflictChoice): Promise<void>;
  /** Puts a refused write aside once read (main keeps the record). */
  dismissWrite(writeId: string): Promise<void>;
  /** Sends a refused write again, where main allows it. */
  tryWriteAgain(writeId: string): Promise<void>;
}

export function createSyncStore(client: PassdeskClient) {
  return create<SyncState>()((set, get) => {
    /**
     * Runs a command, then reads the lists again. A refusal from main is set after the lists,
     * whose successful read clears the error: it must stay in view.
     */
    async function command(run: () => Promise<void>): Promise<void> {
      set({ busy: true });
      let refusal: string | null = null;
      try {
        await run();
      } catch (error) {
        refusal = failureText(error);
      } finally {
        set({ busy: false });
      }
      await get().loadLists();
      if (refusal !== null) set({ error: refusal });
    }

    /** Dismiss or try again: main answers with the status, whose counts have moved. */
    const onRefusedWrite = (channel: 'sync.dismissWrite' | 'sync.tryWriteAgain', writeId: string) =>
      command(async () => {
        set({ status: await client.call(channel, { writeId }), error: null });
      });

    return {
      status: null,
      pending: [],
      quarantine: { records: [], total: 0 },
      conflicts: [],
      error: null,
      busy: false,
      async loadStatus() {
        try {
          set({ status: await client.call('sync.status', {}), error: null });
        } catch (error) {
          set({ error: failureText(error) });
        }
      },
      async loadLists() {
        try {
          const [pending, quarantine, conflicts] = await Promise.all([
            client.call('sync.pending', {}),
            client.call('sync.quarantine', {}),
            client.call('sync.conflicts', {}),
          ]);
          set({ pending: pending.writes, quarantine, conflicts: conflicts.conflicts, error: null });
        } catch (error) {
          set({ error: failureText(error) });
        }
      },
      applyStatus(status) {
        set({ status });
      },
      syncNow: () =>
        command(async () => {
          set({ status: await client.call('sync.now', {}), error: null });
        }),
      resolveConflict: (writeId, choice) =>
        command(async () => {
          const { conflicts } = await client.call('sync.resolveConflict', { writeId, choice });
          set({ conflicts, error: null });
        }),
      dismissWrite: (writeId) => onRefusedWrite('sync.dismissWrite', writeId),
      tryWriteAgain: (writeId) => onRefusedWrite('sync.tryWriteAgain', writeId),
    };
  });
}

export type SyncStore = ReturnType<typeof createSyncStore>;

export const useSync: SyncStore = createSyncStore(passdesk);

/** Counts whose change means the panel's lists are stale. */
function listsKey(status: SyncStatus): string {
  return `${status.pendingWrites}/${status.failedWrites}/${status.conflicts}/${status.quarantined}`;
}

/**
 * Loads the status and keeps it current from sync.changed; with `withLists`, also keeps the
 * Sync panel's lists current. Returns the function that stops following.
 */
export function followSync(store: SyncStore, client: PassdeskClient, options: { withLists: boolean }): () => void {
  let lastKey = '';
  let stop: () => void = () => undefined;
  try {
    stop = client.on('sync.changed', (status) => {
      store.getState().applyStatus(status);
      const key = listsKey(status);
      if (options.withLists && key !== lastKey) {
        lastKey = key;
        void store.getState().loadLists();
      }
    });
  } catch (error) {
    store.setState({ error: failureText(error) });
  }
  void store.getState().loadStatus();
  if (options.withLists) void store.getState().loadLists();
  return stop;
}
