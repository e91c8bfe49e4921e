// The component behind each navigation entry; the Record type makes a missing one a type error.
import type { ComponentType } from 'react';
import { InboxScreen } from '../inbox/InboxScreen';
import { InspectorScreen } from '../inspector/InspectorScreen';
import { KnownIssuesScreen } from '../known-issues/KnownIssuesScreen';
import type { ScreenId } from '../navigation/screens';
import { ManualPassScreen } from '../passes/ManualPassScreen';
import { ScreenshotsScreen } from '../screenshots/ScreenshotsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';

export const screenComponents: Record<ScreenId, ComponentType> = {
  inbox: InboxScreen,
  inspector: InspectorScreen,
  screenshots: ScreenshotsScreen,
  passes: ManualPassScreen,
  'known-issues': KnownIssuesScreen,
  settings: SettingsScreen,
};
