/** Handlers for the token workbench flows of a profile. */
import type { FlowOutcomeView, Handlers } from '../../../preload/contract';
import type { OboResult } from '../../flows';
import { AppFailure } from '../errors';
import type { Runtimes } from '../runtimes';

type FlowCalls =
  | 'agentLogin'
  | 'switchOrganization'
  | 'startOboRun'
  | 'awaitOboRun'
  | 'cancelOboRun'
  | 'refreshToken'
  | 'revokeToken'
  | 'signOut'
  | 'listTokens'
  | 'copyToken'
  | 'getTimeline'
  | 'exportCurl';

function oboOutcome(result: OboResult): FlowOutcomeView {
  return result.ok
    ? { ok: true, flowId: result.flowId, token: result.token }
    : {
        ok: false,
        flowId: result.flowId,
        error: result.error,
        ...(result.token ? { token: result.token } : {}),
      };
}

export function flowHandlers(runtimes: Runtimes): Pick<Handlers, FlowCalls> {
  /** Runs still waiting for their callback, by profile and run id. */
  const runs = new Map<string, Promise<OboResult>>();
  const flows = async (profileId: string) => (await runtimes.get(profileId)).flows;

  return {
    agentLogin: async ({ profileId, ...input }) => (await flows(profileId)).agentLogin(input),
    switchOrganization: async ({ profileId, ...input }) =>
      (await flows(profileId)).switchOrganization(input),
    startOboRun: async ({ profileId, ...input }) => {
      const { runId, result } = (await flows(profileId)).startOboRun(input);
      const key = `${profileId}|${runId}`;
      runs.set(key, result);
      void result.finally(() => setTimeout(() => runs.delete(key), 60_000).unref());
      return { runId };
    },
    awaitOboRun: async ({ profileId, runId }) => {
      const run = runs.get(`${profileId}|${runId}`);
      if (!run) throw new AppFailure('not-found', 'No such OBO run.', { field: 'runId' });
      return oboOutcome(await run);
    },
    cancelOboRun: async ({ profileId, runId }) => ({
      cancelled: (await flows(profileId)).cancelOboRun(runId),
    }),
    refreshToken: async ({ profileId, tokenRef }) => (await flows(profileId)).refresh(tokenRef),
    revokeToken: async ({ profileId, tokenRef }) => (await flows(profileId)).revoke(tokenRef),
    signOut: async ({ profileId }) => (await flows(profileId)).signOut(),
    listTokens: async ({ profileId }) => (await flows(profileId)).listTokens(),
    copyToken: async ({ profileId, tokenRef }) => {
      const copied = (await flows(profileId)).copyToken(tokenRef);
      if (!copied.ok)
        throw new AppFailure('not-found', copied.error.message, { field: 'tokenRef' });
      return { token: copied.token };
    },
    getTimeline: async ({ profileId, flowId }) => {
      const steps = (await flows(profileId)).timeline(flowId);
      if (!steps) throw new AppFailure('not-found', 'No such flow.', { field: 'flowId' });
      return steps;
    },
    exportCurl: async ({ profileId, flowId, reveal }) => {
      const text = (await flows(profileId)).exportCurl(flowId, { reveal });
      if (text === undefined)
        throw new AppFailure('not-found', 'No such flow.', { field: 'flowId' });
      return { text };
    },
  };
}
