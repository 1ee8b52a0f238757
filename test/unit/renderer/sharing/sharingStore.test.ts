/** The sharing slices over a typed fake bridge: overlay, preview and apply, draft, queue. */
import { describe, expect, it } from 'vitest';
import type { CallResult, Envelope } from '../../../../preload/contract';
import { fail, ok } from '../profiles/fakeApi';
import {
  BERLIN,
  BUSINESS,
  batch,
  bulkReport,
  notShared,
  ORG_VIEWER,
  plan,
  sharedEffective,
  sharedSnapshot,
  sharingBench,
  snapshot,
  SUPPORT,
  TRAVEL,
} from './fixtures';

type Effective = CallResult<'getEffectiveSharing'>;

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('sharing overlay', () => {
  it('indexes the effective sharing by organization for the tree', async () => {
    const { store, fake } = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: sharedSnapshot(), effective: sharedEffective() }),
    });
    await store.getState().setOverlayAgent(SUPPORT);
    expect(fake.calls.getEffectiveSharing).toEqual([{ profileId: 'sandbox', agentId: SUPPORT }]);
    expect(store.getState().overlayOrgs.get(BERLIN)?.via).toBe('inherited');
    expect(store.getState().overlay.readAt).toBe('2026-01-01T00:00:00.000Z');
    expect(store.getState().liveMessage?.text).toContain('3 organizations shared');
  });

  it('keeps only the newest agent’s answer when two reads overlap', async () => {
    const slow = deferred<Envelope<Effective>>();
    const { store } = await sharingBench({
      getEffectiveSharing: ({ agentId }) =>
        agentId === SUPPORT
          ? slow.promise
          : ok({ snapshot: snapshot({ agentId }), effective: notShared(agentId) }),
    });
    const first = store.getState().setOverlayAgent(SUPPORT);
    await store.getState().setOverlayAgent(TRAVEL);
    slow.resolve({ ok: true, value: { snapshot: sharedSnapshot(), effective: sharedEffective() } });
    await first;
    expect(store.getState().overlay.agentId).toBe(TRAVEL);
    expect(store.getState().overlayOrgs.size).toBe(0);
  });

  it('shows the server’s error and clears when no agent is chosen', async () => {
    const { store } = await sharingBench({
      getEffectiveSharing: () => fail('offline', 'connect ECONNREFUSED'),
    });
    await store.getState().setOverlayAgent(SUPPORT);
    expect(store.getState().overlay).toMatchObject({
      status: 'failed',
      error: 'connect ECONNREFUSED',
    });
    await store.getState().setOverlayAgent(null);
    expect(store.getState().overlay.agentId).toBeNull();
  });
});

describe('review: preview and apply', () => {
  it('folds progress events of its plans; ignores other profiles, plans and malformed events', async () => {
    const answer = deferred<Envelope<CallResult<'applySharing'>>>();
    const { store, fake } = await sharingBench({ applySharing: () => answer.promise });
    store.getState().showReview('editor', batch());
    const applying = store.getState().applyReview('editor');
    const event = {
      type: 'step' as const,
      planId: 'plan-1',
      agentId: SUPPORT,
      index: 0,
      count: 1,
      kind: 'share' as const,
      status: 'accepted' as const,
      message: null,
    };
    fake.emit('sharingProgress', { ...event, profileId: 'other' });
    fake.emit('sharingProgress', { ...event, planId: 'someone-else', profileId: 'sandbox' });
    const malformed = { ...event, profileId: 'sandbox', status: 'exploded' };
    fake.emit('sharingProgress', malformed as unknown as typeof event & { profileId: string });
    expect(store.getState().reviews.editor.progress.size).toBe(0);

    fake.emit('sharingProgress', { ...event, profileId: 'sandbox' });
    expect(store.getState().reviews.editor.progress.get('plan-1')?.steps[0]?.status).toBe(
      'accepted',
    );
    expect(store.getState().liveMessage?.text).toMatch(/^Step 1 of 1, Share with organizations/);

    answer.resolve({ ok: true, value: bulkReport() });
    await applying;
    expect(fake.calls.applySharing).toEqual([{ profileId: 'sandbox', id: 'batch-1' }]);
    expect(store.getState().reviews.editor.status).toBe('applied');
    expect(store.getState().liveMessage?.text).toBe('Applied: 1 verified.');
  });

  it('never sends a blocked batch', async () => {
    const { store, fake } = await sharingBench();
    store.getState().showReview('editor', batch([plan({ blocked: true })]));
    expect(await store.getState().applyReview('editor')).toBeNull();
    expect(fake.calls.applySharing).toBeUndefined();
  });

  it('reads the overlay again after applying a plan for the agent it shows', async () => {
    const { store, fake } = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: snapshot(), effective: notShared() }),
      applySharing: () => ok(bulkReport()),
    });
    await store.getState().setOverlayAgent(SUPPORT);
    store.getState().showReview('editor', batch());
    await store.getState().applyReview('editor');
    await Promise.resolve();
    expect(fake.calls.getEffectiveSharing).toHaveLength(2);
  });

  it('marks the review unreachable when the server cannot be reached', async () => {
    const { store } = await sharingBench({
      applySharing: () => fail('offline', 'connect ECONNREFUSED'),
    });
    store.getState().showReview('editor', batch());
    await store.getState().applyReview('editor');
    expect(store.getState().reviews.editor).toMatchObject({ status: 'failed', unreachable: true });
  });
});

describe('share editor state', () => {
  it('derives the draft from the first agent and keeps it when a second agent is added', async () => {
    const { store, fake } = await sharingBench({
      getEffectiveSharing: ({ agentId }) =>
        ok({ snapshot: { ...sharedSnapshot(), agentId }, effective: sharedEffective() }),
    });
    await store.getState().setEditorAgents([SUPPORT]);
    expect(store.getState().draft.organizations.map((org) => org.orgId)).toEqual([BUSINESS]);
    store.getState().updateDraft((draft) => ({ ...draft, mode: 'none' }));
    await store.getState().setEditorAgents([SUPPORT, TRAVEL]);
    expect(store.getState().draft.mode).toBe('none');
    expect(fake.calls.getEffectiveSharing).toHaveLength(1);
  });

  it('previews the desired sharing for every agent picked', async () => {
    const { store, fake } = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: sharedSnapshot(), effective: sharedEffective() }),
      previewSharing: () => ok(batch()),
    });
    await store.getState().setEditorAgents([SUPPORT, TRAVEL]);
    await store.getState().previewDraft();
    expect(fake.calls.previewSharing).toEqual([
      {
        profileId: 'sandbox',
        agentIds: [SUPPORT, TRAVEL],
        desired: {
          mode: 'selected',
          organizations: [
            {
              orgId: BUSINESS,
              policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
              roles: [ORG_VIEWER],
            },
          ],
        },
      },
    ]);
    expect(store.getState().reviews.editor.batch?.id).toBe('batch-1');
    store.getState().updateDraft((draft) => ({ ...draft, mode: 'none' }));
    expect(store.getState().reviews.editor.batch).toBeNull();
  });

  it('learns it is offline from a preview that could not read the share state', async () => {
    const { store } = await sharingBench({
      getEffectiveSharing: () => fail('offline', 'connect ECONNREFUSED'),
      previewSharing: () =>
        ok(batch([], { unreadable: [{ agentId: SUPPORT, error: 'connect ECONNREFUSED' }] })),
      getTreeStatus: () =>
        ok({
          online: false,
          orgCount: 4,
          syncedAt: null,
          fetchedAt: null,
          source: 'cache',
          syncing: false,
          cacheProblem: null,
        }),
    });
    await store.getState().setEditorAgents([SUPPORT]);
    expect(store.getState().editorBase.status).toBe('failed');
    expect(store.getState().draft.mode).toBe('none');
    await store.getState().previewDraft();
    expect(store.getState().editorOnline).toBe(false);
  });

  it('queues the draft and reports agents refused for errors', async () => {
    const { store, fake } = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: snapshot(), effective: notShared() }),
      queueSharing: () =>
        ok({
          entries: [],
          refused: [{ agentId: SUPPORT, reason: 'The plan has errors.', issues: [] }],
        }),
    });
    await store.getState().setEditorAgents([SUPPORT]);
    await store.getState().queueDraft();
    expect(fake.calls.queueSharing).toEqual([
      { profileId: 'sandbox', agentIds: [SUPPORT], desired: { mode: 'none' } },
    ]);
    expect(store.getState().editorQueue.status).toBe('queued');
    expect(store.getState().toasts.at(-1)).toMatchObject({ tone: 'error' });
  });
});
