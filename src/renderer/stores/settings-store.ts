// Settings as main keeps them (the token itself never reaches the renderer), and the three
// commands that change which LMS Passdesk talks to and as whom.
import { create } from 'zustand';
import type { AppStatus, ChannelInput, Settings } from '../../shared/contract';
import type { Role } from '../../shared/lms/entities';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { describeFailure, useAlerts } from './alerts-store';
import { useStatus } from './status-store';

export type SettingsCommand = 'role' | 'connect' | 'demo';

export interface SettingsState {
  settings: Settings | null;
  loadError: string | null;
  /** The command under way, so its controls can wait for it. */
  pending: SettingsCommand | null;
  load(): Promise<void>;
  setDemoRole(role: Role): Promise<void>;
  /** Resolves to the failure, if any, so the form can show it by its fields. */
  connectLms(input: ChannelInput<'settings.connectLms'>): Promise<unknown>;
  switchToDemoLms(): Promise<void>;
}

export interface SettingsStoreDeps {
  client: PassdeskClient;
  applyStatus(status: AppStatus): void;
  report(action: string, error: unknown): void;
}

export function createSettingsStore({ client, applyStatus, report }: SettingsStoreDeps) {
  return create<SettingsState>()((set, get) => {
    async function run(command: SettingsCommand, action: string, call: () => Promise<AppStatus>, reportFailure: boolean): Promise<unknown> {
      set({ pending: command });
      try {
        applyStatus(await call());
        await get().load();
        return null;
      } catch (error) {
        if (reportFailure) report(action, error);
        return error;
      } finally {
        set({ pending: null });
      }
    }
    return {
      settings: null,
      loadError: null,
      pending: null,
      async load() {
        try {
          set({ settings: await client.call('settings.get', {}), loadError: null });
        } catch (error) {
          set({ loadError: describeFailure(error).message });
        }
      },
      async setDemoRole(role) {
        await run('role', `Signing in as the demo ${role}`, () => client.call('settings.setDemoRole', { role }), true);
      },
      connectLms(input) {
        return run('connect', 'Connecting to the LMS', () => client.call('settings.connectLms', input), false);
      },
      async switchToDemoLms() {
        await run('demo', 'Switching to the demo LMS', () => client.call('settings.useDemoLms', {}), true);
      },
    };
  });
}

export const useSettings = createSettingsStore({
  client: passdesk,
  applyStatus: (status) => useStatus.getState().applyStatus(status),
  report: (action, error) => useAlerts.getState().report(action, error),
});
