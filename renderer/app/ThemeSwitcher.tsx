/** Light, dark, or follow the OS. */
import { useAppStore } from '../store/StoreProvider';
import type { ThemePreference } from '../store/themeSlice';
import { Select, type SelectOption } from '../ui/Select';

const OPTIONS: readonly SelectOption<ThemePreference>[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeSwitcher(): React.JSX.Element {
  const preference = useAppStore((state) => state.themePreference);
  const setPreference = useAppStore((state) => state.setThemePreference);
  return (
    <Select
      className="theme-switcher"
      label="Theme"
      value={preference}
      options={OPTIONS}
      onChange={setPreference}
    />
  );
}
