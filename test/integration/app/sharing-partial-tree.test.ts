/**
 * A share's blast radius over a partly loaded tree: the plan says its gains are a lower bound
 * until a full sync has listed every organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app/context';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestApp, type TestApp } from './support';

let app: AppContext;
let call: TestApp['call'];

beforeAll(async () => {
  ({ app, call } = await startTestApp());
  await call('listOrgChildren', { profileId: 'sandbox', parentId: null });
});

afterAll(async () => {
  await app?.dispose();
});

async function previewAllOrgs() {
  const batch = await call('previewSharing', {
    profileId: 'sandbox',
    agentIds: [DEMO.agents.supportAssistant],
    desired: { mode: 'all', roles: [] },
  });
  return batch.plans[0]!;
}

describe('blast radius of an all-orgs share', () => {
  it('is a lower bound before a full sync and exact after it', async () => {
    const partial = await previewAllOrgs();
    expect(partial.blastRadius.partialTree).toBe(true);
    expect(partial.summary[0]).toMatch(/at least \d+ organizations gain the agent/);
    expect(partial.blastRadius.gained.map((o) => o.orgId)).not.toContain(
      DEMO.orgs.businessEuropeBerlin,
    );

    const outcome = await call('syncOrgTree', { profileId: 'sandbox' });
    expect(outcome.status).toBe('completed');

    const full = await previewAllOrgs();
    expect(full.blastRadius.partialTree).toBeUndefined();
    expect(full.summary[0]).not.toContain('at least');
    expect(full.blastRadius.gained.map((o) => o.orgId)).toContain(DEMO.orgs.businessEuropeBerlin);
    expect(full.blastRadius.gained.length).toBeGreaterThan(partial.blastRadius.gained.length);
  });
});
