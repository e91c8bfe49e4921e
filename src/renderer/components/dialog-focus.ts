// What a key press inside an open dialog should do: Tab and Shift+Tab wrap around the dialog's
// own controls instead of leaving it, Escape closes it — except while a request is in flight,
// when closing would hide whether it worked. Pure, so it is tested without a browser.

/** The controls a keyboard user can reach with Tab. */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export type DialogKeyAction = { kind: 'close' } | { kind: 'focus'; index: number } | { kind: 'none' };

export interface DialogKey {
  key: string;
  shiftKey: boolean;
  /** Where focus is among the dialog's focusable controls; -1 when it is on none of them. */
  index: number;
  /** How many focusable controls the dialog has. */
  count: number;
  /** A request is in flight: Escape waits for it. */
  busy: boolean;
  /** The dialog closes on Escape at all (a native <dialog> does that itself). */
  closesOnEscape: boolean;
}

export function dialogKeyAction({ key, shiftKey, index, count, busy, closesOnEscape }: DialogKey): DialogKeyAction {
  if (key === 'Escape') return closesOnEscape && !busy ? { kind: 'close' } : { kind: 'none' };
  if (key !== 'Tab' || count === 0) return { kind: 'none' };
  if (index === -1) return { kind: 'focus', index: shiftKey ? count - 1 : 0 };
  if (shiftKey && index === 0) return { kind: 'focus', index: count - 1 };
  if (!shiftKey && index === count - 1) return { kind: 'focus', index: 0 };
  // Inside the ring: the browser's own Tab order is right.
  return { kind: 'none' };
}
