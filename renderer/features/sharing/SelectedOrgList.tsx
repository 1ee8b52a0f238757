/**
 * The organizations of a "selected organizations" draft, each with its policy (this
 * organization only, or with all its existing and future children), its roles, and what the
 * agent has there now.
 */
import type { EffectiveOrg, RoleView } from '../../../preload/contract';
import { SELECTED_ORG_ONLY, WITH_CHILDREN } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { SafeText } from '../../ui/SafeText';
import { toVisibleString } from '../../ui/visibleText';
import { roleLabel, type DraftOrg } from './draft';
import { RolePicker } from './RolePicker';
import { VIA } from './shareVia';

export interface SelectedOrgListProps {
  organizations: readonly DraftOrg[];
  roles: readonly RoleView[];
  current: ReadonlyMap<string, EffectiveOrg>;
  onChange: (orgId: string, change: Partial<Pick<DraftOrg, 'policy' | 'roles'>>) => void;
  onRemove: (orgId: string) => void;
}

function nowText(org: EffectiveOrg | undefined): string {
  if (!org?.shared) return 'Now: not shared.';
  const roles =
    org.assignedRoles.length === 0
      ? 'no roles'
      : org.assignedRoles.map((role) => toVisibleString(roleLabel(role))).join(', ');
  const policy = org.holdsPolicy ? ', holds an “and children” policy' : '';
  return `Now: ${VIA[org.via].text.toLowerCase()}${policy}; roles: ${roles}.`;
}

export function SelectedOrgList({
  organizations,
  roles,
  current,
  onChange,
  onRemove,
}: SelectedOrgListProps): React.JSX.Element {
  if (organizations.length === 0) {
    return (
      <p className="sharing-dim">
        No organization is selected yet. Add some from the search or the tree below.
      </p>
    );
  }
  return (
    <ul className="sharing-selected-orgs" aria-label="Selected organizations">
      {organizations.map((org) => {
        const name = toVisibleString(org.path || org.name);
        return (
          <li key={org.orgId} className="sharing-selected-org">
            <div className="sharing-selected-head">
              <h4>
                <SafeText value={org.path || org.name} />
              </h4>
              <Button
                variant="ghost"
                aria-label={`Remove ${name}`}
                onClick={() => onRemove(org.orgId)}
              >
                Remove
              </Button>
            </div>
            <p className="sharing-dim">{nowText(current.get(org.orgId))}</p>
            <Checkbox
              label="Also share with all existing and future children"
              checked={org.policy === WITH_CHILDREN}
              onChange={(on) =>
                onChange(org.orgId, { policy: on ? WITH_CHILDREN : SELECTED_ORG_ONLY })
              }
              description={`Every organization below ${name}, including ones created later, receives the agent with these roles.`}
            />
            <RolePicker
              legend={`Roles in ${name}`}
              roles={roles}
              value={org.roles}
              onChange={(next) => onChange(org.orgId, { roles: next })}
            />
          </li>
        );
      })}
    </ul>
  );
}
