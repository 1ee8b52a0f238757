import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../main/log/logger';
import { openSharingStores } from '../../../main/sharing/stores';
import { afterEach, describe, expect, it } from 'vitest';
import { SELECTED_ORG_ONLY, WITH_CHILDREN } from '../../../preload/contract/sharing-domain';
import { admin, ghost, viewer } from './support/fixtures';
import { serviceHarness } from './support/service';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setup(agents?: string[]) {
  const s = await serviceHarness(agents);
  dirs.push(s.dir);
  return s;
}

const business = {
  mode: 'selected' as const,
  organizations: [{ orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] }],
};

describe('sharing stores', () => {
  it('reports a quarantined outbox instead of silently starting empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stores-'));
    dirs.push(dir);
    await mkdir(join(dir, 'sharing'));
    await writeFile(join(dir, 'sharing', 'outbox.json'), '{"format":"sharedesk.outbox","ver');
    const stores = await openSharingStores({ dir, logger: silentLogger });
    expect(stores.problems.map((p) => p.kind)).toEqual(['corrupt', 'unrecoverable']);
    expect(stores.problems[0]?.quarantinedTo).toContain('outbox.json.corrupt-');
    expect(await readdir(join(dir, 'sharing'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^outbox\.json\.corrupt-/)]),
    );
    expect(stores.outbox.entries()).toEqual([]);
  });
});

describe('sharing service', () => {
  it('refuses malformed input, naming the field', async () => {
    const s = await setup();
    await expect(s.service.preview([], business)).rejects.toThrow(/agentIds/);
    await expect(
      s.service.preview(['agent-1'], {
        mode: 'selected',
        organizations: [{ orgId: 'x', policy: 'EVERYTHING', roles: [] }],
      }),
    ).rejects.toThrow(/desired: organizations\.0\.policy/);
    await expect(s.service.resolveConflict('nope', 'merge')).rejects.toThrow(/choice/);
    expect(() => s.service.exportJournal('xlsx')).toThrow(/format/);
  });

  it('previews several agents with totals, and returns plain data', async () => {
    const s = await setup(['a1', 'a2']);
    s.model.share(
      ['a2'],
      [
        {
          orgId: 'business',
          policy: WITH_CHILDREN,
          roleAssignment: {
            mode: 'SELECTED',
            roles: [{ displayName: 'Viewer', audience: { display: 'Acme', type: 'organization' } }],
          },
        },
      ],
    );
    const batch = await s.service.preview(['a1', 'a2', 'a1'], business);
    expect(batch.plans.map((p) => `${p.agentId}:${p.steps.length}`)).toEqual(['a1:1', 'a2:0']);
    expect(batch.totals).toEqual({ agents: 2, calls: 1, blocked: 0, gained: 4, lost: 0 });
    expect(structuredClone(batch)).toEqual(batch);
    expect(JSON.parse(JSON.stringify(batch))).toEqual(batch);
  });

  it('lists agents whose state cannot be read instead of planning blind', async () => {
    const s = await setup(['a1', 'a2']);
    s.api.failReads = 1;
    const batch = await s.service.preview(['a1', 'a2'], business);
    expect(batch.unreadable).toEqual([{ agentId: 'a1', error: 'Service unavailable' }]);
    expect(batch.plans.map((p) => p.agentId)).toEqual(['a2']);
  });

  it('applies one plan of a batch by its id, and the rest of the batch later', async () => {
    const s = await setup(['a1', 'a2']);
    const batch = await s.service.preview(['a1', 'a2'], business);
    const one = await s.service.apply(batch.plans[1]!.id);
    expect(one.agents.map((a) => a.agentId)).toEqual(['a2']);
    await expect(s.service.apply(batch.plans[1]!.id)).rejects.toThrow(/already applied/);
    const rest = await s.service.apply(batch.id);
    expect(rest.agents.map((a) => `${a.agentId}:${a.outcome}`)).toEqual(['a1:verified']);
  });

  it('emits progress events while applying', async () => {
    const s = await setup();
    await s.service.apply((await s.service.preview(['agent-1'], business)).id);
    expect(s.events.map((e) => e.type)).toEqual(expect.arrayContaining(['step', 'verify', 'bulk']));
  });

  it('reads the effective sharing of an agent', async () => {
    const s = await setup();
    s.model.share(['agent-1'], [{ orgId: 'business', policy: WITH_CHILDREN }]);
    const { effective } = await s.service.readState('agent-1');
    expect(effective.orgs.find((o) => o.orgId === 'berlin')?.via).toBe('inherited');
  });

  describe('offline queue', () => {
    it('drafts on the last known state, chains entries, and replays in order', async () => {
      const s = await setup();
      await s.service.readState('agent-1');
      s.api.failReads = 10_000;
      const first = await s.service.queue(['agent-1'], business);
      const second = await s.service.queue(['agent-1'], {
        mode: 'selected',
        organizations: [
          { orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] },
          { orgId: 'logistics', policy: SELECTED_ORG_ONLY, roles: [admin] },
        ],
      });
      expect(second.entries[0]?.base.organizations.map((o) => o.orgId)).toEqual([
        'asia',
        'berlin',
        'business',
        'europe',
      ]);
      expect(second.entries[0]?.plan.steps.map((st) => st.action.kind)).toEqual(['share']);
      expect(s.api.writes()).toEqual([]);

      s.api.failReads = 0;
      const report = await s.service.replayOutbox();
      expect(report.items.map((i) => `${i.entryId}:${i.outcome}:${i.applyOutcome}`)).toEqual([
        `${first.entries[0]?.id}:applied:verified`,
        `${second.entries[0]?.id}:applied:verified`,
      ]);
      expect(s.service.journal().map((e) => e.source)).toEqual(['outbox', 'outbox']);
      expect(s.service.outboxEntries().map((e) => e.status)).toEqual(['applied', 'applied']);
    });

    it('refuses to queue a plan with errors', async () => {
      const s = await setup();
      const result = await s.service.queue(['agent-1'], { mode: 'all', roles: [ghost] });
      expect(result.entries).toEqual([]);
      expect(result.refused[0]?.issues.map((i) => i.code)).toEqual(['role-not-in-root']);
    });

    it('says so when no state is known and the server cannot be read', async () => {
      const s = await setup();
      s.api.failReads = 1;
      await expect(s.service.queue(['agent-1'], business)).rejects.toThrow(/No share state/);
    });

    it('reports a conflict when the share changed through the API, then rebases on request', async () => {
      const s = await setup();
      await s.service.readState('agent-1');
      const queued = await s.service.queue(['agent-1'], business);
      s.model.share(['agent-1'], [{ orgId: 'retail', policy: WITH_CHILDREN }]);

      const report = await s.service.replayOutbox();
      expect(report.items[0]?.outcome).toBe('conflict');
      const id = queued.entries[0]!.id;
      const conflict = s.service.outboxEntries().find((e) => e.id === id);
      expect(conflict?.conflict?.server.organizations.map((o) => o.orgId)).toEqual([
        'retail',
        'stores',
      ]);

      const rebased = await s.service.resolveConflict(id, 'rebase');
      expect(rebased.plan.issues.map((i) => i.code)).toContain('subtree-unshare');
      const again = await s.service.replayOutbox();
      expect(again.items[0]).toMatchObject({ outcome: 'applied', applyOutcome: 'verified' });
    });
  });

  describe('drift', () => {
    it('finds missing roles, missed children and leftovers, and repairs them', async () => {
      const s = await setup();
      s.model.share(
        ['agent-1'],
        [
          {
            orgId: 'business',
            policy: WITH_CHILDREN,
            roleAssignment: {
              mode: 'SELECTED',
              roles: [
                { displayName: 'Viewer', audience: { display: 'Acme', type: 'organization' } },
              ],
            },
          },
        ],
      );
      s.model.setRoles('agent-1', 'europe', []);
      s.model.dropShare('agent-1', 'asia');
      s.model.setRoles('agent-1', 'stores', []);

      const drift = await s.service.drift('agent-1');
      expect(drift.findings.map((f) => `${f.kind}:${f.orgId}`).sort()).toEqual([
        'missing-roles:europe',
        'missing-share:asia',
        'outside-policy:stores',
      ]);
      expect(drift.repairBatchId).not.toBeNull();
      const report = await s.service.apply(drift.repairBatchId);
      expect(report.agents[0]?.outcome).toBe('verified');
      expect((await s.service.drift('agent-1')).findings).toEqual([]);
      expect(s.service.journal()[0]?.source).toBe('repair');
    });

    it('has nothing to repair when the state matches its policies', async () => {
      const s = await setup();
      s.model.share(['agent-1'], [{ orgId: 'retail', policy: WITH_CHILDREN }]);
      const drift = await s.service.drift('agent-1');
      expect(drift).toMatchObject({ findings: [], repair: null, repairBatchId: null });
    });
  });
});
