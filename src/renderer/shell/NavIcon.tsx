// Small line icons for the navigation; decorative, the label names the screen.
import type { ScreenId } from '../navigation/screens';

const paths: Record<ScreenId, string> = {
  inbox: 'M3 13h4l1.5 2.5h3L13 13h4M3 13l2.2-7.2A1.5 1.5 0 0 1 6.6 4.7h6.8a1.5 1.5 0 0 1 1.4 1.1L17 13v3.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V13',
  inspector: 'M3 17h14M5.5 14V9M10 14V5M14.5 14v-3',
  screenshots: 'M3.5 4.5h13v11h-13zM3.5 12.5l3.5-3.5 3 3 2-2 4.5 4.5M12.8 7.6a.9.9 0 1 0 0-.1',
  passes: 'M10 17.5a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15zM6.8 10.2l2.2 2.2 4.3-4.6',
  'known-issues': 'M10 3 18 16.5H2zM10 8v4.2M10 14.3v.2',
  settings: 'M4 5.5h12M4 10h12M4 14.5h12M7 4v3M13 8.5v3M9 13v3',
};

export function NavIcon({ screen }: { screen: ScreenId }) {
  return (
    <svg className="nav-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={paths[screen]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
