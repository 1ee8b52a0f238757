/**
 * The workbench's flows: agent login, organization switch and the OBO consent run, each
 * started through the bridge, with the live timeline of every run built from `flowEvent`s.
 * Each form keeps the outcome of its latest run; the runs list keeps the timelines.
 */
import {
  flowEvent,
  type CallInput,
  type CallResult,
  type FlowOutcomeView,
  type TokenSummaryView,
} from '../../preload/contract';
import { callChecked, requireProfile } from '../features/tokens/bridgeCall';
import { describeFlowError, describeThrown, type ShownError } from '../features/tokens/flowErrors';
import {
  applyFlowEvent,
  ensureRun,
  finishRun,
  mergeSteps,
  type FlowRun,
} from '../features/tokens/runModel';
import type { AppState, DepsSliceCreator } from './types';

export type FlowFormKind = 'agent-login' | 'organization-switch' | 'obo';

export interface FlowFormState {
  status: 'idle' | 'running' | 'succeeded' | 'failed';
  flowId: string | null;
  error: ShownError | null;
  token: TokenSummaryView | null;
  /** Organization switch only: a held token answered without asking the server. */
  reused: boolean;
}

type WithoutProfile<T> = T extends unknown ? Omit<T, 'profileId'> : never;
export type AgentLoginRequest = WithoutProfile<CallInput<'agentLogin'>>;
export type OrgSwitchRequest = WithoutProfile<CallInput<'switchOrganization'>>;
export type OboRequest = WithoutProfile<CallInput<'startOboRun'>>;

export interface FlowSlice {
  flowRuns: ReadonlyMap<string, FlowRun>;
  selectedFlowId: string | null;
  flowForms: Readonly<Record<FlowFormKind, FlowFormState>>;
  /** The OBO run waiting for the user's sign-in and consent, if any. */
  oboRunId: string | null;
  /** Subscribes once to the main process's flow events; later calls do nothing. */
  listenToFlowEvents: () => void;
  receiveFlowEvent: (payload: unknown) => void;
  selectFlow: (flowId: string) => void;
  runAgentLogin: (request: AgentLoginRequest) => Promise<void>;
  runOrgSwitch: (request: OrgSwitchRequest) => Promise<void>;
  runObo: (request: OboRequest) => Promise<void>;
  cancelObo: () => Promise<void>;
  loadTimeline: (flowId: string) => Promise<void>;
  /** curl commands for a run; real secrets only when `reveal` (the user confirmed). */
  exportCurl: (flowId: string, reveal: boolean) => Promise<string>;
  /** Organizations of the active profile matching `query`, for the flows' org pickers. */
  findOrganizations: (query: string) => Promise<CallResult<'searchOrgs'>['hits']>;
}

const IDLE_FORM: FlowFormState = {
  status: 'idle',
  flowId: null,
  error: null,
  token: null,
  reused: false,
};

function activeProfileId(state: AppState): string {
  return requireProfile(state.activeProfileId);
}

export const createFlowSlice: DepsSliceCreator<FlowSlice> = (deps) => (set, get) => {
  let listening = false;

  const setForm = (kind: FlowFormKind, patch: Partial<FlowFormState>): void =>
    set((state) => ({
      flowForms: { ...state.flowForms, [kind]: { ...state.flowForms[kind], ...patch } },
    }));

  /** Files a call's outcome under its form and its run, then refreshes what depends on it. */
  const settle = async (kind: FlowFormKind, outcome: FlowOutcomeView): Promise<void> => {
    set((state) => {
      const runs = ensureRun(state.flowRuns, outcome.flowId, kind, deps.now());
      const run = runs.get(outcome.flowId);
      const next = new Map(runs);
      if (run) next.set(run.flowId, finishRun(run, outcome.ok, outcome.error, outcome.token));
      return { flowRuns: next, selectedFlowId: outcome.flowId };
    });
    setForm(kind, {
      status: outcome.ok ? 'succeeded' : 'failed',
      flowId: outcome.flowId,
      token: outcome.token ?? null,
      reused: outcome.reused === true,
      error: outcome.error ? describeFlowError(outcome.error) : null,
    });
    const what = outcome.ok ? 'finished' : 'failed';
    get().announce(`${kind === 'obo' ? 'OBO run' : 'Flow'} ${what}.`);
    await Promise.all([get().loadTimeline(outcome.flowId), get().loadHeldTokens()]);
  };

  const run = async (
    kind: FlowFormKind,
    work: (profileId: string) => Promise<FlowOutcomeView>,
  ): Promise<void> => {
    setForm(kind, { ...IDLE_FORM, status: 'running' });
    try {
      get().listenToFlowEvents();
      await settle(kind, await work(activeProfileId(get())));
    } catch (error) {
      setForm(kind, { status: 'failed', error: describeThrown(error, 'The flow could not run') });
    }
  };

  return {
    flowRuns: new Map(),
    selectedFlowId: null,
    flowForms: { 'agent-login': IDLE_FORM, 'organization-switch': IDLE_FORM, obo: IDLE_FORM },
    oboRunId: null,

    listenToFlowEvents: () => {
      if (listening || !deps.api) return;
      listening = true;
      deps.api.onFlowEvent((payload) => get().receiveFlowEvent(payload));
    },

    receiveFlowEvent: (payload) => {
      const parsed = flowEvent.safeParse(payload);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.profileId !== get().activeProfileId) return;
      set((state) => ({
        flowRuns: applyFlowEvent(state.flowRuns, event, deps.now()),
        // Follow the newest run, so its steps show as they happen.
        selectedFlowId:
          event.type === 'flow-started' && event.flowId ? event.flowId : state.selectedFlowId,
      }));
      if (event.type === 'revocations-changed') void get().loadHeldTokens();
    },

    selectFlow: (selectedFlowId) => set({ selectedFlowId }),

    runAgentLogin: (request) =>
      run('agent-login', (profileId) =>
        callChecked(deps.api, 'agentLogin', { profileId, ...request }),
      ),

    runOrgSwitch: (request) =>
      run('organization-switch', (profileId) =>
        callChecked(deps.api, 'switchOrganization', { profileId, ...request }),
      ),

    runObo: (request) =>
      run('obo', async (profileId) => {
        const { runId } = await callChecked(deps.api, 'startOboRun', { profileId, ...request });
        set((state) => ({
          oboRunId: runId,
          selectedFlowId: runId,
          flowRuns: ensureRun(state.flowRuns, runId, 'obo', deps.now()),
        }));
        setForm('obo', { flowId: runId });
        try {
          return await callChecked(deps.api, 'awaitOboRun', { profileId, runId });
        } finally {
          set((state) => (state.oboRunId === runId ? { oboRunId: null } : {}));
        }
      }),

    cancelObo: async () => {
      const runId = get().oboRunId;
      if (runId === null) return;
      try {
        await callChecked(deps.api, 'cancelOboRun', { profileId: activeProfileId(get()), runId });
      } catch (error) {
        const shown = describeThrown(error, 'The run could not be cancelled');
        get().notify(`${shown.title}: ${shown.message}`, 'error');
      }
    },

    exportCurl: async (flowId, reveal) => {
      const profileId = activeProfileId(get());
      return (await callChecked(deps.api, 'exportCurl', { profileId, flowId, reveal })).text;
    },

    findOrganizations: async (query) => {
      const profileId = activeProfileId(get());
      const found = await callChecked(deps.api, 'searchOrgs', { profileId, query, limit: 20 });
      return found.hits;
    },

    loadTimeline: async (flowId) => {
      if (!deps.api) return;
      try {
        const steps = await callChecked(deps.api, 'getTimeline', {
          profileId: activeProfileId(get()),
          flowId,
        });
        set((state) => {
          const known = state.flowRuns.get(flowId);
          if (!known) return {};
          const next = new Map(state.flowRuns);
          next.set(flowId, { ...known, steps: mergeSteps(known.steps, steps) });
          return { flowRuns: next };
        });
      } catch {
        // The events already delivered stay; a timeline the main process dropped is not an error.
      }
    },
  };
};

export type { FlowRun };
