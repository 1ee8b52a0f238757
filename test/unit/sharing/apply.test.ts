import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../main/sharing/apply';
import { applyBulk } from '../../../main/sharing/bulk';
import { plan } from '../../../main/sharing/plan';
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
} from '../../../preload/contract/sharing-domain';
import { admin, ghost, planContext, rolesEverywhere, tree, viewer } from './support/fixtures';
import { harness, read } from './support/world';

const target: DesiredSharing = {
  mode: 'selected',
  organizations: [
    { orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] },
    { orgId: 'logistics', policy: SELECTED_ORG_ONLY, roles: [] },
  ],
};

function setupRetailShared(h: ReturnType<typeof harness>) {
  h.model.share(['agent-1'], [{ orgId: 'retail', policy: WITH_CHILDREN }]);
  return plan(read(h.model), target, planContext);
}

describe('applyPlan', () => {
  it('sends each step only after the previous one shows, then verifies', async () => {
    const h = harness();
    const draft = setupRetailShared(h);
    expect(draft.steps.map((s) => s.action.kind)).toEqual(['unshare', 'share']);
    const stateWhenSharing: string[] = [];
    const share = h.api.share.bind(h.api);
    h.api.share = (input) => {
      stateWhenSharing.push(h.model.fingerprint('agent-1'));
      return share(input);
    };

    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);

    expect(result.outcome).toBe('verified');
    expect(result.steps.map((s) => s.status)).toEqual(['accepted', 'accepted']);
    expect(stateWhenSharing[0]).not.toContain('retail');
    expect(result.verification?.orgs.every((org) => org.status === 'done')).toBe(true);
    expect(result.verification?.orgs.map((org) => org.orgId).sort()).toEqual(
      ['asia', 'berlin', 'business', 'europe', 'logistics', 'retail', 'stores'].sort(),
    );
    const progress = h.events
      .filter((e) => e.type === 'step')
      .map((e) => e.type === 'step' && `${e.index}:${e.status}`);
    expect(progress).toEqual(['0:sending', '0:accepted', '0:settled', '1:sending', '1:accepted']);
  });

  it('settles a lost answer by reading first, and does not resend a step that took effect', async () => {
    const h = harness();
    const draft = plan(read(h.model), target, planContext);
    h.api.faults.set('share', [{ kind: 'timeout-after-apply' }]);

    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);

    expect(h.api.writes().map((c) => c.method)).toEqual(['share']);
    expect(result.steps[0]).toMatchObject({ status: 'reconciled', attempts: 1 });
    expect(result.outcome).toBe('verified');
  });

  it('resends after a lost answer only when a read shows nothing happened', async () => {
    const h = harness();
    const draft = plan(read(h.model), target, planContext);
    h.api.faults.set('share', [{ kind: 'server-error' }]);

    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);

    const calls = h.api.calls.map((c) => c.method);
    const firstShare = calls.indexOf('share');
    expect(calls.slice(firstShare + 1, calls.lastIndexOf('share'))).toContain('getShare');
    expect(h.api.writes()).toHaveLength(2);
    expect(result.steps[0]).toMatchObject({ status: 'accepted', attempts: 2 });
    expect(result.outcome).toBe('verified');
  });

  it('waits and resends when throttled', async () => {
    const h = harness();
    const draft = plan(read(h.model), target, planContext);
    h.api.faults.set('share', [{ kind: 'throttle' }]);
    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);
    expect(h.api.writes()).toHaveLength(2);
    expect(h.time.time.slept).toBeGreaterThanOrEqual(2000);
    expect(result.outcome).toBe('verified');
  });

  it('stops at a rejected step and records what was and was not done', async () => {
    const h = harness();
    const draft = setupRetailShared(h);
    h.api.faults.set('share', [{ kind: 'reject', status: 400 }]);

    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);

    expect(result.outcome).toBe('failed');
    expect(result.steps.map((s) => s.status)).toEqual(['accepted', 'failed']);
    expect(result.steps[1]?.error).toContain('ASM-60000');
    const byStatus = (status: string) =>
      result.verification?.orgs
        .filter((o) => o.status === status)
        .map((o) => o.orgId)
        .sort();
    expect(byStatus('done')).toEqual(['retail', 'stores']);
    expect(byStatus('pending')).toEqual(['asia', 'berlin', 'business', 'europe', 'logistics']);
  });

  it('stops sending when the credentials are refused', async () => {
    const h = harness();
    const draft = setupRetailShared(h);
    h.api.faults.set('unshare', [{ kind: 'reject', status: 401 }]);
    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);
    expect(result.outcome).toBe('interrupted');
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'not-sent']);
    expect(h.api.writes().map((c) => c.method)).toEqual(['unshare']);
  });

  it('sends nothing when the share state changed since the plan was made', async () => {
    const h = harness();
    const draft = plan(read(h.model), target, planContext);
    h.model.share(['agent-1'], [{ orgId: 'business', policy: SELECTED_ORG_ONLY }]);
    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);
    expect(result.outcome).toBe('conflict');
    expect(h.api.writes()).toEqual([]);
  });

  it('applies anyway when forced', async () => {
    const h = harness();
    const draft = plan(read(h.model), target, planContext);
    h.model.share(['agent-1'], [{ orgId: 'business', policy: SELECTED_ORG_ONLY }]);
    const result = await applyPlan(
      { plan: draft, tree, roles: rolesEverywhere, force: true },
      h.deps,
    );
    expect(result.outcome).toBe('verified');
  });

  it('sends nothing for a blocked plan', async () => {
    const h = harness();
    const draft = plan(read(h.model), { mode: 'all', roles: [ghost] }, planContext);
    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);
    expect(result.outcome).toBe('blocked');
    expect(h.api.calls).toEqual([]);
  });

  it('reports orgs still pending when the server has not acted by the deadline', async () => {
    const h = harness();
    const draft = plan(read(h.model), { mode: 'all', roles: [] }, planContext);
    h.api.processing = false;
    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);
    expect(result.outcome).toBe('pending');
    expect(result.verification?.counts).toEqual({ done: 0, pending: 7, diverged: 0 });
    expect(h.time.time.slept).toBeLessThanOrEqual(30_000);
    expect(result.verification?.attempts).toBeGreaterThan(3);
  });

  it('reports a divergence with what the server shows', async () => {
    const h = harness();
    const draft = plan(read(h.model), { mode: 'all', roles: [admin] }, planContext);
    h.model.orgRoles.get('asia')?.delete('org:Admin');
    const result = await applyPlan({ plan: draft, tree, roles: rolesEverywhere }, h.deps);
    expect(result.outcome).toBe('diverged');
    const asia = result.verification?.orgs.find((o) => o.orgId === 'asia');
    expect(asia).toMatchObject({ status: 'diverged', observedRoles: [] });
    expect(asia?.expectedRoles?.map((r) => r.displayName)).toEqual(['Admin']);
  });

  it('keeps polling through failed reads', async () => {
    const h = harness();
    const draft = plan(read(h.model), target, planContext);
    h.api.failReads = 3;
    const result = await applyPlan(
      { plan: draft, tree, roles: rolesEverywhere, current: read(h.model) },
      h.deps,
    );
    expect(result.outcome).toBe('verified');
    expect(result.verification?.readError).toBeNull();
  });
});

describe('applyBulk', () => {
  it('applies to many agents with bounded concurrency and names exactly what failed', async () => {
    const agents = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const h = harness(agents);
    const requests = agents.map((agentId) => ({
      plan: plan(read(h.model, agentId), target, planContext),
      tree,
      roles: rolesEverywhere,
    }));
    h.api.faults.set('share', [{ kind: 'none' }, { kind: 'reject', status: 400 }]);

    const report = await applyBulk('batch-1', requests, h.deps, { concurrency: 2 });

    expect(h.api.maxInFlight).toBeLessThanOrEqual(2);
    expect(report.total).toBe(5);
    const failed = report.agents.filter((a) => a.outcome !== 'verified');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.failedSteps).toEqual([
      { index: 0, kind: 'share', error: expect.stringContaining('ASM-60000') as unknown },
    ]);
    expect(failed[0]?.failedOrgs.map((o) => o.orgId).sort()).toEqual(
      ['asia', 'berlin', 'business', 'europe', 'logistics'].sort(),
    );
    expect(report.counts).toEqual({ verified: 4, failed: 1 });
    expect(h.events.filter((e) => e.type === 'bulk').at(-1)).toMatchObject({
      finished: 5,
      failed: 1,
    });
  });
});
