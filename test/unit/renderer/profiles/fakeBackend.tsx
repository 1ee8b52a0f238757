/**
 * A small stand-in for the main process's profile handlers, over the typed fake bridge: it
 * keeps profiles and secrets, refuses a non-https base URL the way the profile service does
 * (field named only in the message), and answers connection tests and certificate probes.
 */
import { act, render } from '@testing-library/react';
import type {
  CertificateView,
  ConnectionReportView,
  KeychainStatus,
  ProfileView,
} from '../../../../preload/contract';
import { App } from '../../../../renderer/app/App';
import { createMemorySource } from '../../../../renderer/features/orgs/fake/memorySource';
import { createAppStore, type AppStore } from '../../../../renderer/store/createAppStore';
import { installColorScheme } from '../helpers/dom';
import { SMALL_TREE } from '../helpers/fixtures';
import {
  createFakeApi,
  fail,
  ok,
  sandboxView,
  type FakeApi,
  type Implementations,
} from './fakeApi';

export const CERTIFICATE: CertificateView = {
  sha256: '3F:'.repeat(31) + 'A0',
  subject: 'CN=is.staging.example',
  issuer: 'CN=is.staging.example',
  selfSigned: true,
  validFrom: '2026-01-01T00:00:00Z',
  validTo: '2027-01-01T00:00:00Z',
  trusted: false,
  verifyCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
};

export const PASSING_REPORT: ConnectionReportView = {
  ok: true,
  checks: [
    { id: 'discovery', status: 'pass', detail: 'issuer https://127.0.0.1:9443/oauth2/token' },
    { id: 'tls', status: 'pass', detail: 'certificate trusted by the custom CA' },
    { id: 'credentials', status: 'pass', detail: 'token issued (Bearer, expires in 3600 s)' },
    { id: 'scopes', status: 'pass', detail: 'all 9 management scopes granted' },
  ],
};

export interface Backend {
  fake: FakeApi;
  profiles: ProfileView[];
  /** Secrets as the vault would hold them: never part of any answer. */
  secrets: Map<string, string>;
}

function hint(secret: string): { set: true; hint: string } {
  return { set: true, hint: `••••${secret.slice(-4)}` };
}

export function createBackend(
  options: {
    keychain?: KeychainStatus;
    report?: ConnectionReportView;
    overrides?: Implementations;
  } = {},
): Backend {
  const profiles: ProfileView[] = [sandboxView()];
  const secrets = new Map<string, string>();
  let active = 'sandbox';
  let nextId = 1;
  const listState = () => ({ profiles: [...profiles], activeProfileId: active });

  const fake = createFakeApi({
    getAppInfo: () =>
      ok({
        name: 'ShareDesk',
        version: 'test',
        host: 'browser',
        keychain: options.keychain ?? { backend: 'keychain' },
      }),
    listProfiles: () => ok(listState()),
    selectProfile: ({ profileId }) => {
      active = profileId;
      return ok(listState());
    },
    saveProfile: ({ profile, clientSecret }) => {
      const baseUrl = profile.baseUrl ?? '';
      if (!baseUrl.startsWith('https://')) {
        // The envelope main sends for a refused profile (see error-map.ts).
        const message = 'must be an https:// URL without credentials, query or fragment';
        return Promise.resolve({
          ok: false,
          error: {
            code: 'invalid-input',
            message: `profile: baseUrl: ${message}`,
            field: 'baseUrl',
            fieldErrors: [{ field: 'baseUrl', message }],
          },
        });
      }
      const id = profile.id ?? `p-${nextId++}`;
      if (clientSecret) secrets.set(id, clientSecret);
      const stored = secrets.get(id);
      const view: ProfileView = {
        id,
        name: profile.name,
        kind: profile.kind,
        baseUrl,
        rootOrgHandle: profile.rootOrgHandle,
        adminAuth: profile.adminAuth,
        trust: profile.trust,
        ...(profile.proxyUrl ? { proxyUrl: profile.proxyUrl } : {}),
        sandbox: false,
        clientSecret: stored ? hint(stored) : { set: false },
        agents: profiles.find((p) => p.id === id)?.agents ?? [],
      };
      const at = profiles.findIndex((p) => p.id === id);
      if (at === -1) profiles.push(view);
      else profiles[at] = view;
      return ok(view);
    },
    removeProfile: ({ profileId }) => {
      const at = profiles.findIndex((p) => p.id === profileId);
      if (at !== -1) profiles.splice(at, 1);
      secrets.delete(profileId);
      if (active === profileId) active = 'sandbox';
      return ok({});
    },
    saveAgentCredential: ({ profileId, agentId, label, secret }) => {
      const profile = profiles.find((p) => p.id === profileId);
      if (!profile) return fail('invalid-input', `No profile "${profileId}".`);
      if (secret) secrets.set(`${profileId}/${agentId}`, secret);
      const kept = secrets.get(`${profileId}/${agentId}`);
      profile.agents = [
        ...profile.agents.filter((agent) => agent.agentId !== agentId),
        { agentId, label, secret: kept ? hint(kept) : { set: false } },
      ];
      return ok({ ...profile });
    },
    testConnection: () => ok(options.report ?? PASSING_REPORT),
    probeCertificate: () => ok(CERTIFICATE),
    ...options.overrides,
  });
  return { fake, profiles, secrets };
}

/** Renders the whole app around the backend, loaded, on the Profiles screen. */
export async function renderProfilesApp(backend: Backend): Promise<AppStore> {
  installColorScheme(false);
  const store = createAppStore({
    orgSource: createMemorySource(SMALL_TREE),
    api: backend.fake.api,
    now: () => 0,
  });
  await store.getState().loadProfiles();
  render(<App store={store} />);
  await act(async () => {
    store.getState().navigate('profiles');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return store;
}
