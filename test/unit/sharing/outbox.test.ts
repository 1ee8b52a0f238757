import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { DurableFile } from '../../../main/sharing/durable-file';
import { Outbox, type OutboxDoc, outboxDocSchema } from '../../../main/sharing/outbox';
import { type ReplayDeps, replayOutbox, resolveEntry } from '../../../main/sharing/outbox-replay';
import { plan } from '../../../main/sharing/plan';
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
} from '../../../preload/contract/sharing-domain';
import { admin, planContext, rolesEverywhere, tree, viewer } from './support/fixtures';
import { harness, read } from './support/world';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function file() {
  return new DurableFile<OutboxDoc>({
    dir,
    name: 'outbox.json',
    format: 'sharedesk.outbox',
    schema: outboxDocSchema,
    logger: silentLogger,
  });
}

async function openOutbox() {
  return (await Outbox.open(file())).outbox;
}

const businessWithChildren: DesiredSharing = {
  mode: 'selected',
  organizations: [{ orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] }],
};

function setup(agents = ['agent-1']) {
  const h = harness(agents);
  const journaled: string[] = [];
  const deps: ReplayDeps = {
    ...h.deps,
    tree,
    roles: rolesEverywhere,
    onApplied: (entry) => {
      journaled.push(entry.id);
      return Promise.resolve(`j-${entry.id}`);
    },
  };
  const draft = async (
    outbox: Outbox,
    id: string,
    desired: DesiredSharing,
    agentId = 'agent-1',
  ) => {
    const base = read(h.model, agentId);
    return outbox.add({
      id,
      profileId: 'p1',
      agentId,
      desired,
      base,
      plan: plan(base, desired, planContext),
    });
  };
  return { ...h, deps, journaled, draft };
}

describe('outbox replay', () => {
  it('applies an entry whose base still matches, journals it, and survives a reload', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);

    const report = await replayOutbox(outbox, s.deps);

    expect(report.items).toEqual([
      {
        entryId: 'e1',
        agentId: 'agent-1',
        outcome: 'applied',
        applyOutcome: 'verified',
        error: null,
      },
    ]);
    expect(s.journaled).toEqual(['e1']);
    const reloaded = await openOutbox();
    expect(reloaded.get('e1')).toMatchObject({
      status: 'applied',
      sentSteps: [0],
      acceptedSteps: [0],
      journalId: 'j-e1',
    });
  });

  it('turns an entry into a conflict when the parts it touches changed, without sending', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    s.model.share(['agent-1'], [{ orgId: 'business', policy: SELECTED_ORG_ONLY }]);

    const report = await replayOutbox(outbox, s.deps);

    expect(report.items[0]?.outcome).toBe('conflict');
    expect(s.api.writes()).toEqual([]);
    const entry = outbox.get('e1');
    expect(entry?.status).toBe('conflict');
    expect(entry?.base.organizations).toEqual([]);
    expect(entry?.conflict?.server.organizations.map((o) => o.orgId)).toEqual(['business']);
    expect(entry?.plan.steps).toHaveLength(1);
  });

  it('applies when only parts the plan does not touch changed', async () => {
    const s = setup();
    const outbox = await openOutbox();
    const desired: DesiredSharing = {
      mode: 'selected',
      organizations: [{ orgId: 'retail', policy: SELECTED_ORG_ONLY, roles: [] }],
    };
    s.model.share(['agent-1'], [{ orgId: 'retail', policy: SELECTED_ORG_ONLY }]);
    await s.draft(outbox, 'e1', {
      ...desired,
      organizations: [{ ...desired.organizations[0]!, roles: [admin] }],
    });
    // Someone shares Logistics meanwhile: not a part this plan touches.
    s.model.setRoles('agent-1', 'logistics', []);

    const report = await replayOutbox(outbox, s.deps);
    expect(report.items[0]?.outcome).toBe('applied');
  });

  it('rebase re-plans the same desired state on the current state', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    s.model.share(['agent-1'], [{ orgId: 'retail', policy: WITH_CHILDREN }]);
    await replayOutbox(outbox, s.deps);
    expect(outbox.get('e1')?.status).toBe('conflict');

    const rebased = await resolveEntry(outbox, 'e1', 'rebase', { ...s.deps, ...planContext });
    expect(rebased.status).toBe('queued');
    expect(rebased.base.organizations.map((o) => o.orgId)).toEqual(['retail', 'stores']);
    expect(rebased.plan.steps.map((step) => step.action.kind)).toEqual(['unshare', 'share']);

    const report = await replayOutbox(outbox, s.deps);
    expect(report.items[0]).toMatchObject({ outcome: 'applied', applyOutcome: 'verified' });
    expect(
      s.model
        .view('agent-1')
        .organizations.map((o) => o.orgId)
        .sort(),
    ).toEqual(['asia', 'berlin', 'business', 'europe']);
  });

  it('force applies the drafted plan anyway', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    // A stored policy appeared: the drafted share call would replace it.
    s.model.share(['agent-1'], [{ orgId: 'retail', policy: WITH_CHILDREN }]);
    await replayOutbox(outbox, s.deps);
    expect(outbox.get('e1')?.status).toBe('conflict');

    await resolveEntry(outbox, 'e1', 'force', { ...s.deps, ...planContext });
    const report = await replayOutbox(outbox, s.deps);

    expect(report.items[0]?.outcome).toBe('applied');
    expect(s.api.writes().map((c) => c.method)).toEqual(['share']);
    const retail = s.model.view('agent-1').organizations.find((o) => o.orgId === 'retail');
    expect(retail).toBeDefined();
    expect(retail?.sharingMode).toBeUndefined();
  });

  it('discard closes the entry and releases the entries held behind it', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    await s.draft(outbox, 'e2', {
      mode: 'selected',
      organizations: [{ orgId: 'logistics', policy: SELECTED_ORG_ONLY, roles: [] }],
    });
    s.model.share(['agent-1'], [{ orgId: 'business', policy: SELECTED_ORG_ONLY }]);

    const first = await replayOutbox(outbox, s.deps);
    expect(first.items.map((i) => `${i.entryId}:${i.outcome}`)).toEqual([
      'e1:conflict',
      'e2:held-back',
    ]);
    expect(s.api.writes()).toEqual([]);

    await resolveEntry(outbox, 'e1', 'discard', { ...s.deps, ...planContext });
    const second = await replayOutbox(outbox, s.deps);
    expect(second.items.map((i) => `${i.entryId}:${i.outcome}`)).toEqual(['e2:applied']);
    expect(outbox.get('e1')?.status).toBe('discarded');
  });

  it('applies entries of one agent in enqueue order; a later entry is drafted on the earlier result', async () => {
    const s = setup(['agent-1', 'agent-2']);
    const outbox = await openOutbox();
    await s.draft(outbox, 'a1', businessWithChildren);
    const second: DesiredSharing = {
      mode: 'selected',
      organizations: [
        { orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] },
        { orgId: 'logistics', policy: SELECTED_ORG_ONLY, roles: [] },
      ],
    };
    // Drafted offline on the state the first entry leads to.
    s.model.share(
      ['agent-1'],
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
    const projected = read(s.model);
    s.model.unshareWithAll(['agent-1']);
    await outbox.add({
      id: 'a2',
      profileId: 'p1',
      agentId: 'agent-1',
      desired: second,
      base: projected,
      plan: plan(projected, second, planContext),
    });
    await s.draft(outbox, 'b1', { mode: 'none' }, 'agent-2');

    const report = await replayOutbox(outbox, s.deps);

    expect(report.items.map((i) => `${i.entryId}:${i.outcome}`)).toEqual([
      'a1:applied',
      'a2:applied',
      'b1:applied',
    ]);
    const agent1 = s.api.writes().filter((c) => JSON.stringify(c.input).includes('agent-1'));
    expect(agent1.map((c) => JSON.stringify(c.input).includes('logistics'))).toEqual([false, true]);
  });

  it('settles a lost answer by reading, and never sends the entry twice', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    s.api.faults.set('share', [{ kind: 'timeout-after-apply' }]);

    const report = await replayOutbox(outbox, s.deps);
    await replayOutbox(outbox, s.deps);

    expect(report.items[0]?.outcome).toBe('applied');
    expect(s.api.writes()).toHaveLength(1);
    const calls = s.api.calls.map((c) => c.method);
    expect(calls.indexOf('getShare', calls.indexOf('share'))).toBeGreaterThan(
      calls.indexOf('share'),
    );
  });

  it('resumes an entry interrupted after sending: reads first, does not resend what took effect', async () => {
    const s = setup();
    const outbox = await openOutbox();
    s.model.share(['agent-1'], [{ orgId: 'retail', policy: WITH_CHILDREN }]);
    const entry = await s.draft(outbox, 'e1', businessWithChildren);
    expect(entry.plan.steps.map((st) => st.action.kind)).toEqual(['unshare', 'share']);
    // A crash right after the unshare left: the intent is on disk, the server acted.
    await outbox.update('e1', (e) => ({
      ...e,
      status: 'applying',
      startedFrom: e.base,
      sentSteps: [0],
    }));
    s.model.unshare(['agent-1'], ['retail']);

    const reopened = await openOutbox();
    const report = await replayOutbox(reopened, s.deps);

    expect(report.items[0]).toMatchObject({ outcome: 'applied', applyOutcome: 'verified' });
    expect(s.api.writes().map((c) => c.method)).toEqual(['share']);
    expect(reopened.get('e1')?.sentSteps).toEqual([0, 1]);
  });

  it('resends an interrupted step only after reads show it never took effect', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    await outbox.update('e1', (e) => ({
      ...e,
      status: 'applying',
      startedFrom: e.base,
      sentSteps: [0],
    }));

    const report = await replayOutbox(outbox, s.deps);

    expect(report.items[0]?.outcome).toBe('applied');
    const calls = s.api.calls.map((c) => c.method);
    expect(
      calls.slice(0, calls.indexOf('share')).filter((m) => m === 'getShare').length,
    ).toBeGreaterThan(1);
    expect(s.api.writes()).toHaveLength(1);
  });

  it('does not resend a confirmed step that someone reverted since; it is a conflict', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    await outbox.update('e1', (e) => ({
      ...e,
      status: 'applying',
      startedFrom: e.base,
      sentSteps: [0],
      acceptedSteps: [0],
    }));

    const report = await replayOutbox(outbox, s.deps);
    expect(report.items[0]?.outcome).toBe('conflict');
    expect(s.api.writes()).toEqual([]);
  });

  it('marks an interrupted entry as a conflict when the server shows none of its states', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    await outbox.update('e1', (e) => ({
      ...e,
      status: 'applying',
      startedFrom: e.base,
      sentSteps: [0],
    }));
    s.model.share(['agent-1'], [{ orgId: 'business', policy: SELECTED_ORG_ONLY }]);

    const report = await replayOutbox(outbox, s.deps);
    expect(report.items[0]?.outcome).toBe('conflict');
    expect(s.api.writes()).toEqual([]);
  });

  it('pauses on refused credentials, keeps its place, and resumes without a blind resend', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    await s.draft(outbox, 'e2', { mode: 'none' });
    s.api.faults.set('share', [{ kind: 'reject', status: 401 }]);

    const paused = await replayOutbox(outbox, s.deps);
    expect(paused.items.map((i) => `${i.entryId}:${i.outcome}:${i.applyOutcome}`)).toEqual([
      'e1:unreachable:interrupted',
      'e2:held-back:null',
    ]);
    expect(outbox.get('e1')).toMatchObject({ status: 'applying', sentSteps: [0] });

    const resumed = await replayOutbox(outbox, s.deps);
    expect(resumed.items.map((i) => `${i.entryId}:${i.outcome}`)).toEqual([
      'e1:applied',
      'e2:applied',
    ]);
    const calls = s.api.calls.map((c) => c.method);
    const second = calls.indexOf('share', calls.indexOf('share') + 1);
    expect(calls.slice(calls.indexOf('share') + 1, second)).toContain('getShare');
  });

  it('leaves entries queued when the server cannot be reached', async () => {
    const s = setup();
    const outbox = await openOutbox();
    await s.draft(outbox, 'e1', businessWithChildren);
    s.api.failReads = 1;
    const report = await replayOutbox(outbox, s.deps);
    expect(report.items[0]?.outcome).toBe('unreachable');
    expect(outbox.get('e1')?.status).toBe('queued');
  });
});
