/**
 * Plans of every kind applied to the sandbox over HTTPS and verified by reading the share state
 * back, with the server's asynchronous completion, silent skips and dropped roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { allOrgs, descendants } from '../../../main/sharing/tree';
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
} from '../../../preload/contract/sharing-domain';
import { type SharingHarness, startSharing } from './support';

let h: SharingHarness;
beforeAll(async () => {
  h = await startSharing();
});
afterAll(async () => {
  await h.stop();
});

async function applyDesired(agentId: string, desired: DesiredSharing) {
  const batch = await h.service.preview([agentId], desired);
  const plan = batch.plans[0]!;
  const report = await h.service.apply(batch.id);
  return { plan, kinds: plan.steps.map((step) => step.action.kind), result: report.results[0]! };
}

describe('sharing plans against the sandbox', () => {
  it('applies and verifies every kind of plan for one agent', async () => {
    const agent = DEMO.agents.supportAssistant;
    const viewer = h.role('Org Viewer');
    const admin = h.role('Org Admin');
    const business = [DEMO.orgs.business, ...descendants(h.tree, DEMO.orgs.business)].sort();

    const all = await applyDesired(agent, { mode: 'all', roles: [viewer] });
    expect(all.kinds).toEqual(['share-with-all']);
    expect(all.result.outcome).toBe('verified');
    expect((await h.read(agent)).organizations).toHaveLength(allOrgs(h.tree).length);

    const selected = await applyDesired(agent, {
      mode: 'selected',
      organizations: [
        { orgId: DEMO.orgs.business, policy: WITH_CHILDREN, roles: [viewer] },
        { orgId: DEMO.orgs.retail, policy: SELECTED_ORG_ONLY, roles: [admin] },
      ],
    });
    expect(selected.kinds).toEqual(['unshare', 'share']);
    expect(selected.result.outcome).toBe('verified');
    const afterSelected = await h.read(agent);
    expect(afterSelected.allOrgs).toBeNull();
    expect(afterSelected.organizations.map((o) => o.orgId).sort()).toEqual(
      [...business, DEMO.orgs.retail].sort(),
    );

    const rolesOnly = await applyDesired(agent, {
      mode: 'selected',
      organizations: [
        { orgId: DEMO.orgs.business, policy: WITH_CHILDREN, roles: [viewer] },
        { orgId: DEMO.orgs.retail, policy: SELECTED_ORG_ONLY, roles: [viewer] },
      ],
    });
    expect(rolesOnly.kinds).toEqual(['patch-roles']);
    expect(rolesOnly.result.outcome).toBe('verified');
    const retail = (await h.read(agent)).organizations.find((o) => o.orgId === DEMO.orgs.retail);
    expect(retail?.roles.map((r) => r.displayName)).toEqual(['Org Viewer']);

    const unshareOnly = await applyDesired(agent, {
      mode: 'selected',
      organizations: [{ orgId: DEMO.orgs.business, policy: WITH_CHILDREN, roles: [viewer] }],
    });
    expect(unshareOnly.kinds).toEqual(['unshare']);
    expect(unshareOnly.result.outcome).toBe('verified');

    const none = await applyDesired(agent, { mode: 'none' });
    expect(none.kinds).toEqual(['unshare-with-all']);
    expect(none.result.outcome).toBe('verified');
    expect((await h.read(agent)).organizations).toEqual([]);

    const journal = h.service.journal({ agentId: agent });
    expect(journal.map((e) => e.outcome)).toEqual([
      'verified',
      'verified',
      'verified',
      'verified',
      'verified',
    ]);
  });

  it('refuses a grandchild (the server would skip it) and a role the root lacks', async () => {
    const grandchild = await h.service.preview([DEMO.agents.travelPlanner], {
      mode: 'selected',
      organizations: [{ orgId: DEMO.orgs.businessEuropeBerlin, policy: WITH_CHILDREN, roles: [] }],
    });
    const issue = grandchild.plans[0]?.issues.find((i) => i.code === 'not-immediate-child');
    expect(issue?.severity).toBe('error');
    expect(issue?.suggestion).toContain('Business');
    expect(grandchild.plans[0]?.blocked).toBe(true);

    const ghost = await h.service.preview([DEMO.agents.travelPlanner], {
      mode: 'all',
      roles: [{ displayName: 'No Such Role', audienceType: 'organization', audienceDisplay: 'x' }],
    });
    expect(ghost.plans[0]?.issues.map((i) => i.code)).toContain('role-not-in-root');
    const report = await h.service.apply(ghost.id);
    expect(report.agents[0]?.outcome).toBe('blocked');
    expect((await h.read(DEMO.agents.travelPlanner)).organizations).toEqual([]);
  });

  it('warns that Logistics lacks a role, and verifies the share without it', async () => {
    const agent = DEMO.agents.invoiceBot;
    const operator = h.role('Agent Operator');
    const viewer = h.role('Org Viewer');
    const batch = await h.service.preview([agent], {
      mode: 'selected',
      organizations: [
        { orgId: DEMO.orgs.logistics, policy: WITH_CHILDREN, roles: [operator, viewer] },
      ],
    });
    const warning = batch.plans[0]?.issues.find((i) => i.code === 'role-missing-in-org');
    expect(warning?.message).toContain('Agent Operator');
    expect(batch.plans[0]?.blocked).toBe(false);

    const report = await h.service.apply(batch.id);
    expect(report.agents[0]?.outcome).toBe('verified');
    const logistics = (await h.read(agent)).organizations.find(
      (o) => o.orgId === DEMO.orgs.logistics,
    );
    expect(logistics?.roles.map((r) => r.displayName)).toEqual(['Org Viewer']);
    await h.service.apply((await h.service.preview([agent], { mode: 'none' })).id);
  });
});

describe('asynchronous completion', () => {
  let slow: SharingHarness;
  beforeAll(async () => {
    slow = await startSharing({ shareDelayMs: 400 });
  });
  afterAll(async () => {
    await slow.stop();
  });

  it('keeps reading until the server shows the result', async () => {
    const agent = DEMO.agents.supportAssistant;
    const batch = await slow.service.preview([agent], {
      mode: 'selected',
      organizations: [{ orgId: DEMO.orgs.retail, policy: SELECTED_ORG_ONLY, roles: [] }],
    });
    const report = await slow.service.apply(batch.id);
    const result = report.results[0]!;
    expect(result.outcome).toBe('verified');
    expect(result.verification?.attempts).toBeGreaterThan(1);
    const verifyEvents = slow.events.filter((e) => e.type === 'verify');
    expect(verifyEvents.some((e) => e.type === 'verify' && e.done < e.total)).toBe(true);
  });
});
