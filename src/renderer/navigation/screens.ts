// The screens of the left navigation, in the order a ticket travels through them. A later
// feature adds its screen here and its component in shell/screen-components.ts; the
// type checker then insists on both.
export const screenIds = ['inbox', 'inspector', 'screenshots', 'passes', 'known-issues', 'settings'] as const;
export type ScreenId = (typeof screenIds)[number];

export interface ScreenEntry {
  id: ScreenId;
  label: string;
  /** The second key of its "g then key" shortcut. */
  shortcutKey: string;
}

export const screens: readonly ScreenEntry[] = [
  { id: 'inbox', label: 'Inbox', shortcutKey: 'i' },
  { id: 'inspector', label: 'Inspector', shortcutKey: 'd' },
  { id: 'screenshots', label: 'Screenshots', shortcutKey: 's' },
  { id: 'passes', label: 'Manual Pass', shortcutKey: 'p' },
  { id: 'known-issues', label: 'Known Issues', shortcutKey: 'k' },
  { id: 'settings', label: 'Settings', shortcutKey: ',' },
];

export function screenLabel(id: ScreenId): string {
  return screens.find((s) => s.id === id)?.label ?? id;
}
