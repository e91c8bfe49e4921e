// The panels of the Settings screen, top to bottom. A feature with settings of its own adds
// its panel here (the sync feature adds its Sync panel after the LMS connection).
import type { ComponentType } from 'react';
import { ConnectLmsForm } from './ConnectLmsForm';
import { LmsConnectionPanel } from './LmsConnectionPanel';
import { SyncPanel } from '../sync/SyncPanel';

export interface SettingsPanel {
  id: string;
  Panel: ComponentType;
}

export const settingsPanels: readonly SettingsPanel[] = [
  { id: 'lms-connection', Panel: LmsConnectionPanel },
  { id: 'sync', Panel: SyncPanel },
  { id: 'connect-lms', Panel: ConnectLmsForm },
];
