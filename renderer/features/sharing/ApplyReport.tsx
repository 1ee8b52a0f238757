/**
 * What applying produced, per agent: the outcome, failed steps, and the verification of every
 * touched organization — done, still pending, or diverged with what the server shows instead.
 */
import type { AgentReport, ApplyResult, BulkReport, RoleRef } from '../../../preload/contract';
import { Badge } from '../../ui/Badge';
import { SafeText } from '../../ui/SafeText';
import { Table } from '../../ui/Table';
import { toVisibleString } from '../../ui/visibleText';
import { roleLabel } from './draft';
import { ORG_STATUS, OUTCOME } from './outcomes';
import { useAgentName } from './useAgentName';

function rolesText(roles: readonly RoleRef[] | null): string {
  if (roles === null) return 'not shared';
  if (roles.length === 0) return 'shared, no roles';
  return roles.map((role) => toVisibleString(roleLabel(role))).join(', ');
}

function AgentResult({
  agent,
  result,
  name,
}: {
  agent: AgentReport;
  result: ApplyResult | undefined;
  name: string;
}): React.JSX.Element {
  const look = OUTCOME[agent.outcome];
  const verification = result?.verification ?? null;
  return (
    <section className="sharing-agent-result" aria-label={`Result for ${name}`}>
      <h4>
        {name}{' '}
        <Badge tone={look.tone} icon={look.icon}>
          {look.text}
        </Badge>
      </h4>
      {agent.error ? (
        <p className="sharing-problem">
          <SafeText value={agent.error} />
        </p>
      ) : null}
      {agent.failedSteps.length > 0 ? (
        <ul>
          {agent.failedSteps.map((step) => (
            <li key={step.index}>
              Step {step.index + 1} ({step.kind}) failed
              {step.error ? (
                <>
                  : <SafeText value={step.error} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {verification ? (
        <>
          <p className="sharing-dim">
            Verified after {verification.attempts} {verification.attempts === 1 ? 'read' : 'reads'}:{' '}
            {verification.counts.done} done, {verification.counts.pending} pending,{' '}
            {verification.counts.diverged} diverged.
            {verification.readError ? ` Last read failed: ${verification.readError}` : ''}
          </p>
          <Table
            caption={`Verification per organization for ${name}`}
            captionHidden
            rows={verification.orgs}
            rowKey={(org) => org.orgId}
            columns={[
              {
                key: 'org',
                header: 'Organization',
                rowHeader: true,
                cell: (org) => <SafeText value={org.orgName} />,
              },
              {
                key: 'status',
                header: 'Result',
                cell: (org) => (
                  <Badge tone={ORG_STATUS[org.status].tone} icon={ORG_STATUS[org.status].icon}>
                    {ORG_STATUS[org.status].text}
                  </Badge>
                ),
              },
              { key: 'expected', header: 'Planned', cell: (org) => rolesText(org.expectedRoles) },
              {
                key: 'observed',
                header: 'Server shows',
                cell: (org) => rolesText(org.observedRoles),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

export function ApplyReport({ report }: { report: BulkReport }): React.JSX.Element {
  const agentName = useAgentName();
  return (
    <div className="sharing-report">
      {report.agents.map((agent) => (
        <AgentResult
          key={agent.planId}
          agent={agent}
          result={report.results.find((result) => result.planId === agent.planId)}
          name={agentName(agent.agentId)}
        />
      ))}
    </div>
  );
}
