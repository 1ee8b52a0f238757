/**
 * The profile and app-info slices over a fake bridge: loading, switching the active profile
 * (the org tree follows it, even when a load straddles the switch), checked answers, and the
 * keychain status from the app info and from events.
 */
import { describe, expect, it } from 'vitest';
import type { OrgNodeView, ProfilesState } from '../../../../preload/contract';
import { followingProfile } from '../../../../renderer/app/orgSource';
import { bridgeOrgSource } from '../../../../renderer/bridge/orgSource';
import { ROOT_KEY } from '../../../../renderer/features/orgs/orgIndex';
import { createAppStore, type AppStore } from '../../../../renderer/store/createAppStore';
import { deferred, type Deferred } from '../helpers/fixtures';
import {
  createFakeApi,
  ok,
  sandboxView,
  serverView,
  type FakeApi,
  type Implementations,
} from './fakeApi';

function org(id: string, name: string): OrgNodeView {
  return { id, name, orgHandle: id, parentId: null, hasChildren: false, depth: 0 };
}

const TREES: Record<string, OrgNodeView[]> = {
  sandbox: [org('business', 'Business'), org('retail', 'Retail')],
  'p-staging': [org('acme', 'Acme')],
};

function state(activeProfileId: string, storeProblem?: string): ProfilesState {
  return {
    profiles: [sandboxView(), serverView()],
    activeProfileId,
    ...(storeProblem ? { storeProblem } : {}),
  };
}

function setup(overrides: Implementations = {}): { fake: FakeApi; store: AppStore } {
  const fake = createFakeApi({
    listProfiles: () => ok(state('sandbox')),
    selectProfile: ({ profileId }) => ok(state(profileId)),
    listOrgChildren: ({ profileId, parentId }) =>
      ok(parentId === null ? (TREES[profileId] ?? []) : []),
    getTreeStatus: () =>
      ok({
        online: true,
        orgCount: 2,
        syncedAt: null,
        fetchedAt: null,
        source: 'server',
        syncing: false,
        cacheProblem: null,
      }),
    ...overrides,
  });
  const late: { store?: AppStore } = {};
  const activeId = (): string | null => late.store?.getState().activeProfileId ?? null;
  const orgSource = followingProfile(bridgeOrgSource(fake.api, activeId), activeId);
  const store = createAppStore({ orgSource, api: fake.api, now: () => 0 });
  late.store = store;
  return { fake, store };
}

function rootNames(store: AppStore): string[] {
  const { orgTree } = store.getState();
  return (orgTree.children.get(ROOT_KEY) ?? []).map((id) => orgTree.nodes.get(id)?.name ?? id);
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('profile slice', () => {
  it('loads the profiles, the active one and a profile-file problem', async () => {
    const problem = 'The profile file was unreadable (invalid); it was moved to profiles.bad.';
    const { store } = setup({ listProfiles: () => ok(state('p-staging', problem)) });

    await store.getState().loadProfiles();

    const loaded = store.getState();
    expect(loaded.profilesLoad).toBe('ready');
    expect(loaded.profiles.map((p) => p.id)).toEqual(['sandbox', 'p-staging']);
    expect(loaded.activeProfileId).toBe('p-staging');
    expect(loaded.storeProblem).toBe(problem);
    loaded.dismissStoreProblem();
    expect(store.getState().storeProblem).toBeNull();
  });

  it('reports a failed first load, and keeps the list when a reload fails', async () => {
    let answer: Implementations['listProfiles'] = () =>
      Promise.resolve({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    const { store } = setup({ listProfiles: (input) => answer!(input) });

    await store.getState().loadProfiles();
    expect(store.getState().profilesLoad).toBe('failed');
    expect(store.getState().profilesError).toBe('disk on fire');

    answer = () => ok(state('sandbox'));
    await store.getState().loadProfiles();
    answer = () =>
      Promise.resolve({ ok: false, error: { code: 'internal', message: 'still on fire' } });
    await store.getState().loadProfiles();
    expect(store.getState().profilesLoad).toBe('ready');
    expect(store.getState().profiles).toHaveLength(2);
    expect(store.getState().toasts.at(-1)?.text).toContain('still on fire');
  });

  it('loads the tree once the profiles load after a failed first try', async () => {
    let failing = true;
    const { fake, store } = setup({
      listProfiles: () =>
        failing
          ? Promise.resolve({ ok: false, error: { code: 'offline', message: 'host gone' } })
          : ok(state('sandbox')),
    });
    await store.getState().loadProfiles();
    await store.getState().loadChildren(null);
    expect(store.getState().childLoads.get(ROOT_KEY)).toMatchObject({ status: 'error' });

    failing = false;
    await store.getState().loadProfiles();
    await settle();

    expect(rootNames(store)).toEqual(['Business', 'Retail']);
    expect(fake.calls.listOrgChildren).toEqual([{ profileId: 'sandbox', parentId: null }]);
  });

  it('refuses an answer that does not match the contract, naming the field', async () => {
    const { store } = setup({
      listProfiles: () => ok({ profiles: [{ id: 7 }], activeProfileId: null } as never),
    });

    await store.getState().loadProfiles();

    expect(store.getState().profilesLoad).toBe('failed');
    expect(store.getState().profilesError).toMatch(/profiles\[0\]\.id/);
  });

  it('switches the org tree to the newly selected profile', async () => {
    const { fake, store } = setup();
    await store.getState().loadProfiles();
    await store.getState().loadChildren(null);
    store.getState().setOrgExpanded('business', true);
    store.getState().selectOrg('business');
    expect(rootNames(store)).toEqual(['Business', 'Retail']);

    await store.getState().selectProfile('p-staging');
    await settle();

    expect(fake.calls.selectProfile).toEqual([{ profileId: 'p-staging' }]);
    expect(store.getState().activeProfileId).toBe('p-staging');
    expect(rootNames(store)).toEqual(['Acme']);
    expect(store.getState().selectedOrgId).toBeNull();
    expect(store.getState().expandedOrgs.size).toBe(0);
    expect(fake.calls.listOrgChildren).toContainEqual({ profileId: 'p-staging', parentId: null });
    // The expansion in flight during the switch was asked again, not reported as a failure.
    expect(fake.calls.listOrgChildren).toContainEqual({
      profileId: 'p-staging',
      parentId: 'business',
    });
    expect(store.getState().childLoads.size).toBe(0);
    expect(fake.calls.getTreeStatus?.at(-1)).toEqual({ profileId: 'p-staging' });
    expect(store.getState().liveMessage?.text).toBe('Switched to the profile Staging.');
  });

  it('asks again for the new profile when a root load straddles the switch', async () => {
    const pending: Deferred<OrgNodeView[]>[] = [];
    const { fake, store } = setup({
      listOrgChildren: async ({ profileId }) => {
        if (profileId !== 'sandbox') return { ok: true, value: TREES[profileId] ?? [] };
        const answer = deferred<OrgNodeView[]>();
        pending.push(answer);
        return { ok: true, value: await answer.promise };
      },
    });
    await store.getState().loadProfiles();
    const firstLoad = store.getState().loadChildren(null);
    await settle();

    await store.getState().selectProfile('p-staging');
    pending[0]!.resolve(TREES.sandbox!);
    await firstLoad;
    await settle();

    expect(rootNames(store)).toEqual(['Acme']);
    const asked = (fake.calls.listOrgChildren ?? []).map((call) => call.profileId);
    expect(asked).toEqual(['sandbox', 'p-staging']);
  });

  it('applies only the newest of two quick switches', async () => {
    const answers = new Map<string, Deferred<ProfilesState>>();
    const { store } = setup({
      selectProfile: async ({ profileId }) => {
        const answer = deferred<ProfilesState>();
        answers.set(profileId, answer);
        return { ok: true, value: await answer.promise };
      },
    });
    await store.getState().loadProfiles();

    const first = store.getState().selectProfile('p-staging');
    const second = store.getState().selectProfile('sandbox-two');
    answers.get('sandbox-two')!.resolve(state('sandbox-two'));
    await second;
    answers.get('p-staging')!.resolve(state('p-staging'));
    await first;

    expect(store.getState().activeProfileId).toBe('sandbox-two');
  });

  it('keeps the active profile and says why when the switch is refused', async () => {
    const { store } = setup({
      selectProfile: () =>
        Promise.resolve({ ok: false, error: { code: 'not-found', message: 'No profile "x".' } }),
    });
    await store.getState().loadProfiles();

    await store.getState().selectProfile('p-staging');

    expect(store.getState().activeProfileId).toBe('sandbox');
    expect(store.getState().toasts.at(-1)).toMatchObject({
      tone: 'error',
      text: 'Could not switch to Staging: No profile "x".',
    });
  });

  it('reloads the list after a removal, following a new active profile', async () => {
    let current = state('p-staging');
    const { fake, store } = setup({
      listProfiles: () => ok(current),
      removeProfile: () => {
        current = { profiles: [sandboxView()], activeProfileId: 'sandbox' };
        return ok({});
      },
    });
    await store.getState().loadProfiles();

    const result = await store.getState().removeProfile('p-staging');
    await settle();

    expect(result.ok).toBe(true);
    expect(store.getState().profiles.map((p) => p.id)).toEqual(['sandbox']);
    expect(store.getState().activeProfileId).toBe('sandbox');
    expect(fake.calls.listOrgChildren?.at(-1)?.profileId).toBe('sandbox');
  });
});

describe('app info slice', () => {
  it('takes the keychain status from the app info, then follows its events', async () => {
    const { fake, store } = setup({
      getAppInfo: () =>
        ok({
          name: 'ShareDesk',
          version: '1.0.0',
          host: 'browser',
          keychain: { backend: 'keychain' },
        }),
    });

    const stop = store.getState().connectAppInfo();
    await settle();
    expect(store.getState().appInfo?.version).toBe('1.0.0');
    expect(store.getState().secretsMemoryOnly).toBe(false);

    fake.emit('keychainStatus', { backend: 'memory', reason: 'keychain-timeout' });
    expect(store.getState().secretsMemoryOnly).toBe(true);
    expect(store.getState().keychain?.reason).toBe('keychain-timeout');

    stop();
    expect(fake.listenerCount('keychainStatus')).toBe(0);
  });

  it('ignores a keychain event that does not match the contract', async () => {
    const { fake, store } = setup({
      getAppInfo: () =>
        ok({ name: 'ShareDesk', version: '1', host: 'browser', keychain: { backend: 'memory' } }),
    });
    store.getState().connectAppInfo();
    await settle();
    expect(store.getState().secretsMemoryOnly).toBe(true);

    fake.emit('keychainStatus', { backend: 'floppy' } as never);

    expect(store.getState().keychain?.backend).toBe('memory');
  });
});
