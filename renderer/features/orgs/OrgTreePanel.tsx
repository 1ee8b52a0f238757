/** Connects the org tree view to the store: rows, selection, loading, and decorations. */
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ROOT_KEY } from './orgIndex';
import { OrgTree } from './OrgTree';
import type { OrgNode } from './source';
import { flattenVisible } from './treeModel';

export interface OrgTreePanelProps {
  initialHeight?: number;
  /** Row decoration replacing the store's, e.g. the sharing overlay of a chosen agent. */
  decorate?: (node: OrgNode) => ReactNode;
}

export function OrgTreePanel({ initialHeight, decorate }: OrgTreePanelProps): React.JSX.Element {
  const orgTree = useAppStore((state) => state.orgTree);
  const expanded = useAppStore((state) => state.expandedOrgs);
  const childLoads = useAppStore((state) => state.childLoads);
  const selectedId = useAppStore((state) => state.selectedOrgId);
  const focusRequest = useAppStore((state) => state.treeFocusRequest);
  const revealedPath = useAppStore((state) => state.revealedPath);
  const loadChildren = useAppStore((state) => state.loadChildren);
  const setOrgExpanded = useAppStore((state) => state.setOrgExpanded);
  const expandSiblingOrgs = useAppStore((state) => state.expandSiblingOrgs);
  const selectOrg = useAppStore((state) => state.selectOrg);
  const startSync = useAppStore((state) => state.startSync);

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

  if (visible.rows.length === 0) {
    return (
      <EmptyState
        title={rootLoaded ? 'No organizations yet' : 'Loading organizations…'}
        action={
          rootLoaded ? (
            <Button variant="primary" onClick={() => void startSync()}>
              Run a full sync
            </Button>
          ) : undefined
        }
      >
        {rootLoaded ? 'The root organization has no child organizations in the cache.' : null}
      </EmptyState>
    );
  }

  return (
    <OrgTree
      label="Organizations"
      visible={visible}
      selectedId={selectedId}
      onExpandedChange={setOrgExpanded}
      onExpandSiblings={expandSiblingOrgs}
      onSelect={selectOrg}
      onRetry={retry}
      focusRequest={focusRequest}
      highlighted={revealedPath}
      decorate={decorate}
      initialHeight={initialHeight}
    />
  );
}
