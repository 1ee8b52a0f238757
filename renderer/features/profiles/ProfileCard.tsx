/**
 * One profile in the list: what it points at, whether it is active, and its actions. The
 * Sandbox profile is marked built-in and has no edit or remove.
 */
import { useId, useState } from 'react';
import type { ProfileView } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SafeText } from '../../ui/SafeText';
import { toVisibleString } from '../../ui/visibleText';
import { ConfirmDialog } from './ConfirmDialog';
import { ConnectionChecks } from './ConnectionChecks';
import { profileFacts } from './profileSummary';
import { useConnectionTest } from './useConnectionTest';
import { usePendingFocus } from './usePendingFocus';

export interface ProfileCardProps {
  profile: ProfileView;
  active: boolean;
  /** The id of the Edit/View button, so focus can come back to it. */
  openButtonId: string;
  onOpen: () => void;
  onRemoved: () => void;
}

export function ProfileCard({
  profile,
  active,
  openButtonId,
  onOpen,
  onRemoved,
}: ProfileCardProps): React.JSX.Element {
  const selectProfile = useAppStore((state) => state.selectProfile);
  const removeProfile = useAppStore((state) => state.removeProfile);
  const notify = useAppStore((state) => state.notify);
  const connection = useConnectionTest();
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const focusLater = usePendingFocus();
  const nameId = useId();
  const checksId = useId();
  const name = toVisibleString(profile.name);

  const use = async (): Promise<void> => {
    await selectProfile(profile.id);
    // The button goes once the profile is active; its neighbour keeps the place.
    focusLater(() => document.getElementById(openButtonId));
  };

  const remove = async (): Promise<void> => {
    const result = await removeProfile(profile.id);
    if (!result.ok) {
      setRemoveError(result.error.message);
      return;
    }
    setConfirming(false);
    notify(`Removed the profile ${name}.`);
    onRemoved();
  };

  return (
    <li className="profile-card" aria-labelledby={nameId}>
      <div className="profile-card-head">
        <h2 id={nameId}>
          <SafeText value={profile.name} />
        </h2>
        {active ? <Badge tone="info">Active</Badge> : null}
        {profile.sandbox ? <Badge>Built-in, read-only</Badge> : null}
      </div>
      <dl className="profile-facts">
        {profileFacts(profile).map((fact) => (
          <div key={fact.term}>
            <dt>{fact.term}</dt>
            <dd>
              <SafeText value={fact.value} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="profile-actions" role="group" aria-labelledby={nameId}>
        {active ? null : <Button onClick={() => void use()}>Use this profile</Button>}
        <Button id={openButtonId} onClick={onOpen}>
          {profile.sandbox ? 'View details' : 'Edit'}
        </Button>
        <Button
          onClick={() => void connection.run({ profileId: profile.id })}
          disabled={connection.state.status === 'running'}
        >
          Test connection
        </Button>
        {profile.sandbox ? null : (
          <Button
            variant="danger"
            onClick={() => {
              setRemoveError(null);
              setConfirming(true);
            }}
          >
            Remove
          </Button>
        )}
      </div>
      <ConnectionChecks state={connection.state} headingId={checksId} />
      <ConfirmDialog
        open={confirming}
        title={`Remove the profile ${name}?`}
        confirmLabel="Remove profile"
        onClose={() => setConfirming(false)}
        onConfirm={remove}
      >
        <p>
          ShareDesk forgets this server and deletes its client and agent secrets from the keychain.
          Nothing changes on the server.
        </p>
        {removeError ? (
          <ErrorBanner title="The profile was not removed" message={removeError} />
        ) : null}
      </ConfirmDialog>
    </li>
  );
}
