/**
 * Server profiles: the list, which one is active, and the calls that change them. Switching
 * the active profile empties the org tree and loads the new profile's, so nothing from one
 * server is ever shown under another's name. Calls that a form waits on return the envelope,
 * so the form can map a failing `field` to its input.
 */
import type {
  CallInput,
  CallResult,
  CertificateView,
  ConnectionReportView,
  Envelope,
  ProfileView,
  ProfilesState,
} from '../../preload/contract';
import { bridgeCall } from '../features/profiles/bridgeCall';
import { emptyTreeData } from '../features/orgs/orgIndex';
import { toVisibleString } from '../ui/visibleText';
import type { DepsSliceCreator } from './types';

export type ProfilesLoad = 'idle' | 'loading' | 'ready' | 'failed' | 'unavailable';

export interface ProfileSlice {
  profiles: readonly ProfileView[];
  activeProfileId: string | null;
  profilesLoad: ProfilesLoad;
  profilesError: string | null;
  /** Why the profile file was set aside at start, until the user dismisses it. */
  storeProblem: string | null;
  loadProfiles: () => Promise<void>;
  selectProfile: (profileId: string) => Promise<void>;
  dismissStoreProblem: () => void;
  saveProfile: (input: CallInput<'saveProfile'>) => Promise<Envelope<ProfileView>>;
  removeProfile: (profileId: string) => Promise<Envelope<CallResult<'removeProfile'>>>;
  saveAgentCredential: (input: CallInput<'saveAgentCredential'>) => Promise<Envelope<ProfileView>>;
  removeAgentCredential: (
    input: CallInput<'removeAgentCredential'>,
  ) => Promise<Envelope<ProfileView>>;
  testConnection: (input: CallInput<'testConnection'>) => Promise<Envelope<ConnectionReportView>>;
  probeCertificate: (url: string) => Promise<Envelope<CertificateView>>;
}

function withProfile(list: readonly ProfileView[], view: ProfileView): ProfileView[] {
  const index = list.findIndex((profile) => profile.id === view.id);
  if (index === -1) return [...list, view];
  return list.map((profile, at) => (at === index ? view : profile));
}

export const createProfileSlice: DepsSliceCreator<ProfileSlice> = (deps) => (set, get) => {
  /** Only the newest switch may apply its answer: a slow earlier one must not win. */
  let switchSeq = 0;
  let firstLoadFailed = false;

  const nameOf = (profileId: string | null): string => {
    const profile = get().profiles.find((candidate) => candidate.id === profileId);
    return profile ? toVisibleString(profile.name) : 'the selected profile';
  };

  /** Forgets everything shown for the previous profile and starts loading the new one. */
  const followActiveProfile = (): void => {
    const state = get();
    state.cancelSync();
    state.clearSearch();
    set({
      orgTree: emptyTreeData(),
      expandedOrgs: new Set(),
      childLoads: new Map(),
      selectedOrgId: null,
      treeFocusRequest: null,
      revealedPath: new Set(),
      cacheStatus: null,
    });
    void get().refreshCacheStatus();
    void get().loadChildren(null);
  };

  /** Takes a full answer from the main process; reloads the tree when the active one changed. */
  const applyState = (next: ProfilesState): void => {
    const previous = get().activeProfileId;
    set({
      profiles: next.profiles,
      activeProfileId: next.activeProfileId,
      profilesLoad: 'ready',
      profilesError: null,
      ...(next.storeProblem ? { storeProblem: next.storeProblem } : {}),
    });
    // After a failed first load the tree has already tried, and failed, without a profile.
    const retried = firstLoadFailed;
    firstLoadFailed = false;
    const changed = previous !== next.activeProfileId;
    if (changed && (previous !== null || retried)) followActiveProfile();
  };

  return {
    profiles: [],
    activeProfileId: null,
    profilesLoad: 'idle',
    profilesError: null,
    storeProblem: null,

    loadProfiles: async () => {
      if (!deps.api) {
        set({ profilesLoad: 'unavailable' });
        return;
      }
      // A reload keeps showing the list it replaces.
      if (get().profilesLoad !== 'ready') set({ profilesLoad: 'loading', profilesError: null });
      const result = await bridgeCall(deps.api, 'listProfiles', {});
      if (result.ok) applyState(result.value);
      else if (get().profilesLoad === 'ready')
        get().notify(`Could not reload the profiles: ${result.error.message}`, 'error');
      else {
        firstLoadFailed = true;
        set({ profilesLoad: 'failed', profilesError: result.error.message });
      }
    },

    selectProfile: async (profileId) => {
      if (profileId === get().activeProfileId) return;
      const seq = ++switchSeq;
      const result = await bridgeCall(deps.api, 'selectProfile', { profileId });
      if (seq !== switchSeq) return;
      if (!result.ok) {
        get().notify(`Could not switch to ${nameOf(profileId)}: ${result.error.message}`, 'error');
        return;
      }
      applyState(result.value);
      get().announce(`Switched to the profile ${nameOf(result.value.activeProfileId)}.`);
    },

    dismissStoreProblem: () => set({ storeProblem: null }),

    saveProfile: async (input) => {
      const result = await bridgeCall(deps.api, 'saveProfile', input);
      if (result.ok) set((state) => ({ profiles: withProfile(state.profiles, result.value) }));
      return result;
    },

    removeProfile: async (profileId) => {
      const result = await bridgeCall(deps.api, 'removeProfile', { profileId });
      if (!result.ok) return result;
      // The main process picks the next active profile when the active one goes.
      await get().loadProfiles();
      return result;
    },

    saveAgentCredential: async (input) => {
      const result = await bridgeCall(deps.api, 'saveAgentCredential', input);
      if (result.ok) set((state) => ({ profiles: withProfile(state.profiles, result.value) }));
      return result;
    },

    removeAgentCredential: async (input) => {
      const result = await bridgeCall(deps.api, 'removeAgentCredential', input);
      if (result.ok) set((state) => ({ profiles: withProfile(state.profiles, result.value) }));
      return result;
    },

    testConnection: async (input) => {
      const result = await bridgeCall(deps.api, 'testConnection', input);
      // Testing the Sandbox profile starts its server, which changes its address and trust.
      if (result.ok && 'profileId' in input) void get().loadProfiles();
      return result;
    },

    probeCertificate: (url) => bridgeCall(deps.api, 'probeCertificate', { url }),
  };
};
