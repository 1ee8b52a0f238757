/**
 * Picks root roles for a share, grouped by audience: organization roles, then application roles
 * per application. Roles the draft holds that the root's list lacks (e.g. read from the server
 * under another name) stay listed so they can be removed.
 */
import type { RoleRef, RoleView } from '../../../preload/contract';
import { Checkbox } from '../../ui/Checkbox';
import { toVisibleString } from '../../ui/visibleText';
import { hasRole, withRole } from './draft';

export interface RolePickerProps {
  legend: string;
  roles: readonly RoleView[];
  value: readonly RoleRef[];
  onChange: (roles: RoleRef[]) => void;
}

interface RoleGroup {
  title: string;
  roles: RoleRef[];
}

function toRef(role: RoleView): RoleRef {
  return {
    displayName: role.displayName,
    audienceType: role.audienceType,
    audienceDisplay: role.audienceDisplay,
  };
}

function groups(catalog: readonly RoleView[], chosen: readonly RoleRef[]): RoleGroup[] {
  const refs = catalog.map(toRef);
  const unknown = chosen.filter((role) => !hasRole(refs, role));
  const organization = refs.filter((role) => role.audienceType === 'organization');
  const byApp = new Map<string, RoleRef[]>();
  for (const role of refs.filter((candidate) => candidate.audienceType === 'application')) {
    byApp.set(role.audienceDisplay, [...(byApp.get(role.audienceDisplay) ?? []), role]);
  }
  const result: RoleGroup[] = [];
  if (organization.length > 0) result.push({ title: 'Organization roles', roles: organization });
  for (const [app, roles] of byApp) {
    result.push({ title: `Application roles: ${toVisibleString(app)}`, roles });
  }
  if (unknown.length > 0) result.push({ title: 'Not in the root’s role list', roles: unknown });
  return result;
}

export function RolePicker({ legend, roles, value, onChange }: RolePickerProps): React.JSX.Element {
  const shown = groups(roles, value);
  return (
    <fieldset className="sharing-role-picker">
      <legend className="field-label">{legend}</legend>
      {shown.length === 0 ? (
        <p className="sharing-dim">No roles are known for this profile.</p>
      ) : null}
      {shown.map((group) => (
        <fieldset key={group.title} className="sharing-role-group">
          <legend>{group.title}</legend>
          {group.roles.map((role) => (
            <Checkbox
              key={`${role.audienceType}:${role.audienceDisplay}:${role.displayName}`}
              label={toVisibleString(role.displayName)}
              checked={hasRole(value, role)}
              onChange={(on) => onChange(withRole(value, role, on))}
            />
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}
