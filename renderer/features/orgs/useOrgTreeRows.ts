/**
 * The store's org tree as visible rows, with the root level loaded on first use. Both the
 * Organizations screen and the sharing tree picker show the same tree through this hook.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { ROOT_KEY, type OrgTreeData } from './orgIndex';
import { flattenVisible, type VisibleRows } from './treeModel';

export interface OrgTreeRows {
  orgTree: OrgTreeData;
  visible: VisibleRows;
  /** True once the root level's children are in the store (possibly none). */
  rootLoaded: boolean;
  setOrgExpanded: (orgId: string, expanded: boolean) => void;
  expandSiblingOrgs: (orgId: string) => void;
  /** Loads a level again after it failed; `null` is the root level. */
  retry: (parentId: string | null) => void;
}

export function useOrgTreeRows(): OrgTreeRows {
  const orgTree = useAppStore((state) => state.orgTree);
  const expanded = useAppStore((state) => state.expandedOrgs);
  const childLoads = useAppStore((state) => state.childLoads);
  const loadChildren = useAppStore((state) => state.loadChildren);
  const setOrgExpanded = useAppStore((state) => state.setOrgExpanded);
  const expandSiblingOrgs = useAppStore((state) => state.expandSiblingOrgs);

  const rootLoaded = orgTree.children.has(ROOT_KEY);
  useEffect(() => {
    if (!rootLoaded) void loadChildren(null);
  }, [rootLoaded, loadChildren]);

  const visible = useMemo(
    () => flattenVisible(orgTree, expanded, childLoads),
    [orgTree, expanded, childLoads],
  );

  const retry = useCallback(
    (parentId: string | null) => void loadChildren(parentId),
    [loadChildren],
  );

  return { orgTree, visible, rootLoaded, setOrgExpanded, expandSiblingOrgs, retry };
}
