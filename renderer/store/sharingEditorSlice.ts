/**
 * The Share editor's state: the agents being edited, the share state the draft started from,
 * the draft itself, whether the server can be reached, and queueing a draft to the outbox
 * when it cannot. Previews and applies go through the review slice under the id 'editor'.
 */
import type { EffectiveSharing, QueueResult, ShareSnapshot } from '../../preload/contract';
import {
  desiredFromDraft,
  draftFromSnapshot,
  EMPTY_DRAFT,
  type ShareDraft,
} from '../features/sharing/draft';
import {
  failureOf,
  isUnreachable,
  requireProfileId,
  sharingCall,
  type Failure,
} from '../features/sharing/sharingCall';
import type { LoadStatus } from './sharingCatalogSlice';
import type { DepsSliceCreator } from './types';

export interface EditorBase {
  status: LoadStatus;
  /** The agent whose state the draft started from: the first one picked. */
  agentId: string | null;
  snapshot: ShareSnapshot | null;
  effective: EffectiveSharing | null;
  error: Failure | null;
}

export interface EditorStep {
  status: 'idle' | 'working' | 'failed';
  error: Failure | null;
}

export interface QueueState {
  status: 'idle' | 'queueing' | 'queued' | 'failed';
  result: QueueResult | null;
  error: Failure | null;
}

export interface SharingEditorSlice {
  /** The profile the editor's agents and draft belong to. */
  editorProfileId: string | null;
  editorAgentIds: readonly string[];
  editorBase: EditorBase;
  draft: ShareDraft;
  /** Whether the server answered last time we asked; null before the first check. */
  editorOnline: boolean | null;
  editorPreview: EditorStep;
  editorQueue: QueueState;
  setEditorAgents: (agentIds: readonly string[]) => Promise<void>;
  /** Reads the first agent's share state again; the draft stays as the user left it. */
  reloadEditorBase: () => Promise<void>;
  updateDraft: (change: (draft: ShareDraft) => ShareDraft) => void;
  /** Puts the draft back to the agent's current sharing. */
  resetDraft: () => void;
  checkEditorOnline: () => Promise<boolean | null>;
  previewDraft: () => Promise<void>;
  queueDraft: () => Promise<void>;
  /** Forgets the agents, draft and preview, e.g. when another profile became active. */
  resetEditor: () => void;
}

const NO_BASE: EditorBase = {
  status: 'idle',
  agentId: null,
  snapshot: null,
  effective: null,
  error: null,
};
const IDLE_STEP: EditorStep = { status: 'idle', error: null };
const IDLE_QUEUE: QueueState = { status: 'idle', result: null, error: null };

export const createSharingEditorSlice: DepsSliceCreator<SharingEditorSlice> =
  (deps) => (set, get) => {
    let baseSeq = 0;
    const profileId = (): string => requireProfileId(get().activeProfileId);

    /** The draft changed: an earlier preview and queue result no longer describe it. */
    const draftChanged = (draft: ShareDraft): void => {
      set({ draft, editorPreview: IDLE_STEP, editorQueue: IDLE_QUEUE });
      if (get().reviews.editor.status !== 'applying') get().clearReview('editor');
    };

    const readBase = async (agentId: string, resetDraft: boolean): Promise<void> => {
      const seq = ++baseSeq;
      set((state) => ({ editorBase: { ...state.editorBase, status: 'loading', agentId } }));
      try {
        const { snapshot, effective } = await sharingCall(deps.api, 'getEffectiveSharing', {
          profileId: profileId(),
          agentId,
        });
        if (seq !== baseSeq) return;
        set({
          editorBase: { status: 'ready', agentId, snapshot, effective, error: null },
          editorOnline: true,
        });
        if (resetDraft) draftChanged(draftFromSnapshot(snapshot));
      } catch (error) {
        if (seq !== baseSeq) return;
        const failure = failureOf(error);
        set({
          editorBase: { ...NO_BASE, status: 'failed', agentId, error: failure },
          ...(isUnreachable(failure) ? { editorOnline: false } : {}),
        });
        if (resetDraft) draftChanged(EMPTY_DRAFT);
      }
    };

    return {
      editorProfileId: null,
      editorAgentIds: [],
      editorBase: NO_BASE,
      draft: EMPTY_DRAFT,
      editorOnline: null,
      editorPreview: IDLE_STEP,
      editorQueue: IDLE_QUEUE,

      setEditorAgents: async (agentIds) => {
        const first = agentIds[0] ?? null;
        const firstChanged = first !== get().editorBase.agentId;
        set({ editorAgentIds: [...agentIds], editorProfileId: get().activeProfileId });
        if (!firstChanged) {
          draftChanged(get().draft);
          return;
        }
        if (first === null) {
          baseSeq++;
          set({ editorBase: NO_BASE });
          draftChanged(EMPTY_DRAFT);
          return;
        }
        await readBase(first, true);
      },

      reloadEditorBase: async () => {
        const agentId = get().editorBase.agentId;
        if (agentId !== null) await readBase(agentId, false);
      },

      updateDraft: (change) => draftChanged(change(get().draft)),

      resetDraft: () => {
        const snapshot = get().editorBase.snapshot;
        draftChanged(snapshot ? draftFromSnapshot(snapshot) : EMPTY_DRAFT);
      },

      checkEditorOnline: async () => {
        try {
          const status = await sharingCall(deps.api, 'getTreeStatus', { profileId: profileId() });
          set({ editorOnline: status.online });
          return status.online;
        } catch {
          return get().editorOnline;
        }
      },

      previewDraft: async () => {
        const agentIds = get().editorAgentIds;
        if (agentIds.length === 0) return;
        const desired = desiredFromDraft(get().draft);
        get().clearReview('editor');
        set({ editorPreview: { status: 'working', error: null }, editorQueue: IDLE_QUEUE });
        get().announce('Planning…');
        try {
          const batch = await sharingCall(deps.api, 'previewSharing', {
            profileId: profileId(),
            agentIds: [...agentIds],
            desired,
          });
          get().showReview('editor', batch);
          set({ editorPreview: IDLE_STEP });
          // A share state that could not be read usually means the server is down.
          if (batch.unreadable.length > 0) await get().checkEditorOnline();
          else set({ editorOnline: true });
          get().announce(
            batch.totals.blocked > 0
              ? 'Preview ready. The plan has errors and cannot be applied.'
              : `Preview ready: ${batch.totals.calls} API calls.`,
          );
        } catch (error) {
          const failure = failureOf(error);
          set({
            editorPreview: { status: 'failed', error: failure },
            ...(isUnreachable(failure) ? { editorOnline: false } : {}),
          });
          get().announce(`No preview: ${failure.message}`);
        }
      },

      resetEditor: () => {
        baseSeq++;
        set({ editorProfileId: null, editorAgentIds: [], editorBase: NO_BASE, editorOnline: null });
        draftChanged(EMPTY_DRAFT);
      },

      queueDraft: async () => {
        const agentIds = get().editorAgentIds;
        if (agentIds.length === 0) return;
        set({ editorQueue: { status: 'queueing', result: null, error: null } });
        try {
          const result = await sharingCall(deps.api, 'queueSharing', {
            profileId: profileId(),
            agentIds: [...agentIds],
            desired: desiredFromDraft(get().draft),
          });
          set({ editorQueue: { status: 'queued', result, error: null } });
          const queued = result.entries.length;
          const refused = result.refused.length;
          get().notify(
            refused === 0
              ? `${queued} ${queued === 1 ? 'plan' : 'plans'} queued in the outbox. Replay from Activity when the server is back.`
              : `${queued} queued, ${refused} refused because the plan has errors.`,
            refused === 0 ? 'success' : 'error',
          );
        } catch (error) {
          set({ editorQueue: { status: 'failed', result: null, error: failureOf(error) } });
        }
      },
    };
  };
