import { screens } from '../navigation/screens';
import { useNavigation } from '../stores/navigation-store';
import { NavIcon } from './NavIcon';

export function NavigationBar() {
  const current = useNavigation((s) => s.screen);
  const go = useNavigation((s) => s.go);
  return (
    <nav className="app-nav" aria-label="Main">
      <div className="brand">
        <span className="brand-name">Passdesk</span>
        <span className="brand-tagline">LMS support desk</span>
      </div>
      <ul className="nav-list">
        {screens.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen.id === current ? 'page' : undefined}
              aria-keyshortcuts={`g ${screen.shortcutKey}`}
              onClick={() => go(screen.id)}
            >
              <NavIcon screen={screen.id} />
              <span className="nav-label">{screen.label}</span>
              <kbd className="nav-shortcut" aria-hidden="true">
                g {screen.shortcutKey}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
