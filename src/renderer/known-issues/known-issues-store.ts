// The Known Issues screen's data, read from main for a chosen window of days.
import { create } from 'zustand';
import type { KnownIssuesOverview } from '../../shared/contract';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { describeFailure } from '../stores/alerts-store';

export type OverviewLoad =
  | { state: 'loading'; previous: KnownIssuesOverview | null }
  | { state: 'ready'; overview: KnownIssuesOverview }
  | { state: 'failed'; message: string };

export interface KnownIssuesState {
  sinceDays: number;
  load: OverviewLoad;
  read(sinceDays?: number): Promise<void>;
}

export const WINDOW_CHOICES = [30, 90, 365] as const;

export function createKnownIssuesStore(client: PassdeskClient) {
  let latest = 0;
  return create<KnownIssuesState>()((set, get) => ({
    sinceDays: 90,
    load: { state: 'loading', previous: null },
    async read(sinceDays = get().sinceDays) {
      const mine = ++latest;
      const now = get().load;
      set({ sinceDays, load: { state: 'loading', previous: now.state === 'ready' ? now.overview : now.state === 'loading' ? now.previous : null } });
      try {
        const overview = await client.call('knownIssues.overview', { sinceDays });
        if (mine === latest) set({ load: { state: 'ready', overview } });
      } catch (error) {
        if (mine === latest) set({ load: { state: 'failed', message: describeFailure(error).message } });
      }
    },
  }));
}

export const useKnownIssues = createKnownIssuesStore(passdesk);
