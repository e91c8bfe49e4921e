// The panels of the Settings screen, top to bottom. A feature with settings of its own adds
// its panel here (the sync feature adds its Sync panel after the LMS connection).
import type { ComponentType } from 'react';
import { ConnectLmsForm } from './ConnectLmsForm';
import { LmsConnectionPanel } from './LmsConnectionPanel';
import { SyncPanel } from '../sync/SyncPanel';
import { UndoWindowPanel } from '../passes/settings/UndoWindowPanel';
import { AuditChainPanel } from '../passes/settings/AuditChainPanel';

export interface SettingsPanel {
  id: string;
  Panel: ComponentType;
}

export const settingsPanels: readonly SettingsPanel[] = [
  { id: 'lms-connection', Panel: LmsConnectionPanel },
  { id: 'sync', Panel: SyncPanel },
  { id: 'connect-lms', Panel: ConnectLmsForm },
  { id: 'pass-undo-window', Panel: UndoWindowPanel },
  { id: 'pass-audit-chain', Panel: AuditChainPanel },
];
