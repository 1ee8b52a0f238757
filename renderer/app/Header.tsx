/** The top bar: product name, profile picker, connection state, theme, and shortcuts help. */
import type { ReactNode } from 'react';
import { ConnectionBadge } from '../features/orgs/ConnectionBadge';
import { ProfilePicker } from '../features/profiles/ProfilePicker';
import { useAppStore } from '../store/StoreProvider';
import { IconButton } from '../ui/IconButton';
import { KeyboardIcon } from '../ui/icons';
import { ThemeSwitcher } from './ThemeSwitcher';

export interface HeaderProps {
  /** Replaces the profile picker (tests and the bridge-less development build). */
  profileSlot?: ReactNode;
}

export function Header({ profileSlot }: HeaderProps): React.JSX.Element {
  const setShortcutsOpen = useAppStore((state) => state.setShortcutsOpen);
  return (
    <header className="app-header">
      <span className="app-name">ShareDesk</span>
      <div className="app-header-profile">{profileSlot ?? <ProfilePicker />}</div>
      <div className="app-header-status">
        <ConnectionBadge />
      </div>
      <ThemeSwitcher />
      <IconButton
        label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        icon={<KeyboardIcon />}
        onClick={() => setShortcutsOpen(true)}
      />
    </header>
  );
}
