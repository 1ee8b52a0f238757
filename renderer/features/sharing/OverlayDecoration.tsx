/**
 * One tree row's part of the sharing overlay: how the chosen agent reaches the organization
 * and whether its roles there are the ones its policy asks for. Missing roles and a missing
 * share are flagged in words; server names are shown as visible text.
 */
import type { EffectiveOrg } from '../../../preload/contract';
import { Badge } from '../../ui/Badge';
import { AlertIcon, CheckIcon } from '../../ui/icons';
import { toVisibleString } from '../../ui/visibleText';
import { roleLabel } from './draft';
import { VIA } from './shareVia';

function names(roles: EffectiveOrg['assignedRoles']): string {
  return roles.map((role) => toVisibleString(roleLabel(role))).join(', ');
}

function RolesBadge({ org }: { org: EffectiveOrg }): React.JSX.Element | null {
  if (!org.shared) return null;
  const problems: string[] = [];
  if (org.missingRoles.length > 0) problems.push(`missing ${names(org.missingRoles)}`);
  if (org.unexpectedRoles.length > 0) problems.push(`unexpected ${names(org.unexpectedRoles)}`);
  if (problems.length > 0) {
    return (
      <Badge tone="warning" icon={<AlertIcon />}>
        Roles differ: {problems.join('; ')}
      </Badge>
    );
  }
  const assigned = org.assignedRoles.length === 0 ? 'none' : names(org.assignedRoles);
  if (org.expectedRoles === null) return <Badge tone="neutral">Roles: {assigned}</Badge>;
  return (
    <Badge tone="success" icon={<CheckIcon />}>
      Roles as expected: {assigned}
    </Badge>
  );
}

export interface OverlayDecorationProps {
  /** The org's effective sharing; undefined when the agent does not reach it. */
  org: EffectiveOrg | undefined;
  /** Name of the org whose policy covers this one, for "inherited from …". */
  policyOrgName: string | undefined;
}

export function OverlayDecoration({
  org,
  policyOrgName,
}: OverlayDecorationProps): React.JSX.Element {
  if (org === undefined) {
    const look = VIA['not-shared'];
    return (
      <span className="org-tree-decoration sharing-overlay-decoration">
        <Badge tone={look.tone} icon={look.icon}>
          {look.text}
        </Badge>
      </span>
    );
  }
  const look = VIA[org.via];
  const from =
    org.via === 'inherited' && policyOrgName ? ` from ${toVisibleString(policyOrgName)}` : '';
  return (
    <span className="org-tree-decoration sharing-overlay-decoration">
      <Badge tone={look.tone} icon={look.icon}>
        {look.text}
        {from}
      </Badge>
      {org.missingShare ? (
        <Badge tone="warning" icon={<AlertIcon />}>
          Missing: a policy covers it
        </Badge>
      ) : null}
      <RolesBadge org={org} />
    </span>
  );
}
