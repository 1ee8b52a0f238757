/**
 * The built-in Sandbox profile, read-only: the app manages its address, trust and admin
 * client. Its agent credentials can still be kept like any other profile's.
 */
import { useEffect, useId, useRef } from 'react';
import type { ProfileView } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { SafeText } from '../../ui/SafeText';
import { AgentCredentials } from './AgentCredentials';
import { ConnectionChecks } from './ConnectionChecks';
import { profileFacts } from './profileSummary';
import { useConnectionTest } from './useConnectionTest';

export function SandboxDetails({
  profile,
  onClose,
}: {
  profile: ProfileView;
  onClose: () => void;
}): React.JSX.Element {
  const connection = useConnectionTest();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const checksId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="profile-editor">
      <h2 ref={headingRef} tabIndex={-1}>
        <SafeText value={profile.name} /> (built-in)
      </h2>
      <p>
        The Sandbox is a WSO2 emulator that runs inside ShareDesk. Its address, certificate and
        administrator client are set by the app each time it starts, so they cannot be edited.
      </p>
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
      <div className="profile-form-actions">
        <Button
          onClick={() => void connection.run({ profileId: profile.id })}
          disabled={connection.state.status === 'running'}
        >
          Test connection
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Back to profiles
        </Button>
      </div>
      <ConnectionChecks state={connection.state} headingId={checksId} />
      <AgentCredentials profile={profile} />
    </div>
  );
}
