/**
 * The runs the workbench has seen, built from the main process's flow events. Events can
 * arrive before the call that started the flow returns, and a late `getTimeline` answer may
 * repeat steps already received, so steps are merged by index.
 */
import type {
  FlowErrorView,
  FlowEventView,
  TimelineStepView,
  TokenSummaryView,
} from '../../../preload/contract';

export type RunStatus = 'running' | 'succeeded' | 'failed';

export interface FlowRun {
  readonly flowId: string;
  readonly kind: string;
  readonly status: RunStatus;
  readonly steps: readonly TimelineStepView[];
  readonly error: FlowErrorView | null;
  readonly token: TokenSummaryView | null;
  /** Epoch ms when the app first heard of the run. */
  readonly seenAt: number;
}

/** Older runs drop off; their timelines stay in the main process for a while longer. */
export const MAX_RUNS = 30;

export const RUN_KIND_LABELS: Readonly<Record<string, string>> = {
  'agent-login': 'Agent login',
  'organization-switch': 'Organization switch',
  obo: 'OBO consent run',
  refresh: 'Refresh',
  revoke: 'Revoke',
  'sign-out': 'Sign out',
};

export function runKindLabel(kind: string): string {
  return RUN_KIND_LABELS[kind] ?? kind;
}

export function mergeSteps(
  known: readonly TimelineStepView[],
  incoming: readonly TimelineStepView[],
): TimelineStepView[] {
  const byIndex = new Map(known.map((step) => [step.index, step]));
  for (const step of incoming) byIndex.set(step.index, step);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

function emptyRun(flowId: string, kind: string, now: number): FlowRun {
  return { flowId, kind, status: 'running', steps: [], error: null, token: null, seenAt: now };
}

function withRun(runs: ReadonlyMap<string, FlowRun>, run: FlowRun): ReadonlyMap<string, FlowRun> {
  const next = new Map(runs);
  next.set(run.flowId, run);
  while (next.size > MAX_RUNS) {
    const oldest = next.keys().next().value;
    if (oldest === undefined) break;
    next.delete(oldest);
  }
  return next;
}

/** The runs after one event; unrelated events (revocation queue changes) leave them as they are. */
export function applyFlowEvent(
  runs: ReadonlyMap<string, FlowRun>,
  event: FlowEventView,
  now: number,
): ReadonlyMap<string, FlowRun> {
  const flowId = event.flowId ?? event.step?.flowId;
  if (flowId === undefined) return runs;
  const known = runs.get(flowId) ?? emptyRun(flowId, event.kind ?? 'flow', now);
  switch (event.type) {
    case 'flow-started':
      return withRun(runs, { ...known, kind: event.kind ?? known.kind });
    case 'step':
      return event.step
        ? withRun(runs, { ...known, steps: mergeSteps(known.steps, [event.step]) })
        : runs;
    case 'flow-finished':
      return withRun(runs, finishRun(known, event.ok === true, event.error, event.token));
    case 'revocations-changed':
      return runs;
  }
}

export function finishRun(
  run: FlowRun,
  ok: boolean,
  error: FlowErrorView | undefined,
  token: TokenSummaryView | undefined,
): FlowRun {
  return {
    ...run,
    status: ok ? 'succeeded' : 'failed',
    error: error ?? null,
    token: token ?? run.token,
  };
}

/** Records a run the app learned of from a call's answer (its events may have been missed). */
export function ensureRun(
  runs: ReadonlyMap<string, FlowRun>,
  flowId: string,
  kind: string,
  now: number,
): ReadonlyMap<string, FlowRun> {
  return runs.has(flowId) ? runs : withRun(runs, emptyRun(flowId, kind, now));
}
