/**
 * The Activity screen's outbox: plans queued while the server was unreachable, their replay
 * (with live status per entry from `sharingProgress` outbox events), the three-way conflicts a
 * replay finds and their resolution, and the storage problems (quarantined files) of the
 * sharing records.
 */
import type {
  ConflictChoice,
  LoadProblem,
  OutboxEntry,
  ReplayReport,
  SharingEvent,
} from '../../preload/contract';
import {
  failureOf,
  requireProfileId,
  sharingCall,
  type Failure,
} from '../features/sharing/sharingCall';
import type { LoadStatus } from './sharingCatalogSlice';
import type { DepsSliceCreator } from './types';

export type ActivityTab = 'outbox' | 'journal' | 'drift';

export interface OutboxState {
  status: LoadStatus;
  entries: readonly OutboxEntry[];
  error: string | null;
}

export interface ReplayState {
  status: 'idle' | 'replaying' | 'done' | 'failed';
  report: ReplayReport | null;
  error: Failure | null;
}

export interface ActivitySlice {
  activityTab: ActivityTab;
  outbox: OutboxState;
  replay: ReplayState;
  /** The last status an outbox event gave each entry during a replay. */
  outboxLive: ReadonlyMap<string, string>;
  /** The entry whose conflict is being resolved. */
  resolvingEntry: string | null;
  storageProblems: readonly LoadProblem[];
  setActivityTab: (tab: ActivityTab) => void;
  loadOutbox: () => Promise<void>;
  replayOutbox: () => Promise<void>;
  resolveConflict: (entryId: string, choice: ConflictChoice) => Promise<boolean>;
  loadStorageProblems: () => Promise<void>;
  onOutboxEvent: (event: Extract<SharingEvent, { type: 'outbox' }>) => void;
}

const CHOICE_DONE: Readonly<Record<ConflictChoice, string>> = {
  rebase: 'Rebased on the server’s current state; the entry is queued again.',
  force: 'The entry will be applied as drafted on the next replay.',
  discard: 'The entry was discarded.',
};

export const createActivitySlice: DepsSliceCreator<ActivitySlice> = (deps) => (set, get) => {
  const profileId = (): string => requireProfileId(get().activeProfileId);

  const loadOutbox = async (): Promise<void> => {
    set((state) => ({ outbox: { ...state.outbox, status: 'loading', error: null } }));
    try {
      const entries = await sharingCall(deps.api, 'listOutbox', { profileId: profileId() });
      set({ outbox: { status: 'ready', entries, error: null } });
    } catch (error) {
      set((state) => ({
        outbox: { ...state.outbox, status: 'failed', error: failureOf(error).message },
      }));
    }
  };

  return {
    activityTab: 'outbox',
    outbox: { status: 'idle', entries: [], error: null },
    replay: { status: 'idle', report: null, error: null },
    outboxLive: new Map(),
    resolvingEntry: null,
    storageProblems: [],

    setActivityTab: (activityTab) => set({ activityTab }),

    loadOutbox,

    replayOutbox: async () => {
      if (get().replay.status === 'replaying') return;
      get().listenToSharingProgress();
      set({ replay: { status: 'replaying', report: null, error: null }, outboxLive: new Map() });
      get().announce('Replaying the outbox…');
      try {
        const report = await sharingCall(deps.api, 'replayOutbox', { profileId: profileId() });
        set({ replay: { status: 'done', report, error: null } });
        const conflicts = report.items.filter((item) => item.outcome === 'conflict').length;
        get().announce(
          `Replay finished: ${report.items.length} entries, ${conflicts} with a conflict.`,
        );
      } catch (error) {
        const failure = failureOf(error);
        set({ replay: { status: 'failed', report: null, error: failure } });
        get().announce(`Replay failed: ${failure.message}`);
      }
      await loadOutbox();
      void get().loadJournal();
    },

    resolveConflict: async (entryId, choice) => {
      set({ resolvingEntry: entryId });
      try {
        await sharingCall(deps.api, 'resolveConflict', { profileId: profileId(), entryId, choice });
        get().notify(CHOICE_DONE[choice], 'success');
        await loadOutbox();
        return true;
      } catch (error) {
        get().notify(`The conflict was not resolved: ${failureOf(error).message}`, 'error');
        return false;
      } finally {
        set({ resolvingEntry: null });
      }
    },

    loadStorageProblems: async () => {
      try {
        const problems = await sharingCall(deps.api, 'sharingStorageProblems', {
          profileId: profileId(),
        });
        set({ storageProblems: problems });
      } catch {
        // The problems list is advisory; the outbox and journal show their own load errors.
      }
    },

    onOutboxEvent: (event) => {
      const live = new Map(get().outboxLive);
      live.set(event.entryId, event.status);
      set({ outboxLive: live });
      get().announce(
        `Outbox entry for ${agentName(get().sharingAgents.items, event.agentId)}: ${event.status}.`,
      );
    },
  };
};

function agentName(agents: readonly { id: string; displayName: string }[], id: string): string {
  return agents.find((agent) => agent.id === id)?.displayName ?? id;
}
