/**
 * The offline outbox and the journal against the sandbox: a share changed through the API
 * between drafting and replay becomes a conflict, and undo brings back the before-state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { SELECTED_ORG_ONLY, WITH_CHILDREN } from '../../../preload/contract/sharing-domain';
import { type SharingHarness, eventually, fingerprint, startSharing } from './support';

let h: SharingHarness;
beforeAll(async () => {
  h = await startSharing();
});
afterAll(async () => {
  await h.stop();
});

describe('outbox against the sandbox', () => {
  it('turns a plan into a conflict when the share changed through the API, and rebase applies it', async () => {
    const agent = DEMO.agents.travelPlanner;
    await h.service.readState(agent);
    const viewer = h.role('Org Viewer');
    const queued = await h.service.queue([agent], {
      mode: 'selected',
      organizations: [{ orgId: DEMO.orgs.business, policy: WITH_CHILDREN, roles: [viewer] }],
    });
    const entryId = queued.entries[0]!.id;

    // Someone else shares the agent with Retail (and its future children) meanwhile.
    const token = await h.t.adminToken();
    const changed = await h.t.api('POST', '/api/server/v1/agents/share', {
      token,
      json: {
        agentCriteria: { agentIds: [agent] },
        organizations: [{ orgId: DEMO.orgs.retail, policy: WITH_CHILDREN }],
      },
    });
    expect(changed.status).toBe(202);
    await eventually(
      () => h.read(agent),
      (s) => s.organizations.some((o) => o.orgId === DEMO.orgs.retail),
    );

    const replay = await h.service.replayOutbox();
    expect(replay.items).toEqual([expect.objectContaining({ entryId, outcome: 'conflict' })]);
    const conflict = h.service.outboxEntries().find((e) => e.id === entryId)!;
    expect(conflict.base.organizations).toEqual([]);
    expect(conflict.conflict?.server.organizations.map((o) => o.orgId)).toContain(DEMO.orgs.retail);
    expect((await h.read(agent)).organizations.some((o) => o.orgId === DEMO.orgs.business)).toBe(
      false,
    );

    const rebased = await h.service.resolveConflict(entryId, 'rebase');
    expect(rebased.plan.steps.map((s) => s.action.kind)).toEqual(['unshare', 'share']);
    const again = await h.service.replayOutbox();
    expect(again.items).toEqual([
      expect.objectContaining({ entryId, outcome: 'applied', applyOutcome: 'verified' }),
    ]);
    const final = await h.read(agent);
    expect(final.organizations.some((o) => o.orgId === DEMO.orgs.retail)).toBe(false);
    expect(final.organizations.find((o) => o.orgId === DEMO.orgs.business)?.policy?.policy).toBe(
      WITH_CHILDREN,
    );
    expect(h.service.journal({ agentId: agent })[0]?.source).toBe('outbox');
  });
});

describe('undo against the sandbox', () => {
  it('restores the before-state of an applied plan', async () => {
    const agent = DEMO.agents.invoiceBot;
    const admin = h.role('Org Admin');
    const viewer = h.role('Org Viewer');
    const setup = await h.service.preview([agent], {
      mode: 'selected',
      organizations: [
        { orgId: DEMO.orgs.retail, policy: WITH_CHILDREN, roles: [admin] },
        { orgId: DEMO.orgs.logistics, policy: SELECTED_ORG_ONLY, roles: [viewer] },
      ],
    });
    expect((await h.service.apply(setup.id)).agents[0]?.outcome).toBe('verified');
    const before = fingerprint(await h.read(agent));

    const change = await h.service.preview([agent], { mode: 'all', roles: [viewer] });
    expect((await h.service.apply(change.id)).agents[0]?.outcome).toBe('verified');
    expect(fingerprint(await h.read(agent))).not.toBe(before);

    const applied = h.service.journal({ agentId: agent })[0]!;
    const undo = await h.service.undo(applied.id);
    expect(undo.plans[0]?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const report = await h.service.apply(undo.id);
    expect(report.agents[0]?.outcome).toBe('verified');
    expect(fingerprint(await h.read(agent))).toBe(before);
    expect(h.service.journal({ agentId: agent })[0]).toMatchObject({
      source: 'undo',
      undoOf: applied.id,
    });
  });
});
