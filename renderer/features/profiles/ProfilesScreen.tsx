/**
 * The Profiles screen: the servers ShareDesk talks to, and the form to add or edit one. Going
 * into a form moves focus to its heading; coming back puts focus on the button that opened it.
 */
import { useState } from 'react';
import { ScreenHeading } from '../../app/ScreenHeading';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { ProfileCard } from './ProfileCard';
import { ProfileEditor } from './ProfileEditor';
import { SandboxDetails } from './SandboxDetails';
import { usePendingFocus } from './usePendingFocus';
import './profiles.css';

type View = { type: 'list' } | { type: 'new' } | { type: 'open'; profileId: string };

const ADD_BUTTON_ID = 'profiles-add';

function openButtonId(profileId: string): string {
  return `profile-open-${profileId}`;
}

export function ProfilesScreen(): React.JSX.Element {
  const profiles = useAppStore((state) => state.profiles);
  const activeId = useAppStore((state) => state.activeProfileId);
  const load = useAppStore((state) => state.profilesLoad);
  const loadError = useAppStore((state) => state.profilesError);
  const loadProfiles = useAppStore((state) => state.loadProfiles);
  const [view, setView] = useState<View>({ type: 'list' });
  const focusLater = usePendingFocus();

  const backToList = (focusId: string): void => {
    setView({ type: 'list' });
    focusLater(() => document.getElementById(focusId) ?? document.getElementById(ADD_BUTTON_ID));
  };

  const opened = view.type === 'open' ? profiles.find((p) => p.id === view.profileId) : undefined;

  let body: React.JSX.Element;
  if (load === 'unavailable') {
    body = (
      <EmptyState title="Profiles need the app">
        This window runs without ShareDesk&apos;s main process, so there are no profiles to show.
      </EmptyState>
    );
  } else if (load === 'failed') {
    body = (
      <ErrorBanner
        title="The profiles could not be loaded"
        message={loadError ?? undefined}
        onRetry={() => void loadProfiles()}
      />
    );
  } else if (load !== 'ready') {
    body = <Spinner label="Loading profiles…" />;
  } else if (view.type === 'new' || (view.type === 'open' && opened && !opened.sandbox)) {
    body = (
      <ProfileEditor
        profile={opened}
        onSaved={(saved) => setView({ type: 'open', profileId: saved.id })}
        onClose={() => backToList(opened ? openButtonId(opened.id) : ADD_BUTTON_ID)}
      />
    );
  } else if (view.type === 'open' && opened) {
    body = <SandboxDetails profile={opened} onClose={() => backToList(openButtonId(opened.id))} />;
  } else {
    body = (
      <>
        <div className="profiles-toolbar">
          <Button id={ADD_BUTTON_ID} variant="primary" onClick={() => setView({ type: 'new' })}>
            Add profile
          </Button>
        </div>
        <ul className="profile-list" aria-label="Profiles">
          {profiles.map((profile) => (
            <ProfileCard
              key={profile.id}
              profile={profile}
              active={profile.id === activeId}
              openButtonId={openButtonId(profile.id)}
              onOpen={() => setView({ type: 'open', profileId: profile.id })}
              onRemoved={() => focusLater(() => document.getElementById(ADD_BUTTON_ID))}
            />
          ))}
        </ul>
      </>
    );
  }

  return (
    <div className="profiles-screen">
      <ScreenHeading>Profiles</ScreenHeading>
      {body}
    </div>
  );
}
