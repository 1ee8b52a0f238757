/**
 * Drift: whether an agent's sharing still matches what its stored policies imply (roles
 * missing or unexpected, orgs a policy covers that lack the agent, shares outside any policy),
 * with a repair plan shown in the preview and apply view.
 */
import { useState } from 'react';
import type { DriftFinding, DriftKind } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { CheckIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import { Select } from '../../ui/Select';
import { Spinner } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { toVisibleString } from '../../ui/visibleText';
import { roleLabel } from '../sharing/draft';
import { PlanReview } from '../sharing/PlanReview';
import { formatTime } from './time';

const KIND: Readonly<Record<DriftKind, string>> = {
  'missing-roles': 'Roles missing',
  'unexpected-roles': 'Unexpected roles',
  'missing-share': 'Not shared although covered',
  'outside-policy': 'Shared outside any policy',
};

export function DriftPanel(): React.JSX.Element {
  const agents = useAppStore((state) => state.sharingAgents.items);
  const drift = useAppStore((state) => state.drift);
  const checkDrift = useAppStore((state) => state.checkDrift);
  const reviewRepair = useAppStore((state) => state.reviewRepair);
  const reviewKind = useAppStore((state) => state.activityReviewKind);
  const applyActivityReview = useAppStore((state) => state.applyActivityReview);
  const closeReview = useAppStore((state) => state.closeActivityReview);
  const [agentId, setAgentId] = useState(drift.agentId ?? '');
  const result = drift.result;

  return (
    <div className="activity-panel">
      <h2>Drift</h2>
      <form
        className="activity-filters"
        aria-label="Check drift"
        onSubmit={(event) => {
          event.preventDefault();
          if (agentId) void checkDrift(agentId);
        }}
      >
        <Select
          label="Agent"
          value={agentId}
          options={[
            { value: '', label: 'Choose…' },
            ...agents.map((a) => ({ value: a.id, label: toVisibleString(a.displayName) })),
          ]}
          onChange={setAgentId}
        />
        <Button type="submit" variant="primary" disabled={!agentId || drift.status === 'checking'}>
          Check drift
        </Button>
        {drift.status === 'checking' ? <Spinner label="Checking drift…" /> : null}
      </form>
      {drift.status === 'failed' && drift.error ? (
        <ErrorBanner title="Drift could not be checked" message={drift.error.message} />
      ) : null}
      {result && result.findings.length === 0 ? (
        <p role="status">
          <Badge tone="success" icon={<CheckIcon />}>
            No drift
          </Badge>{' '}
          The sharing matches its policies (checked {formatTime(result.checkedAt)}).
        </p>
      ) : null}
      {result && result.findings.length > 0 ? (
        <>
          <Table<DriftFinding>
            caption={`Drift found ${formatTime(result.checkedAt)}`}
            rows={result.findings}
            rowKey={(finding) => `${finding.kind}:${finding.orgId}`}
            columns={[
              {
                key: 'org',
                header: 'Organization',
                rowHeader: true,
                cell: (f) => <SafeText value={f.orgName} />,
              },
              { key: 'kind', header: 'Finding', cell: (f) => KIND[f.kind] },
              {
                key: 'roles',
                header: 'Roles',
                cell: (f) => f.roles.map((role) => toVisibleString(roleLabel(role))).join(', '),
              },
              { key: 'message', header: 'Detail', cell: (f) => <SafeText value={f.message} /> },
            ]}
          />
          <div className="sharing-actions">
            <Button onClick={reviewRepair} disabled={result.repairBatchId === null}>
              Review the repair plan
            </Button>
            {result.repairBatchId === null ? (
              <span className="sharing-dim">No repair plan can fix these findings.</span>
            ) : null}
          </div>
        </>
      ) : null}
      {reviewKind?.kind === 'repair' ? (
        <PlanReview
          reviewId="activity"
          heading="Repair plan"
          applyLabel="Apply repair plan"
          onApply={() => void applyActivityReview()}
          onClose={closeReview}
        />
      ) : null}
    </div>
  );
}
