/**
 * The sharing overlay of the org tree: for one chosen agent, its effective sharing on every
 * organization (read with `getEffectiveSharing`), indexed by org for the tree's rows. It is read
 * again on demand and after a plan for that agent has been applied.
 */
import type { EffectiveOrg, EffectiveSharing } from '../../preload/contract';
import { failureOf, requireProfileId, sharingCall } from '../features/sharing/sharingCall';
import type { LoadStatus } from './sharingCatalogSlice';
import type { DepsSliceCreator } from './types';

export interface OverlayState {
  status: LoadStatus;
  agentId: string | null;
  /** The profile the effective sharing was read from. */
  profileId: string | null;
  effective: EffectiveSharing | null;
  /** When the server's share state was read (ISO time). */
  readAt: string | null;
  error: string | null;
}

export interface SharingOverlaySlice {
  overlay: OverlayState;
  /** The effective sharing per organization id, for the tree's rows. */
  overlayOrgs: ReadonlyMap<string, EffectiveOrg>;
  /** Shows one agent's sharing on the tree; null hides the overlay. */
  setOverlayAgent: (agentId: string | null) => Promise<void>;
  refreshOverlay: () => Promise<void>;
}

const HIDDEN: OverlayState = {
  status: 'idle',
  agentId: null,
  profileId: null,
  effective: null,
  readAt: null,
  error: null,
};

export const createSharingOverlaySlice: DepsSliceCreator<SharingOverlaySlice> =
  (deps) => (set, get) => {
    /** Only the newest read may land: switching agents quickly must not show an older answer. */
    let readSeq = 0;

    const read = async (agentId: string): Promise<void> => {
      const seq = ++readSeq;
      const profileId = get().activeProfileId;
      set((state) => ({
        overlay: {
          ...state.overlay,
          status: 'loading',
          agentId,
          profileId,
          error: null,
          // Keep the previous answer on screen while the same agent is read again.
          ...(state.overlay.agentId === agentId ? {} : { effective: null, readAt: null }),
        },
        ...(state.overlay.agentId === agentId ? {} : { overlayOrgs: new Map() }),
      }));
      try {
        const { snapshot, effective } = await sharingCall(deps.api, 'getEffectiveSharing', {
          profileId: requireProfileId(profileId),
          agentId,
        });
        if (seq !== readSeq) return;
        set({
          overlay: {
            status: 'ready',
            agentId,
            profileId,
            effective,
            readAt: snapshot.readAt,
            error: null,
          },
          overlayOrgs: new Map(effective.orgs.map((org) => [org.orgId, org])),
        });
        get().announce(`Sharing overlay updated: ${effective.counts.shared} organizations shared.`);
      } catch (error) {
        if (seq !== readSeq) return;
        const { message } = failureOf(error);
        set((state) => ({ overlay: { ...state.overlay, status: 'failed', error: message } }));
      }
    };

    return {
      overlay: HIDDEN,
      overlayOrgs: new Map(),
      setOverlayAgent: async (agentId) => {
        if (agentId === null) {
          readSeq++;
          set({ overlay: HIDDEN, overlayOrgs: new Map() });
          return;
        }
        await read(agentId);
      },
      refreshOverlay: async () => {
        const { agentId } = get().overlay;
        if (agentId !== null) await read(agentId);
      },
    };
  };
