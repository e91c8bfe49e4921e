// The inbox's keyboard shortcuts: which key does what, for the key handler and for the list
// the `?` dialog shows — one table, so the dialog cannot drift from what the keys do. Pure.

export type InboxCommand = 'next' | 'previous' | 'open' | 'search' | 'reply' | 'note' | 'resolve' | 'assignToMe' | 'toggleSelect' | 'help' | 'back';

export interface Shortcut {
  keys: readonly string[];
  command: InboxCommand;
  does: string;
}

export const inboxShortcuts: readonly Shortcut[] = [
  { keys: ['j', 'ArrowDown'], command: 'next', does: 'Next ticket' },
  { keys: ['k', 'ArrowUp'], command: 'previous', does: 'Previous ticket' },
  { keys: ['Enter'], command: 'open', does: 'Open the ticket (read the thread)' },
  { keys: ['/'], command: 'search', does: 'Search subjects, messages and senders' },
  { keys: ['r'], command: 'reply', does: 'Reply to the learner' },
  { keys: ['n'], command: 'note', does: 'Add an internal note' },
  { keys: ['e'], command: 'resolve', does: 'Resolve (the selected tickets, or this one)' },
  { keys: ['a'], command: 'assignToMe', does: 'Assign to me (the selected tickets, or this one)' },
  { keys: ['x', ' '], command: 'toggleSelect', does: 'Select or unselect for a bulk change' },
  { keys: ['Escape'], command: 'back', does: 'Back to the list' },
  { keys: ['?'], command: 'help', does: 'Show these shortcuts' },
];

/** Keys that move the focus of the list; only the list itself listens for the arrows. */
const LIST_ONLY = new Set(['ArrowDown', 'ArrowUp', ' ', 'Enter']);

export interface InboxKey {
  key: string;
  withModifier: boolean;
  inTextField: boolean;
  /** The key reached us from the ticket list (it has focus). */
  inList: boolean;
}

export function commandFor(press: InboxKey): InboxCommand | null {
  if (press.withModifier) return null;
  if (press.inTextField) return press.key === 'Escape' ? 'back' : null;
  if (LIST_ONLY.has(press.key) && !press.inList) return null;
  return inboxShortcuts.find((s) => s.keys.includes(press.key))?.command ?? null;
}

export function keyLabel(key: string): string {
  if (key === ' ') return 'Space';
  if (key === 'ArrowDown') return '↓';
  if (key === 'ArrowUp') return '↑';
  if (key === 'Escape') return 'Esc';
  return key;
}
