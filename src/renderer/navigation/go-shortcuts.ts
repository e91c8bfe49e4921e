// "g then a key" jumps to a screen, as in mail and issue trackers. Pure, so every key
// sequence can be tested without a browser; the shell feeds it keydown events.
import { screens, type ScreenId } from './screens';

/** How long after `g` the second key still counts. */
export const GO_WINDOW_MS = 1500;

export interface GoState {
  /** When `g` was pressed, or null when no shortcut is under way. */
  gAt: number | null;
}

export interface KeyPress {
  key: string;
  at: number;
  /** Ctrl, Alt or Meta held: the key belongs to the browser or the OS, not to us. */
  withModifier: boolean;
  /** The key was typed into a text field, a select or an editable element. */
  inTextField: boolean;
}

export interface GoStep {
  state: GoState;
  go: ScreenId | null;
}

export const idleGoState: GoState = { gAt: null };

export function stepGoShortcut(state: GoState, press: KeyPress): GoStep {
  if (press.withModifier || press.inTextField) return { state: idleGoState, go: null };
  const pending = state.gAt !== null && press.at - state.gAt <= GO_WINDOW_MS && press.at >= state.gAt;
  if (pending) {
    const target = screens.find((s) => s.shortcutKey === press.key.toLowerCase());
    if (target) return { state: idleGoState, go: target.id };
  }
  if (press.key === 'g') return { state: { gAt: press.at }, go: null };
  return { state: idleGoState, go: null };
}
