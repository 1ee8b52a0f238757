/**
 * Previewed plans and their application, for the Share editor and for the Activity screen
 * (undo and drift repair): the batch the main process planned, the live progress of each plan
 * from `sharingProgress` events, and the apply report with its verification per organization.
 */
import type { BulkReport, PlanBatch } from '../../preload/contract';
import {
  announceStep,
  announceVerify,
  EMPTY_PROGRESS,
  sharingEventSchema,
  withStepEvent,
  withVerifyEvent,
  type BulkProgress,
  type PlanProgress,
} from '../features/sharing/progress';
import {
  failureOf,
  isUnreachable,
  requireProfileId,
  sharingCall,
  type Failure,
} from '../features/sharing/sharingCall';
import type { AppState, DepsSliceCreator } from './types';

export type ReviewId = 'editor' | 'activity';

export interface ReviewState {
  batch: PlanBatch | null;
  status: 'idle' | 'applying' | 'applied' | 'failed';
  progress: ReadonlyMap<string, PlanProgress>;
  bulk: BulkProgress | null;
  report: BulkReport | null;
  error: Failure | null;
  /** The server could not be reached while applying: the plan can go to the outbox. */
  unreachable: boolean;
}

export interface SharingReviewSlice {
  reviews: Readonly<Record<ReviewId, ReviewState>>;
  showReview: (id: ReviewId, batch: PlanBatch) => void;
  clearReview: (id: ReviewId) => void;
  /** Applies the shown batch; resolves with the report, or null when the call failed. */
  applyReview: (id: ReviewId) => Promise<BulkReport | null>;
  /** Subscribes once to the main process's sharing progress events. */
  listenToSharingProgress: () => void;
}

export const IDLE_REVIEW: ReviewState = {
  batch: null,
  status: 'idle',
  progress: new Map(),
  bulk: null,
  report: null,
  error: null,
  unreachable: false,
};

function reviewOf(state: AppState, planId: string): ReviewId | undefined {
  return (Object.keys(state.reviews) as ReviewId[]).find((id) =>
    state.reviews[id].batch?.plans.some((plan) => plan.id === planId),
  );
}

export const createSharingReviewSlice: DepsSliceCreator<SharingReviewSlice> =
  (deps) => (set, get) => {
    let listening = false;

    const patch = (id: ReviewId, change: Partial<ReviewState>): void =>
      set((state) => ({
        reviews: { ...state.reviews, [id]: { ...state.reviews[id], ...change } },
      }));

    const onEvent = (payload: unknown): void => {
      const parsed = sharingEventSchema.safeParse(payload);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.profileId !== get().activeProfileId) return;
      // Outbox events are the Activity screen's; the rest belong to a shown batch.
      if (event.type === 'outbox') return get().onOutboxEvent(event);
      if (event.type === 'bulk') {
        const id = (Object.keys(get().reviews) as ReviewId[]).find(
          (key) => get().reviews[key].batch?.id === event.batchId,
        );
        if (id)
          patch(id, {
            bulk: { finished: event.finished, total: event.total, failed: event.failed },
          });
        return;
      }
      const id = reviewOf(get(), event.planId);
      if (id === undefined) return;
      const progress = new Map(get().reviews[id].progress);
      const known = progress.get(event.planId) ?? EMPTY_PROGRESS;
      progress.set(
        event.planId,
        event.type === 'step' ? withStepEvent(known, event) : withVerifyEvent(known, event),
      );
      patch(id, { progress });
      get().announce(event.type === 'step' ? announceStep(event) : announceVerify(event));
    };

    return {
      reviews: { editor: IDLE_REVIEW, activity: IDLE_REVIEW },

      showReview: (id, batch) => patch(id, { ...IDLE_REVIEW, batch }),

      clearReview: (id) => patch(id, IDLE_REVIEW),

      listenToSharingProgress: () => {
        if (listening || !deps.api) return;
        listening = true;
        deps.api.onSharingProgress(onEvent);
      },

      applyReview: async (id) => {
        const batch = get().reviews[id].batch;
        if (batch === null || batch.totals.blocked > 0 || get().reviews[id].status === 'applying') {
          return null;
        }
        get().listenToSharingProgress();
        patch(id, { status: 'applying', error: null, unreachable: false, report: null });
        get().announce('Applying the plan…');
        try {
          const report = await sharingCall(deps.api, 'applySharing', {
            profileId: requireProfileId(get().activeProfileId),
            id: batch.id,
          });
          const unreachable = report.agents.some((agent) => agent.outcome === 'unreachable');
          patch(id, { status: 'applied', report, unreachable });
          get().announce(applyAnnouncement(report));
          const overlayAgent = get().overlay.agentId;
          if (overlayAgent !== null && batch.plans.some((plan) => plan.agentId === overlayAgent)) {
            void get().refreshOverlay();
          }
          return report;
        } catch (error) {
          const failure = failureOf(error);
          patch(id, { status: 'failed', error: failure, unreachable: isUnreachable(failure) });
          get().announce(`The plan was not applied: ${failure.message}`);
          return null;
        }
      },
    };
  };

/** "Applied: 1 verified." or "Applied: 1 verified, 1 diverged." */
export function applyAnnouncement(report: BulkReport): string {
  const parts = Object.entries(report.counts).map(([outcome, count]) => `${count} ${outcome}`);
  return `Applied: ${parts.join(', ')}.`;
}
