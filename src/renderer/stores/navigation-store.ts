// Which screen is open. No router: Passdesk is one window with a handful of screens, and the
// screen is state like any other.
import { create } from 'zustand';
import type { ScreenId } from '../navigation/screens';

interface NavigationState {
  screen: ScreenId;
  go(screen: ScreenId): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  screen: 'inbox',
  go: (screen) => set({ screen }),
}));
