/**
 * The blast radius of a plan as a picture and in words: how many organizations gain the agent,
 * lose it, or see its roles change, drawn as bars on one scale, and which organizations created
 * later would receive it. Every bar has its number and label as text beside it; the lists name
 * the organizations. The lists are flat: the plan's org references carry no parent, so the
 * hierarchy of the affected organizations is not drawn.
 */
import { useState } from 'react';
import type { BlastRadius as Radius, FutureCoverage, OrgRef } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { SafeText } from '../../ui/SafeText';
import { toVisibleString } from '../../ui/visibleText';
import { roleLabel } from './draft';

/** Names shown before "Show all". */
const SHOWN = 12;

function futureText(coverage: FutureCoverage): string {
  if (coverage.allOrgs) return 'every organization created later';
  if (coverage.subtrees.length === 0) return 'none';
  const names = coverage.subtrees.map((org) => toVisibleString(org.orgName)).join(', ');
  return `new organizations under ${names}`;
}

function Bar({
  label,
  count,
  max,
  tone,
}: {
  label: string;
  count: number;
  max: number;
  tone: 'gain' | 'loss' | 'change';
}): React.JSX.Element {
  const percent = max === 0 ? 0 : Math.max(count > 0 ? 4 : 0, (count / max) * 100);
  return (
    <li className="sharing-bar-row">
      <span className="sharing-bar-label">{label}</span>
      <span className="sharing-bar-track" aria-hidden="true">
        <span className={`sharing-bar sharing-bar-${tone}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="sharing-bar-count">{count}</span>
    </li>
  );
}

function OrgNames({ title, orgs }: { title: string; orgs: readonly OrgRef[] }) {
  const [all, setAll] = useState(false);
  if (orgs.length === 0) return null;
  const shown = all ? orgs : orgs.slice(0, SHOWN);
  return (
    <div className="sharing-org-names">
      <h5>
        {title} ({orgs.length})
      </h5>
      <ul>
        {shown.map((org) => (
          <li key={org.orgId}>
            <SafeText value={org.orgName} />
          </li>
        ))}
      </ul>
      {orgs.length > SHOWN ? (
        <Button variant="ghost" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${orgs.length}`}
        </Button>
      ) : null}
    </div>
  );
}

export function BlastRadius({ radius }: { radius: Radius }): React.JSX.Element {
  const { gained, lost, roleChanges, future } = radius;
  const max = Math.max(gained.length, lost.length, roleChanges.length, 1);
  return (
    <section className="sharing-blast" aria-label="Blast radius">
      <h4>Blast radius</h4>
      <ul className="sharing-bars">
        <Bar label="Gain the agent" count={gained.length} max={max} tone="gain" />
        <Bar label="Lose the agent" count={lost.length} max={max} tone="loss" />
        <Bar label="Roles change" count={roleChanges.length} max={max} tone="change" />
      </ul>
      {radius.partialTree === true ? (
        <p className="sharing-blast-partial">
          Counted over the organizations loaded so far: more may gain the agent. A full sync on the
          Organizations screen counts them all.
        </p>
      ) : null}
      <p className={future.changed ? 'sharing-future sharing-future-changed' : 'sharing-future'}>
        <strong>Future organizations:</strong> {futureText(future.after)}
        {future.changed ? ` (before: ${futureText(future.before)})` : ' (unchanged)'}
      </p>
      <div className="sharing-blast-lists">
        <OrgNames title="Gain the agent" orgs={gained} />
        <OrgNames title="Lose the agent" orgs={lost} />
        {roleChanges.length > 0 ? (
          <div className="sharing-org-names">
            <h5>Role changes ({roleChanges.length})</h5>
            <ul>
              {roleChanges.map((change) => (
                <li key={change.orgId}>
                  <SafeText value={change.orgName} />
                  {change.added.length > 0
                    ? ` — adds ${change.added.map((r) => toVisibleString(roleLabel(r))).join(', ')}`
                    : ''}
                  {change.removed.length > 0
                    ? ` — removes ${change.removed.map((r) => toVisibleString(roleLabel(r))).join(', ')}`
                    : ''}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
