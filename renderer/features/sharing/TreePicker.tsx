/**
 * Picks organizations from the org tree: Enter or a click adds a row to the draft or takes it
 * out again. Rows in the draft say so in words. The tree is the Organizations screen's, with
 * the same loading, keyboard and focus behaviour; it also shares that screen's expanded rows,
 * because the store keeps one expansion state for the tree.
 */
import { useCallback } from 'react';
import { Badge } from '../../ui/Badge';
import { CheckIcon } from '../../ui/icons';
import type { OrgTreeData } from '../orgs/orgIndex';
import { OrgTree } from '../orgs/OrgTree';
import type { OrgNode } from '../orgs/source';
import { useOrgTreeRows } from '../orgs/useOrgTreeRows';
import type { FoundOrg } from './OrgFinder';

/** "Business › Business Europe › Berlin", from the loaded ancestors. */
export function pathInTree(tree: OrgTreeData, orgId: string): string {
  const names: string[] = [];
  for (let id: string | null = orgId; id !== null && names.length < 100;) {
    const node = tree.nodes.get(id);
    if (!node) break;
    names.unshift(node.name);
    id = node.parentId;
  }
  return names.join(' › ');
}

export function TreePicker({
  chosen,
  onToggle,
}: {
  chosen: ReadonlySet<string>;
  onToggle: (org: FoundOrg, add: boolean) => void;
}): React.JSX.Element {
  const { orgTree, visible, setOrgExpanded, expandSiblingOrgs, retry } = useOrgTreeRows();

  const toggle = useCallback(
    (orgId: string) => {
      const node = orgTree.nodes.get(orgId);
      if (!node) return;
      onToggle({ orgId, name: node.name, path: pathInTree(orgTree, orgId) }, !chosen.has(orgId));
    },
    [orgTree, chosen, onToggle],
  );

  const decorate = useCallback(
    (node: OrgNode) =>
      chosen.has(node.id) ? (
        <span className="org-tree-decoration">
          <Badge tone="success" icon={<CheckIcon />}>
            In the plan
          </Badge>
        </span>
      ) : null,
    [chosen],
  );

  return (
    <div className="sharing-tree-picker">
      <p className="field-hint">
        Press Enter on an organization, or click it, to add it to the plan or take it out.
      </p>
      <OrgTree
        label="Organizations to share with"
        visible={visible}
        selectedId={null}
        onExpandedChange={setOrgExpanded}
        onExpandSiblings={expandSiblingOrgs}
        onSelect={toggle}
        onRetry={retry}
        highlighted={chosen}
        decorate={decorate}
        initialHeight={280}
      />
    </div>
  );
}
