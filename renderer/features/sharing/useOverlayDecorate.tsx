/**
 * The org tree's `decorate` function for the sharing overlay: stable while the overlay's data
 * is unchanged (the tree's rows are memoized on it), and undefined while no agent is chosen.
 */
import { useCallback, type ReactNode } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import type { OrgNode } from '../orgs/source';
import { OverlayDecoration } from './OverlayDecoration';

export function useOverlayDecorate(): ((node: OrgNode) => ReactNode) | undefined {
  const overlayOrgs = useAppStore((state) => state.overlayOrgs);
  const overlay = useAppStore((state) => state.overlay);
  const activeProfileId = useAppStore((state) => state.activeProfileId);
  const orgTree = useAppStore((state) => state.orgTree);
  const shown =
    overlay.agentId !== null && overlay.effective !== null && overlay.profileId === activeProfileId;

  const decorate = useCallback(
    (node: OrgNode): ReactNode => {
      const org = overlayOrgs.get(node.id);
      const policyOrgId = org?.policyOrgId ?? null;
      const policyOrgName =
        policyOrgId === null
          ? undefined
          : (overlayOrgs.get(policyOrgId)?.orgName ?? orgTree.nodes.get(policyOrgId)?.name);
      return <OverlayDecoration org={org} policyOrgName={policyOrgName} />;
    },
    [overlayOrgs, orgTree],
  );

  return shown ? decorate : undefined;
}
