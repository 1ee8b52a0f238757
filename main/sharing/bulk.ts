/**
 * The same desired sharing applied to many agents, a bounded number at a time, with one report
 * that names exactly which agents and which orgs did not end as planned.
 */
import { type ApplyDeps, type ApplyRequest, applyPlan } from './apply';
import type { ApplyOutcome, ApplyResult } from '../../preload/contract/sharing-results';
import type { AgentReport, BulkReport } from '../../preload/contract/sharing-views';
export type { AgentReport, BulkReport };

/** Runs `work` over `items` with at most `limit` in flight; results keep input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function agentReport(result: ApplyResult): AgentReport {
  return {
    agentId: result.agentId,
    planId: result.planId,
    outcome: result.outcome,
    failedSteps: result.steps
      .filter((step) => step.status === 'failed')
      .map((step) => ({ index: step.index, kind: step.kind, error: step.error })),
    failedOrgs: (result.verification?.orgs ?? []).flatMap((org) =>
      org.status === 'done' ? [] : [{ orgId: org.orgId, orgName: org.orgName, status: org.status }],
    ),
    error: result.error,
  };
}

export async function applyBulk(
  batchId: string,
  requests: readonly ApplyRequest[],
  deps: ApplyDeps,
  options: { concurrency?: number; onResult?: (result: ApplyResult) => Promise<void> } = {},
): Promise<BulkReport> {
  const startedAt = new Date(deps.clock.now()).toISOString();
  let finished = 0;
  let failed = 0;
  const results = await mapLimit(requests, options.concurrency ?? 4, async (request) => {
    const result = await applyPlan(request, deps);
    await options.onResult?.(result);
    finished += 1;
    if (result.outcome !== 'verified') failed += 1;
    deps.emit({ type: 'bulk', batchId, finished, total: requests.length, failed });
    return result;
  });

  const counts: Partial<Record<ApplyOutcome, number>> = {};
  for (const result of results) counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
  return {
    id: batchId,
    startedAt,
    finishedAt: new Date(deps.clock.now()).toISOString(),
    total: results.length,
    counts,
    agents: results.map(agentReport),
    results,
  };
}
