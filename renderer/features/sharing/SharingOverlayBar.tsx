/**
 * Above the org tree: choose an agent to see its effective sharing on every row, with a
 * summary of the counts by how the agent reaches each organization and what is wrong.
 */
import { useEffect } from 'react';
import type { EffectiveSharing, ShareVia } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SyncIcon } from '../../ui/icons';
import { Select } from '../../ui/Select';
import { Spinner } from '../../ui/Spinner';
import { toVisibleString } from '../../ui/visibleText';
import { VIA, VIA_ORDER } from './shareVia';
import { useAgentName } from './useAgentName';
import './sharing.css';

const MODE_TEXT: Readonly<Record<EffectiveSharing['mode'], string>> = {
  'not-shared': 'is not shared with any organization',
  'all-orgs': 'is shared with all organizations',
  selected: 'is shared with selected organizations',
};

function viaCounts(effective: EffectiveSharing): Map<ShareVia, number> {
  const counts = new Map<ShareVia, number>();
  for (const org of effective.orgs) {
    if (!org.shared) continue;
    counts.set(org.via, (counts.get(org.via) ?? 0) + 1);
  }
  return counts;
}

function OverlaySummary({
  effective,
  agentName,
}: {
  effective: EffectiveSharing;
  agentName: string;
}): React.JSX.Element {
  const counts = viaCounts(effective);
  const { missingShare, roleMismatch, outsidePolicy, shared } = effective.counts;
  return (
    <div className="sharing-overlay-summary" aria-label="Sharing summary" role="group">
      <p>
        {agentName} {MODE_TEXT[effective.mode]}: {shared}{' '}
        {shared === 1 ? 'organization' : 'organizations'} reached.
      </p>
      <ul className="sharing-chip-list">
        {VIA_ORDER.filter((via) => (counts.get(via) ?? 0) > 0).map((via) => (
          <li key={via}>
            <Badge tone={VIA[via].tone} icon={VIA[via].icon} title={VIA[via].meaning}>
              {VIA[via].text}: {counts.get(via)}
            </Badge>
          </li>
        ))}
        {missingShare > 0 ? (
          <li>
            <Badge tone="warning">Covered by a policy but not shared: {missingShare}</Badge>
          </li>
        ) : null}
        {roleMismatch > 0 ? (
          <li>
            <Badge tone="warning">Roles differ: {roleMismatch}</Badge>
          </li>
        ) : null}
        {outsidePolicy > 0 ? (
          <li>
            <Badge tone="warning">Outside any policy: {outsidePolicy}</Badge>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function SharingOverlayBar(): React.JSX.Element {
  const agents = useAppStore((state) => state.sharingAgents);
  const overlay = useAppStore((state) => state.overlay);
  const loadAgents = useAppStore((state) => state.loadSharingAgents);
  const setOverlayAgent = useAppStore((state) => state.setOverlayAgent);
  const refreshOverlay = useAppStore((state) => state.refreshOverlay);
  const activeProfileId = useAppStore((state) => state.activeProfileId);
  const agentName = useAgentName();

  useEffect(() => {
    void loadAgents();
  }, [loadAgents, activeProfileId]);

  // The chosen agent belongs to the profile it was read from.
  const staleAgent = overlay.agentId !== null && overlay.profileId !== activeProfileId;
  useEffect(() => {
    if (staleAgent) void setOverlayAgent(null);
  }, [staleAgent, setOverlayAgent]);

  // Every visit reads the state again: a plan may have been applied on another screen.
  useEffect(() => {
    void refreshOverlay();
  }, [refreshOverlay]);

  const options = [
    { value: '', label: 'None (no overlay)' },
    ...agents.items.map((agent) => ({
      value: agent.id,
      label: toVisibleString(agent.displayName),
    })),
  ];

  return (
    <section className="sharing-overlay-bar" aria-label="Sharing overlay">
      <div className="sharing-overlay-controls">
        <Select
          label="Show the sharing of agent"
          value={overlay.agentId ?? ''}
          options={options}
          onChange={(value) => void setOverlayAgent(value === '' ? null : value)}
          error={agents.error}
        />
        {overlay.agentId !== null ? (
          <Button
            icon={<SyncIcon />}
            onClick={() => void refreshOverlay()}
            disabled={overlay.status === 'loading'}
          >
            Read again
          </Button>
        ) : null}
        {overlay.status === 'loading' ? <Spinner label="Reading the agent’s sharing…" /> : null}
      </div>
      {overlay.status === 'failed' && overlay.error ? (
        <ErrorBanner
          title="The agent’s sharing could not be read"
          message={overlay.error}
          onRetry={() => void refreshOverlay()}
        />
      ) : null}
      {overlay.effective !== null && overlay.profileId === activeProfileId ? (
        <OverlaySummary
          effective={overlay.effective}
          agentName={agentName(overlay.effective.agentId)}
        />
      ) : null}
    </section>
  );
}
