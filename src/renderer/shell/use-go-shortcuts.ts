// Listens for "g then a key" anywhere in the window except while typing.
import { useEffect } from 'react';
import { idleGoState, stepGoShortcut, type GoState } from '../navigation/go-shortcuts';
import { useNavigation } from '../stores/navigation-store';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

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
        event.preventDefault();
        useNavigation.getState().go(step.go);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
