// Keeps keyboard focus in an open dialog and gives it back afterwards: on opening, focus moves
// in (to the control marked autoFocus, else the first one); Tab wraps inside; Escape closes
// unless a request is in flight; on closing, focus returns to whatever opened the dialog.
// Key presses inside do not reach the screen's own shortcuts behind the dialog.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { dialogKeyAction, FOCUSABLE } from './dialog-focus';

interface Options {
  /** Called on Escape; leave out when the element closes itself (a native <dialog>'s cancel). */
  onClose?: () => void;
  busy?: boolean;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
}

export function useDialogFocus(ref: RefObject<HTMLElement | null>, { onClose, busy = false }: Options = {}): (event: KeyboardEvent) => void {
  // Read while rendering: by the time effects run, an autoFocus control inside has taken focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const root = ref.current;
    if (root && !root.contains(document.activeElement)) (focusables(root)[0] ?? root).focus();
    return () => {
      // Only once the dialog has really left the page (React's development re-run of effects
      // keeps it there), and only if the opener is still on it (a re-rendered row may not be).
      if (root?.isConnected) return;
      if (opener?.isConnected) opener.focus();
    };
  }, [ref, opener]);

  return (event) => {
    const root = ref.current;
    if (!root) return;
    event.stopPropagation();
    const ring = focusables(root);
    const active = document.activeElement;
    const action = dialogKeyAction({
      key: event.key,
      shiftKey: event.shiftKey,
      index: ring.findIndex((el) => el === active),
      count: ring.length,
      busy,
      closesOnEscape: onClose !== undefined,
    });
    if (action.kind === 'close') {
      event.preventDefault();
      onClose?.();
    } else if (action.kind === 'focus') {
      event.preventDefault();
      ring[action.index]?.focus();
    }
  };
}
