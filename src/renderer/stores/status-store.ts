// The LMS connection as the status bar shows it: loaded once at start, then kept current by
// main's status.changed events and by every command that answers with a fresh status.
import { create } from 'zustand';
import type { AppStatus } from '../../shared/contract';
import { BRIDGE_CONNECTION_EVENT, BridgeConnection } from '../../shared/bridge-connection';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { describeFailure } from './alerts-store';

export interface StatusState {
  status: AppStatus | null;
  /** True until the first app.status answer (or failure). */
  loading: boolean;
  /** Why the status could not be loaded, when it could not. */
  loadError: string | null;
  /** Browser mode only: whether the page can reach Passdesk's services at all. */
  servicesReachable: boolean;
  load(): Promise<void>;
  /** A status main pushed or a command answered with; always newer than a load in flight. */
  applyStatus(status: AppStatus): void;
  setServicesReachable(reachable: boolean): void;
}

export function createStatusStore(client: PassdeskClient) {
  // Bumped by every pushed status, so a slower app.status answer cannot overwrite it.
  let revision = 0;
  return create<StatusState>()((set) => ({
    status: null,
    loading: true,
    loadError: null,
    servicesReachable: true,
    async load() {
      const startedAt = revision;
      set((s) => ({ loading: s.status === null }));
      try {
        const status = await client.call('app.status', {});
        if (revision !== startedAt) return;
        set({ status, loading: false, loadError: null });
      } catch (error) {
        set({ loading: false, loadError: describeFailure(error).message });
      }
    },
    applyStatus(status) {
      revision += 1;
      set({ status, loading: false, loadError: null });
    },
    setServicesReachable(reachable) {
      set({ servicesReachable: reachable });
    },
  }));
}

export type StatusStore = ReturnType<typeof createStatusStore>;

export const useStatus: StatusStore = createStatusStore(passdesk);

/**
 * Loads the status and keeps it current: main's status.changed events, and — in browser
 * mode — the bridge's reconnects, after which the status is read again since events may
 * have been missed. Returns the function that stops all of it.
 */
export function followStatus(store: StatusStore, client: PassdeskClient, target: EventTarget): () => void {
  const stops: Array<() => void> = [];
  try {
    stops.push(client.on('status.changed', (status) => store.getState().applyStatus(status)));
  } catch (error) {
    store.setState({ loading: false, loadError: describeFailure(error).message });
    return () => undefined;
  }
  const onConnection = (event: Event) => {
    const detail = BridgeConnection.safeParse(event instanceof CustomEvent ? event.detail : null);
    if (!detail.success) return;
    store.getState().setServicesReachable(detail.data.connected);
    if (detail.data.connected) void store.getState().load();
  };
  target.addEventListener(BRIDGE_CONNECTION_EVENT, onConnection);
  stops.push(() => target.removeEventListener(BRIDGE_CONNECTION_EVENT, onConnection));
  void store.getState().load();
  return () => {
    for (const stop of stops) stop();
  };
}
