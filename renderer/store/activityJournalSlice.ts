/**
 * The Activity screen's journal and drift check: applied plans with a filter, their export as
 * JSON or CSV, undo (the inverse plan, shown in the review under the id 'activity'), and the
 * drift of one agent's sharing from its stored policies with a repair plan.
 */
import type {
  DriftResult,
  ExportFormat,
  JournalEntry,
  JournalExport,
  JournalFilter,
  PlanBatch,
} from '../../preload/contract';
import {
  failureOf,
  requireProfileId,
  sharingCall,
  type Failure,
} from '../features/sharing/sharingCall';
import type { LoadStatus } from './sharingCatalogSlice';
import type { DepsSliceCreator } from './types';

export interface JournalState {
  status: LoadStatus;
  entries: readonly JournalEntry[];
  filter: JournalFilter;
  error: string | null;
}

export interface ExportState {
  status: 'idle' | 'exporting' | 'ready' | 'failed';
  result: JournalExport | null;
  error: string | null;
}

export interface DriftState {
  status: 'idle' | 'checking' | 'ready' | 'failed';
  agentId: string | null;
  result: DriftResult | null;
  error: Failure | null;
}

/** What the Activity screen's review shows: an undo of a journal entry or a drift repair. */
export type ActivityReviewKind = { kind: 'undo'; journalId: string } | { kind: 'repair' };

export interface ActivityJournalSlice {
  journal: JournalState;
  journalExport: ExportState;
  drift: DriftState;
  activityReviewKind: ActivityReviewKind | null;
  /** The journal entry whose undo is being planned. */
  planningUndo: string | null;
  loadJournal: (filter?: JournalFilter) => Promise<void>;
  exportJournal: (format: ExportFormat) => Promise<void>;
  clearJournalExport: () => void;
  undoJournalEntry: (journalId: string) => Promise<void>;
  checkDrift: (agentId: string) => Promise<void>;
  reviewRepair: () => void;
  /** Applies the shown undo or repair, then reads the journal and drift again. */
  applyActivityReview: () => Promise<void>;
  closeActivityReview: () => void;
}

/** The drift's repair plan as a batch the review can show; its id is the one `apply` takes. */
export function repairBatch(result: DriftResult): PlanBatch | null {
  const plan = result.repair;
  if (plan === null || result.repairBatchId === null) return null;
  return {
    id: result.repairBatchId,
    createdAt: result.checkedAt,
    source: 'repair',
    undoOf: null,
    desired: plan.desired,
    plans: [plan],
    unreadable: [],
    totals: {
      agents: 1,
      calls: plan.steps.length,
      blocked: plan.blocked ? 1 : 0,
      gained: plan.blastRadius.gained.length,
      lost: plan.blastRadius.lost.length,
    },
  };
}

export const createActivityJournalSlice: DepsSliceCreator<ActivityJournalSlice> =
  (deps) => (set, get) => {
    const profileId = (): string => requireProfileId(get().activeProfileId);

    return {
      journal: { status: 'idle', entries: [], filter: {}, error: null },
      journalExport: { status: 'idle', result: null, error: null },
      drift: { status: 'idle', agentId: null, result: null, error: null },
      activityReviewKind: null,
      planningUndo: null,

      loadJournal: async (filterInput) => {
        const filter = filterInput ?? get().journal.filter;
        set((state) => ({ journal: { ...state.journal, status: 'loading', filter, error: null } }));
        try {
          const entries = await sharingCall(deps.api, 'listJournal', {
            profileId: profileId(),
            filter,
          });
          // Newest first: the last thing done is what people look for.
          const sorted = [...entries].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
          set({ journal: { status: 'ready', entries: sorted, filter, error: null } });
        } catch (error) {
          set((state) => ({
            journal: { ...state.journal, status: 'failed', error: failureOf(error).message },
          }));
        }
      },

      exportJournal: async (format) => {
        set({ journalExport: { status: 'exporting', result: null, error: null } });
        try {
          const result = await sharingCall(deps.api, 'exportJournal', {
            profileId: profileId(),
            format,
            filter: get().journal.filter,
          });
          set({ journalExport: { status: 'ready', result, error: null } });
        } catch (error) {
          set({
            journalExport: { status: 'failed', result: null, error: failureOf(error).message },
          });
        }
      },

      clearJournalExport: () =>
        set({ journalExport: { status: 'idle', result: null, error: null } }),

      undoJournalEntry: async (journalId) => {
        set({ planningUndo: journalId });
        try {
          const batch = await sharingCall(deps.api, 'undoJournalEntry', {
            profileId: profileId(),
            journalId,
          });
          get().showReview('activity', batch);
          set({ activityReviewKind: { kind: 'undo', journalId } });
          get().announce('The undo plan is ready for review.');
        } catch (error) {
          get().notify(`No undo plan: ${failureOf(error).message}`, 'error');
        } finally {
          set({ planningUndo: null });
        }
      },

      checkDrift: async (agentId) => {
        set({ drift: { status: 'checking', agentId, result: null, error: null } });
        try {
          const result = await sharingCall(deps.api, 'checkDrift', {
            profileId: profileId(),
            agentId,
          });
          set({ drift: { status: 'ready', agentId, result, error: null } });
          get().announce(
            result.findings.length === 0
              ? 'No drift: the sharing matches its policies.'
              : `${result.findings.length} drift findings.`,
          );
        } catch (error) {
          set({ drift: { status: 'failed', agentId, result: null, error: failureOf(error) } });
        }
      },

      reviewRepair: () => {
        const result = get().drift.result;
        const batch = result ? repairBatch(result) : null;
        if (batch === null) return;
        get().showReview('activity', batch);
        set({ activityReviewKind: { kind: 'repair' } });
      },

      applyActivityReview: async () => {
        const report = await get().applyReview('activity');
        if (report === null) return;
        await get().loadJournal();
        const kind = get().activityReviewKind?.kind;
        const agentId = get().drift.agentId;
        // A repair's batch is spent once applied; a new check shows what is left.
        if (kind === 'repair' && agentId !== null) await get().checkDrift(agentId);
      },

      closeActivityReview: () => {
        get().clearReview('activity');
        set({ activityReviewKind: null });
      },
    };
  };
