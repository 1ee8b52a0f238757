/**
 * The header's profile picker: a native select, so keyboard and screen-reader behaviour are
 * the platform's own. Choosing a profile switches the whole app to it.
 */
import { useAppStore } from '../../store/StoreProvider';
import { Select, type SelectOption } from '../../ui/Select';
import { toVisibleString } from '../../ui/visibleText';

export function ProfilePicker(): React.JSX.Element | null {
  const profiles = useAppStore((state) => state.profiles);
  const activeId = useAppStore((state) => state.activeProfileId);
  const selectProfile = useAppStore((state) => state.selectProfile);
  if (profiles.length === 0 || activeId === null) return null;

  const options: SelectOption<string>[] = profiles.map((profile) => ({
    value: profile.id,
    label: profile.sandbox
      ? `${toVisibleString(profile.name)} (built-in)`
      : toVisibleString(profile.name),
  }));
  return (
    <Select
      className="profile-picker"
      label="Profile"
      value={activeId}
      options={options}
      onChange={(profileId) => void selectProfile(profileId)}
    />
  );
}
