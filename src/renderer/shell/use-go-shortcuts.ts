// Listens for "g then a key" anywhere in the window except while typing.
import { useEffect } from 'react';
import { idleGoState, stepGoShortcut, type GoState } from '../navigation/go-shortcuts';
import { useNavigation } from '../stores/navigation-store';
import { isTextField } from '../components/text-field';

export function useGoShortcuts(): void {
  useEffect(() => {
    let state: GoState = idleGoState;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat) return;
      const step = stepGoShortcut(state, {
        key: event.key,
        at: event.timeStamp,
        withModifier: event.ctrlKey || event.altKey || event.metaKey,
        inTextField: isTextField(event.target),
      });
      state = step.state;
      if (step.go) {
        // The key that ends "g …" is the jump's alone: a screen's own shortcut for it (k in the
        // inbox) must not fire too, so this listens first (capture) and stops it here.
        event.preventDefault();
        event.stopImmediatePropagation();
        useNavigation.getState().go(step.go);
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
