/**
 * The Activity screen: the outbox with its replay and conflicts, the journal with export and
 * undo, and the drift check, as tabs; storage problems of the sharing records above them.
 */
import { useEffect } from 'react';
import { ScreenHeading } from '../../app/ScreenHeading';
import type { ActivityTab } from '../../store/activitySlice';
import { useAppStore } from '../../store/StoreProvider';
import { EmptyState } from '../../ui/EmptyState';
import { Tabs } from '../../ui/Tabs';
import { DriftPanel } from './DriftPanel';
import { JournalPanel } from './JournalPanel';
import { OutboxPanel } from './OutboxPanel';
import { StorageBanner } from './StorageBanner';
import '../sharing/sharing.css';
import './activity.css';

export function ActivityScreen(): React.JSX.Element {
  const activeProfileId = useAppStore((state) => state.activeProfileId);
  const tab = useAppStore((state) => state.activityTab);
  const setTab = useAppStore((state) => state.setActivityTab);
  const problems = useAppStore((state) => state.storageProblems);
  const loadOutbox = useAppStore((state) => state.loadOutbox);
  const loadJournal = useAppStore((state) => state.loadJournal);
  const loadAgents = useAppStore((state) => state.loadSharingAgents);
  const loadProblems = useAppStore((state) => state.loadStorageProblems);
  const listen = useAppStore((state) => state.listenToSharingProgress);

  // Read everything on each visit: plans are queued and applied on the Share editor.
  useEffect(() => {
    if (activeProfileId === null) return;
    listen();
    void loadAgents();
    void loadOutbox();
    void loadJournal();
    void loadProblems();
  }, [activeProfileId, listen, loadAgents, loadOutbox, loadJournal, loadProblems]);

  return (
    <div className="sharing-screen activity-screen">
      <ScreenHeading>Activity</ScreenHeading>
      {activeProfileId === null ? (
        <EmptyState title="No profile is active">
          <p>Choose or add a server on the Profiles screen first.</p>
        </EmptyState>
      ) : (
        <>
          <StorageBanner problems={problems} />
          <Tabs<ActivityTab>
            label="Activity"
            selected={tab}
            onSelect={setTab}
            tabs={[
              { id: 'outbox', label: 'Outbox', content: <OutboxPanel /> },
              { id: 'journal', label: 'Journal', content: <JournalPanel /> },
              { id: 'drift', label: 'Drift', content: <DriftPanel /> },
            ]}
          />
        </>
      )}
    </div>
  );
}
