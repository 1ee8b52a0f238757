/** Connects the org tree view to the store: rows, selection, loading, and decorations. */
import type { ReactNode } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { OrgTree } from './OrgTree';
import type { OrgNode } from './source';
import { useOrgTreeRows } from './useOrgTreeRows';

export interface OrgTreePanelProps {
  initialHeight?: number;
  /** Row decoration replacing the store's, e.g. the sharing overlay of a chosen agent. */
  decorate?: (node: OrgNode) => ReactNode;
}

export function OrgTreePanel({ initialHeight, decorate }: OrgTreePanelProps): React.JSX.Element {
  const { visible, rootLoaded, setOrgExpanded, expandSiblingOrgs, retry } = useOrgTreeRows();
  const selectedId = useAppStore((state) => state.selectedOrgId);
  const focusRequest = useAppStore((state) => state.treeFocusRequest);
  const revealedPath = useAppStore((state) => state.revealedPath);
  const selectOrg = useAppStore((state) => state.selectOrg);
  const startSync = useAppStore((state) => state.startSync);

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
