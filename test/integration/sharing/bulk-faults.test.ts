/**
 * One desired sharing applied to 50 agents while the sandbox answers share calls with injected
 * 503s: the bulk report must name exactly the agents, and the orgs of each, that did not end
 * as planned — checked against what the server really holds afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { descendants } from '../../../main/sharing/tree';
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
} from '../../../preload/contract/sharing-domain';
import { type SharingHarness, startSharing } from './support';

let h: SharingHarness;
let agentIds: string[];

beforeAll(async () => {
  h = await startSharing();
  const created: string[] = [];
  for (let i = 0; i < 47; i++) {
    const { agent } = await h.clients.agents.create({
      extension: { DisplayName: `Bulk Agent ${i}` },
    });
    created.push(agent.id);
  }
  agentIds = [...Object.values(DEMO.agents), ...created];
}, 120_000);
afterAll(async () => {
  await h.stop();
});

describe('bulk apply with injected server errors', () => {
  it('reports exactly which agents and orgs failed', async () => {
    const viewer = h.role('Org Viewer');
    const desired: DesiredSharing = {
      mode: 'selected',
      organizations: [
        { orgId: DEMO.orgs.business, policy: WITH_CHILDREN, roles: [viewer] },
        { orgId: DEMO.orgs.retail, policy: SELECTED_ORG_ONLY, roles: [] },
      ],
    };
    const batch = await h.service.preview(agentIds, desired);
    expect(batch.plans).toHaveLength(50);

    h.t.sandbox.setFaults({
      seed: 20260101,
      rules: [
        { kind: 'error', pathRegex: '/agents/share$', method: 'POST', rate: 0.45, status: 503 },
      ],
    });
    const report = await h.service.apply(batch.id);
    h.t.sandbox.setFaults({ rules: [] });

    // What every agent should hold: org → role names.
    const wanted = new Map<string, string[]>();
    for (const orgId of [DEMO.orgs.business, ...descendants(h.tree, DEMO.orgs.business)]) {
      wanted.set(orgId, ['Org Viewer']);
    }
    wanted.set(DEMO.orgs.retail, []);
    let failures = 0;
    for (const agentId of agentIds) {
      const actual = new Map(
        (await h.read(agentId)).organizations.map((o) => [
          o.orgId,
          o.roles.map((r) => r.displayName).sort(),
        ]),
      );
      const wrong = [...new Set([...wanted.keys(), ...actual.keys()])]
        .filter((orgId) => JSON.stringify(actual.get(orgId)) !== JSON.stringify(wanted.get(orgId)))
        .sort();
      const reported = report.agents.find((a) => a.agentId === agentId)!;
      expect(reported.outcome === 'verified', agentId).toBe(wrong.length === 0);
      expect(reported.failedOrgs.map((o) => o.orgId).sort(), agentId).toEqual(wrong);
      if (wrong.length > 0) {
        failures += 1;
        expect(reported.outcome).toBe('failed');
        expect(reported.failedSteps[0]?.error).toContain('503');
      }
    }
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(50);
    expect(report.counts.failed).toBe(failures);
    expect(h.service.journal({ outcomes: ['failed'] })).toHaveLength(failures);
  }, 120_000);
});
