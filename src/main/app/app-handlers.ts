// What main answers on the app shell's channels (src/shared/channels/app.ts).
import type { appChannels, AppStatus } from '../../shared/channels/app';
import type { Handlers } from '../ipc/dispatcher';
import type { Clock } from './clock';
import type { LmsChoice } from './lms-choice';

export type AppHandlers = Pick<Handlers, keyof typeof appChannels>;

export interface AppHandlerDeps {
  choice: LmsChoice;
  clock: Clock;
  appStatus(): AppStatus;
}

export function createAppHandlers({ choice, clock, appStatus }: AppHandlerDeps): AppHandlers {
  return {
    'app.status': () => appStatus(),
    'app.ping': () => ({ at: clock.now().getTime() }),
    'settings.get': () => choice.settings(),
    'settings.setDemoRole': async ({ role }) => {
      await choice.setDemoRole(role);
      return appStatus();
    },
    'settings.connectLms': async ({ url, token }) => {
      await choice.connect({ url, token });
      return appStatus();
    },
    'settings.useDemoLms': async () => {
      await choice.useDemo();
      return appStatus();
    },
  };
}
