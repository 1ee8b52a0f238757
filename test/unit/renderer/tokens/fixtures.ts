/** Bridge answers for the token workbench tests: a profile, held tokens, reports and diffs. */
import type {
  FlowOutcomeView,
  InspectionReportView,
  ProfileView,
  TimelineStepView,
  TokenDiffView,
  TokenSummaryView,
} from '../../../../preload/contract';
import { createAppStore, type AppStore } from '../../../../renderer/store/createAppStore';
import { createMemorySource } from '../../../../renderer/features/orgs/fake/memorySource';
import { createFakeApi, ok, type FakeApi, type Implementations } from '../profiles/fakeApi';

export const AGENT = '7a1b7d63-8cfc-4dc9-9332-3f84641b72d8';
export const PRIOR_AGENT = '2f4c9e1a-5b6d-4c3e-8f7a-1b2c3d4e5f60';
export const USER = 'b5c6d7e8-f9a0-4b1c-9d2e-3f4a5b6c7d8e';
export const BUSINESS = '3b1c6a52-8f0e-4c5e-9d2a-6f1b7c2e4a10';
/** Shaped like a JWT, so a test can tell if it ever reaches the page or the state. */
export const RAW_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtc3ViamVjdCIsImV4cCI6OTk5OTk5OTk5OX0.c2lnbmF0dXJlLWJ5dGVz';

export const PROFILE: ProfileView = {
  id: 'sandbox',
  name: 'Sandbox',
  kind: 'wso2is',
  baseUrl: 'https://127.0.0.1:9443',
  rootOrgHandle: 'carbon.super',
  adminAuth: { type: 'client-credentials', clientId: 'sharedesk-admin' },
  trust: { type: 'system' },
  sandbox: true,
  clientSecret: { set: true },
  agents: [
    { agentId: AGENT, label: 'Support Assistant', secret: { set: true } },
    { agentId: PRIOR_AGENT, label: 'Travel Planner', secret: { set: false } },
  ],
};

export function heldToken(overrides: Partial<TokenSummaryView> = {}): TokenSummaryView {
  return {
    tokenRef: 'ref-1',
    issuer: 'https://127.0.0.1:9443/oauth2/token',
    organizationId: BUSINESS,
    actor: `${AGENT} for ${USER}`,
    source: 'obo',
    clientId: 'obo-client',
    scopes: ['openid'],
    obtainedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-01T01:00:00.000Z',
    hasRefreshToken: true,
    hasIdToken: true,
    preview: 'eyJhbG…Q9x (900 chars)',
    claims: { sub: USER, act: { sub: AGENT }, org_name: 'Business' },
    flowId: 'flow-1',
    ...overrides,
  };
}

export function report(overrides: Partial<InspectionReportView> = {}): InspectionReportView {
  return {
    kind: 'jwt',
    preview: 'eyJhbG…Ynl0 (120 chars)',
    length: 120,
    header: [{ name: 'alg', value: 'RS256', display: 'RS256' }],
    claims: [
      {
        claim: 'sub',
        value: USER,
        meaning: 'Subject: the user or agent this token is about.',
        display: USER,
        origin: 'standard',
      },
      {
        claim: 'exp',
        value: 1_767_229_200,
        meaning: 'Expiry: the token is not accepted after this time.',
        display: '2026-01-01T01:00:00.000Z',
        origin: 'standard',
      },
      {
        claim: 'org_name',
        value: '<img src=x onerror=alert(1)>',
        meaning: 'Name of the organization this token gives access to.',
        display: '<img src=x onerror=alert(1)>',
        origin: 'wso2',
      },
    ],
    actorChain: {
      links: [
        { depth: 1, sub: AGENT, label: 'current actor', flags: [] },
        { depth: 2, sub: PRIOR_AGENT, label: 'prior (informational)', flags: ['has exp'] },
      ],
      truncated: false,
      warnings: [],
    },
    verification: {
      state: 'invalid',
      signature: 'invalid',
      reasons: [{ code: 'signature_invalid', message: 'signature does not verify' }],
      warnings: [],
    },
    expiry: { state: 'valid', expiresAt: '2026-01-01T01:00:00.000Z', relative: 'in 1 h' },
    problems: [],
    warnings: [],
    ...overrides,
  };
}

export function step(index: number, overrides: Partial<TimelineStepView> = {}): TimelineStepView {
  return {
    flowId: 'flow-1',
    index,
    kind: 'http',
    label: `Step ${index}`,
    startedAt: '2026-01-01T00:00:00.000Z',
    method: 'POST',
    url: 'https://127.0.0.1:9443/oauth2/token',
    status: 200,
    durationMs: 12,
    ...overrides,
  };
}

export function outcome(overrides: Partial<FlowOutcomeView> = {}): FlowOutcomeView {
  return { ok: true, flowId: 'flow-1', token: heldToken(), ...overrides };
}

export const DIFF: TokenDiffView = {
  claims: [
    { claim: 'jti', change: 'changed', before: 'a', after: 'b', highlight: false },
    { claim: 'azp', change: 'same', before: 'x', after: 'x', highlight: false },
    {
      claim: 'scope',
      change: 'changed',
      before: 'openid read',
      after: 'openid write',
      highlight: true,
      entries: { added: ['write'], removed: ['read'] },
    },
    { claim: 'act', change: 'added', after: { sub: AGENT }, highlight: true },
  ],
  counts: { changed: 2, added: 1, removed: 0, same: 1 },
};

export interface Workbench {
  store: AppStore;
  fake: FakeApi;
  now: { value: number };
}

/** A store over a fake bridge, with the Sandbox profile active and loaded. */
export async function workbench(implementations: Implementations = {}): Promise<Workbench> {
  const fake = createFakeApi({
    listProfiles: () => ok({ profiles: [PROFILE], activeProfileId: PROFILE.id }),
    listTokens: () => ok([]),
    getTimeline: () => ok([]),
    ...implementations,
  });
  const now = { value: Date.parse('2026-01-01T00:00:00.000Z') };
  const store = createAppStore({
    orgSource: createMemorySource([]),
    api: fake.api,
    now: () => now.value,
  });
  await store.getState().loadProfiles();
  return { store, fake, now };
}
