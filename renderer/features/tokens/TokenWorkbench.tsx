/** The Token workbench screen: run flows, inspect a token, compare two tokens. */
import { useEffect } from 'react';
import { ScreenHeading } from '../../app/ScreenHeading';
import { useAppStore } from '../../store/StoreProvider';
import type { WorkbenchTab } from '../../store/tokenSlice';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SafeText } from '../../ui/SafeText';
import { Spinner } from '../../ui/Spinner';
import { Tabs } from '../../ui/Tabs';
import { ComparePanel } from './ComparePanel';
import { FlowsPanel } from './FlowsPanel';
import { InspectorPanel } from './InspectorPanel';
import { useWorkbenchProfile } from './useWorkbenchProfile';
import './tokens.css';

export function TokenWorkbench(): React.JSX.Element {
  const profile = useWorkbenchProfile();
  const profilesLoad = useAppStore((state) => state.profilesLoad);
  const profilesError = useAppStore((state) => state.profilesError);
  const loadProfiles = useAppStore((state) => state.loadProfiles);
  const listenToFlowEvents = useAppStore((state) => state.listenToFlowEvents);
  const loadHeldTokens = useAppStore((state) => state.loadHeldTokens);
  const tab = useAppStore((state) => state.workbenchTab);
  const setTab = useAppStore((state) => state.setWorkbenchTab);
  const profileId = profile?.id ?? null;

  // Read again on every visit: the agents kept for the profile change on the Profiles screen,
  // and the Sandbox profile receives its demo agents only once the sandbox has started.
  useEffect(() => {
    void loadProfiles();
  }, [loadProfiles]);

  useEffect(() => {
    if (profileId === null) return;
    listenToFlowEvents();
    void loadHeldTokens();
  }, [profileId, listenToFlowEvents, loadHeldTokens]);

  return (
    <div className="tokens-screen">
      <ScreenHeading>Token workbench</ScreenHeading>
      {profile ? (
        <>
          <p className="tokens-dim">
            Profile: <SafeText value={profile.name} />
          </p>
          <Tabs<WorkbenchTab>
            label="Token workbench"
            selected={tab}
            onSelect={setTab}
            tabs={[
              { id: 'flows', label: 'Flows', content: <FlowsPanel profile={profile} /> },
              {
                id: 'inspector',
                label: 'Inspector',
                content: <InspectorPanel profile={profile} />,
              },
              { id: 'compare', label: 'Compare', content: <ComparePanel /> },
            ]}
          />
        </>
      ) : profilesError ? (
        <ErrorBanner
          title="The profiles could not be read"
          message={profilesError}
          onRetry={() => void loadProfiles()}
        />
      ) : profilesLoad === 'loading' || profilesLoad === 'idle' ? (
        <Spinner label="Loading profiles…" />
      ) : (
        <EmptyState title="No profile is active">
          <p>Choose or add a server on the Profiles screen; the workbench works against it.</p>
        </EmptyState>
      )}
    </div>
  );
}
