/**
 * The sharing policy of the draft: not shared, all organizations (with roles), or selected
 * organizations picked by search or from the tree, each with its children toggle and roles.
 */
import { useCallback, useMemo } from 'react';
import { SELECTED_ORG_ONLY, type EffectiveOrg } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { RadioGroup } from '../../ui/RadioGroup';
import { toVisibleString } from '../../ui/visibleText';
import { updateOrg, withOrg, withoutOrg, type DraftMode } from './draft';
import { OrgFinder, type FoundOrg } from './OrgFinder';
import { RolePicker } from './RolePicker';
import { SelectedOrgList } from './SelectedOrgList';
import { TreePicker } from './TreePicker';

const MODES = [
  {
    value: 'none' as const,
    label: 'Do not share with any organization',
    description: 'Removes the agent from every organization it was shared with from the root.',
  },
  {
    value: 'all' as const,
    label: 'Share with all organizations',
    description:
      'Every organization, existing and created later. Only roles that exist in a child organization are assigned there; the preview names the ones that would be dropped.',
  },
  {
    value: 'selected' as const,
    label: 'Share with selected organizations',
    description: 'Pick organizations; each can also cover all its existing and future children.',
  },
];

const NO_ORGS: ReadonlyMap<string, EffectiveOrg> = new Map();

export function PolicyEditor(): React.JSX.Element {
  const draft = useAppStore((state) => state.draft);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const roles = useAppStore((state) => state.sharingRoles);
  const effective = useAppStore((state) => state.editorBase.effective);
  const announce = useAppStore((state) => state.announce);

  const current = useMemo(
    () => (effective ? new Map(effective.orgs.map((org) => [org.orgId, org])) : NO_ORGS),
    [effective],
  );
  const chosen = useMemo(
    () => new Set(draft.organizations.map((org) => org.orgId)),
    [draft.organizations],
  );

  const add = useCallback(
    (org: FoundOrg) => {
      updateDraft((previous) =>
        withOrg(previous, { ...org, policy: SELECTED_ORG_ONLY, roles: [] }),
      );
      announce(`${toVisibleString(org.path)} added to the plan.`);
    },
    [updateDraft, announce],
  );

  const toggle = useCallback(
    (org: FoundOrg, on: boolean) => {
      if (on) return add(org);
      updateDraft((previous) => withoutOrg(previous, org.orgId));
      announce(`${toVisibleString(org.path)} taken out of the plan.`);
    },
    [add, updateDraft, announce],
  );

  return (
    <div className="sharing-policy">
      <RadioGroup<DraftMode>
        legend="Sharing policy"
        value={draft.mode}
        options={MODES}
        onChange={(mode) => updateDraft((previous) => ({ ...previous, mode }))}
      />
      {roles.error ? (
        <p className="sharing-problem">Roles could not be read: {roles.error}</p>
      ) : null}
      {draft.mode === 'all' ? (
        <RolePicker
          legend="Roles in every organization"
          roles={roles.items}
          value={draft.allRoles}
          onChange={(allRoles) => updateDraft((previous) => ({ ...previous, allRoles }))}
        />
      ) : null}
      {draft.mode === 'selected' ? (
        <>
          <SelectedOrgList
            organizations={draft.organizations}
            roles={roles.items}
            current={current}
            onChange={(orgId, change) =>
              updateDraft((previous) => updateOrg(previous, orgId, change))
            }
            onRemove={(orgId) => {
              const org = draft.organizations.find((candidate) => candidate.orgId === orgId);
              if (org) toggle({ orgId, name: org.name, path: org.path }, false);
            }}
          />
          <div className="sharing-org-pickers">
            <OrgFinder chosen={chosen} onAdd={add} />
            <TreePicker chosen={chosen} onToggle={toggle} />
          </div>
        </>
      ) : null}
    </div>
  );
}
