/**
 * How the selected agent reaches one organization and whether its roles there are right.
 * Each state has its own words and icon, so nothing depends on colour.
 */
import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '../../ui/Badge';
import {
  AlertIcon,
  BlockedIcon,
  CheckIcon,
  GlobeIcon,
  InheritIcon,
  LinkIcon,
} from '../../ui/icons';
import { toVisibleString } from '../../ui/visibleText';
import { roleDifference, type OrgDecoration, type SharingKind } from './decoration';

const SHARING: Record<SharingKind, { text: string; tone: BadgeTone; icon: ReactNode }> = {
  direct: { text: 'Shared directly', tone: 'success', icon: <LinkIcon /> },
  inherited: { text: 'Shared by inheritance', tone: 'info', icon: <InheritIcon /> },
  'all-orgs': { text: 'Shared with all orgs', tone: 'info', icon: <GlobeIcon /> },
  'not-shared': { text: 'Not shared', tone: 'neutral', icon: <BlockedIcon /> },
};

function RolesBadge({
  expected,
  actual,
}: {
  expected: readonly string[];
  actual: readonly string[];
}): React.JSX.Element {
  const { missing, extra } = roleDifference(expected, actual);
  if (missing.length === 0 && extra.length === 0) {
    return (
      <Badge tone="success" icon={<CheckIcon />}>
        Roles as expected
      </Badge>
    );
  }
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing ${missing.map(toVisibleString).join(', ')}`);
  if (extra.length > 0) parts.push(`unexpected ${extra.map(toVisibleString).join(', ')}`);
  return (
    <Badge tone="warning" icon={<AlertIcon />}>
      Roles differ: {parts.join('; ')}
    </Badge>
  );
}

export function SharingDecoration({
  decoration,
}: {
  decoration: OrgDecoration;
}): React.JSX.Element {
  const sharing = SHARING[decoration.sharing];
  const from =
    decoration.sharing === 'inherited' && decoration.inheritedFrom
      ? ` from ${toVisibleString(decoration.inheritedFrom)}`
      : '';
  const showRoles = decoration.expectedRoles !== undefined || decoration.actualRoles !== undefined;
  return (
    <span className="org-tree-decoration">
      <Badge tone={sharing.tone} icon={sharing.icon}>
        {sharing.text}
        {from}
      </Badge>
      {showRoles ? (
        <RolesBadge
          expected={decoration.expectedRoles ?? []}
          actual={decoration.actualRoles ?? []}
        />
      ) : null}
    </span>
  );
}
