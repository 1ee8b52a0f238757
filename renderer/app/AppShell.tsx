/**
 * The window layout: header, keychain and profile-file banners, left navigation, and the
 * current screen. On navigation, focus moves to the new screen's heading so keyboard and
 * screen-reader users land at the top of what changed.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { Header } from './Header';
import { KeychainBanner } from './KeychainBanner';
import { NavBar } from './NavBar';
import { Notifications } from './Notifications';
import { StoreProblemBanner } from './StoreProblemBanner';
import { withOverrides, type ScreenOverrides } from './screens';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useThemeSync } from './useThemeSync';
import './app.css';

export interface AppShellProps {
  profileSlot?: ReactNode;
  /** Real screens replacing the placeholders, as the features land. */
  screens?: ScreenOverrides;
}

export function AppShell({ profileSlot, screens }: AppShellProps): React.JSX.Element {
  const screenId = useAppStore((state) => state.screen);
  const pendingFocus = useAppStore((state) => state.pendingFocus);
  const consumePendingFocus = useAppStore((state) => state.consumePendingFocus);
  const mainRef = useRef<HTMLElement>(null);
  useThemeSync();
  useGlobalShortcuts();

  const definitions = withOverrides(screens);
  const current = definitions.find((screen) => screen.id === screenId) ?? definitions[0];
  const Screen = current?.component;

  useLayoutEffect(() => {
    if (pendingFocus !== 'heading') return;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
    consumePendingFocus();
  }, [pendingFocus, screenId, consumePendingFocus]);

  return (
    <div className="app">
      <Header profileSlot={profileSlot} />
      <KeychainBanner />
      <StoreProblemBanner />
      <div className="app-body">
        <NavBar screens={definitions} />
        <main ref={mainRef} className="app-main" aria-label={current?.title}>
          {Screen ? <Screen key={screenId} /> : null}
        </main>
      </div>
      <Notifications />
      <ShortcutsDialog />
    </div>
  );
}
