import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app/context';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestApp, type TestApp } from './support';
import type { DesiredSharing } from '../../../preload/contract';

let app: AppContext;
let call: TestApp['call'];
const agentId = DEMO.agents.supportAssistant;
const orgViewer = {
  displayName: 'Org Viewer',
  audienceType: 'organization' as const,
  audienceDisplay: '',
};

beforeAll(async () => {
  ({ app, call } = await startTestApp({ sandbox: { shareDelayMs: 50 } }));
  await call('listOrgChildren', { profileId: 'sandbox', parentId: null });
  await call('listOrgChildren', { profileId: 'sandbox', parentId: DEMO.orgs.business });
});

afterAll(async () => {
  await app?.dispose();
});

describe('sharing through the app contract', () => {
  it('previews, applies and verifies a share with a business and its future children', async () => {
    const desired: DesiredSharing = {
      mode: 'selected',
      organizations: [
        {
          orgId: DEMO.orgs.business,
          policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
          roles: [orgViewer],
        },
      ],
    };
    const batch = await call('previewSharing', {
      profileId: 'sandbox',
      agentIds: [agentId],
      desired,
    });
    expect(batch.totals.blocked).toBe(0);
    const plan = batch.plans[0]!;
    expect(plan.steps.map((s) => s.request.path)).toEqual(['/api/server/v1/agents/share']);
    expect(plan.steps[0]!.curl).toContain('$TOKEN');
    expect(plan.blastRadius.gained.map((o) => o.orgId)).toContain(DEMO.orgs.businessEuropeBerlin);
    expect(plan.blastRadius.future.after.subtrees.map((o) => o.orgId)).toEqual([
      DEMO.orgs.business,
    ]);

    const report = await call('applySharing', { profileId: 'sandbox', id: batch.id });
    expect(report.agents[0]!.outcome).toBe('verified');

    const { effective } = await call('getEffectiveSharing', { profileId: 'sandbox', agentId });
    const via = new Map(effective.orgs.map((o) => [o.orgId, o.via]));
    expect(via.get(DEMO.orgs.business)).toBe('direct');
    expect(via.get(DEMO.orgs.businessEuropeBerlin)).toBe('inherited');
    expect(await call('listJournal', { profileId: 'sandbox' })).toHaveLength(1);
  });

  it('blocks a plan that names a grandchild the server would silently skip', async () => {
    const batch = await call('previewSharing', {
      profileId: 'sandbox',
      agentIds: [DEMO.agents.travelPlanner],
      desired: {
        mode: 'selected',
        organizations: [
          { orgId: DEMO.orgs.businessEurope, policy: 'SELECTED_ORG_ONLY', roles: [] },
        ],
      },
    });
    expect(batch.plans[0]!.blocked).toBe(true);
    expect(batch.plans[0]!.issues.map((i) => i.code)).toContain('not-immediate-child');
  });

  it('queues a plan while the server is down and reports a conflict when the share changed meanwhile', async () => {
    await call('getEffectiveSharing', { profileId: 'sandbox', agentId: DEMO.agents.invoiceBot });
    await app.services.sandbox.stop();

    const queued = await call('queueSharing', {
      profileId: 'sandbox',
      agentIds: [DEMO.agents.invoiceBot],
      desired: {
        mode: 'selected',
        organizations: [{ orgId: DEMO.orgs.retail, policy: 'SELECTED_ORG_ONLY', roles: [] }],
      },
    });
    expect(queued.entries.map((e) => e.status)).toEqual(['queued']);

    await app.services.sandbox.restart();
    // Someone else shares the agent with Retail and its children while the plan waits.
    const runtime = await app.services.runtimes.get('sandbox');
    await runtime.clients.agentSharing.share({
      agentIds: [DEMO.agents.invoiceBot],
      organizations: [
        { orgId: DEMO.orgs.retail, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const replay = await call('replayOutbox', { profileId: 'sandbox' });
    expect(replay.items.map((i) => i.outcome)).toEqual(['conflict']);
    const [entry] = await call('listOutbox', { profileId: 'sandbox' });
    const retail = entry!.conflict?.server.organizations.find((o) => o.orgId === DEMO.orgs.retail);
    expect(retail?.policy?.policy).toBe('SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN');

    const rebased = await call('resolveConflict', {
      profileId: 'sandbox',
      entryId: entry!.id,
      choice: 'rebase',
    });
    expect(rebased.status).toBe('queued');
    const second = await call('replayOutbox', { profileId: 'sandbox' });
    expect(second.items.map((i) => i.outcome)).toEqual(['applied']);
  });
});
