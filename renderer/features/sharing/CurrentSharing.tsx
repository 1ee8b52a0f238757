/** What the first picked agent has now, read from the server: the start of the draft. */
import { useState } from 'react';
import type { EffectiveSharing } from '../../../preload/contract';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { SafeText } from '../../ui/SafeText';
import { toVisibleString } from '../../ui/visibleText';
import { roleLabel } from './draft';
import { VIA } from './shareVia';

const SHOWN = 8;

export function CurrentSharing({
  effective,
  agentName,
}: {
  effective: EffectiveSharing;
  agentName: string;
}): React.JSX.Element {
  const [all, setAll] = useState(false);
  const shared = effective.orgs.filter((org) => org.shared);
  const shown = all ? shared : shared.slice(0, SHOWN);
  if (shared.length === 0) {
    return <p>{agentName} is not shared with any organization now.</p>;
  }
  return (
    <div className="sharing-current">
      <p>
        {agentName} is shared with {shared.length}{' '}
        {shared.length === 1 ? 'organization' : 'organizations'} now
        {effective.mode === 'all-orgs' ? ', through the “all organizations” policy' : ''}.
      </p>
      <ul className="sharing-current-list">
        {shown.map((org) => (
          <li key={org.orgId}>
            <SafeText value={org.orgName} />{' '}
            <Badge tone={VIA[org.via].tone} icon={VIA[org.via].icon}>
              {VIA[org.via].text}
            </Badge>{' '}
            <span className="sharing-dim">
              roles:{' '}
              {org.assignedRoles.length === 0
                ? 'none'
                : org.assignedRoles.map((role) => toVisibleString(roleLabel(role))).join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {shared.length > SHOWN ? (
        <Button variant="ghost" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${shared.length}`}
        </Button>
      ) : null}
    </div>
  );
}
