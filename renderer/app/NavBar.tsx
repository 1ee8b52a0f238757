/** The left navigation: one button per screen, the current one marked aria-current. */
import { useAppStore } from '../store/StoreProvider';
import type { ScreenDefinition } from './screens';

export function NavBar({ screens }: { screens: readonly ScreenDefinition[] }): React.JSX.Element {
  const current = useAppStore((state) => state.screen);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <nav aria-label="Main" className="app-nav">
      <ul>
        {screens.map((screen, index) => (
          <li key={screen.id}>
            <button
              type="button"
              className="app-nav-item"
              aria-current={screen.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              onClick={() => navigate(screen.id)}
            >
              <span>{screen.title}</span>
              <kbd aria-hidden="true">Alt+{index + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
