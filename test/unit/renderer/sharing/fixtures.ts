/**
 * Sharing data for the renderer tests, shaped like the main process's answers: share states,
 * effective sharing, plans and batches, apply reports, outbox and journal entries. Each builder
 * takes overrides so a test states only what it is about.
 */
import type {
  AgentView,
  BulkReport,
  EffectiveOrg,
  EffectiveSharing,
  JournalEntry,
  OutboxEntry,
  PlanBatch,
  ProfileView,
  RoleRef,
  RoleView,
  SharePlan,
  ShareSnapshot,
} from '../../../../preload/contract';
import { createMemorySource } from '../../../../renderer/features/orgs/fake/memorySource';
import type { OrgNode } from '../../../../renderer/features/orgs/source';
import { createAppStore, type AppStore } from '../../../../renderer/store/createAppStore';
import { orgs } from '../helpers/fixtures';
import { createFakeApi, ok, type FakeApi, type Implementations } from '../profiles/fakeApi';

export const SUPPORT = 'agent-support';
export const TRAVEL = 'agent-travel';
export const BUSINESS = 'org-business';
export const EUROPE = 'org-europe';
export const BERLIN = 'org-berlin';
export const RETAIL = 'org-retail';

/** Business › Business Europe › Berlin, and Retail beside Business. */
export const TREE: OrgNode[] = orgs([
  [BUSINESS, 'Business', null],
  [EUROPE, 'Business Europe', BUSINESS],
  [BERLIN, 'Berlin', EUROPE],
  [RETAIL, 'Retail', null],
]);

export const AGENTS: AgentView[] = [
  { id: SUPPORT, displayName: 'Support Assistant', description: '', userName: 'support' },
  { id: TRAVEL, displayName: 'Travel Planner', description: '', userName: 'travel' },
];

export const ORG_VIEWER: RoleRef = {
  displayName: 'Org Viewer',
  audienceType: 'organization',
  audienceDisplay: 'Root',
};
export const AGENT_OPERATOR: RoleRef = {
  displayName: 'Agent Operator',
  audienceType: 'organization',
  audienceDisplay: 'Root',
};
export const TICKET_APP_ROLE: RoleRef = {
  displayName: 'Ticket Resolver',
  audienceType: 'application',
  audienceDisplay: 'Helpdesk',
};

export const ROLES: RoleView[] = [ORG_VIEWER, AGENT_OPERATOR, TICKET_APP_ROLE].map((role) => ({
  id: `role-${role.displayName}`,
  ...role,
}));

export const PROFILE: ProfileView = {
  id: 'sandbox',
  name: 'Sandbox',
  kind: 'wso2is',
  baseUrl: 'https://127.0.0.1:9443',
  rootOrgHandle: 'carbon.super',
  adminAuth: { type: 'client-credentials', clientId: 'admin' },
  trust: { type: 'system' },
  sandbox: true,
  clientSecret: { set: true },
  agents: [],
};

export function snapshot(overrides: Partial<ShareSnapshot> = {}): ShareSnapshot {
  return {
    agentId: SUPPORT,
    readAt: '2026-01-01T00:00:00.000Z',
    allOrgs: null,
    organizations: [],
    ...overrides,
  };
}

/** Business holding an "and children" policy with Org Viewer; Europe and Berlin inherit it. */
export function sharedSnapshot(): ShareSnapshot {
  const inherited = (orgId: string, orgName: string, parent: string, depth: number) => ({
    orgId,
    orgName,
    parentOrgId: parent,
    depth,
    policy: null,
    roles: [{ ...ORG_VIEWER, audienceDisplay: orgName }],
  });
  return snapshot({
    organizations: [
      {
        orgId: BUSINESS,
        orgName: 'Business',
        parentOrgId: 'root',
        depth: 1,
        policy: {
          policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
          roles: [ORG_VIEWER],
        },
        roles: [{ ...ORG_VIEWER, audienceDisplay: 'Business' }],
      },
      inherited(EUROPE, 'Business Europe', BUSINESS, 2),
      { ...inherited(BERLIN, 'Berlin', EUROPE, 3), roles: [] },
    ],
  });
}

export function effectiveOrg(overrides: Partial<EffectiveOrg> & { orgId: string }): EffectiveOrg {
  return {
    orgName: overrides.orgId,
    parentId: null,
    depth: 1,
    shared: true,
    via: 'direct',
    policyOrgId: null,
    holdsPolicy: false,
    expectedRoles: null,
    assignedRoles: [],
    missingRoles: [],
    unexpectedRoles: [],
    missingShare: false,
    ...overrides,
  };
}

/** The effective sharing of `sharedSnapshot()`: Berlin lacks its Org Viewer role. */
export function sharedEffective(): EffectiveSharing {
  return {
    agentId: SUPPORT,
    mode: 'selected',
    allOrgsPolicy: null,
    orgs: [
      effectiveOrg({
        orgId: BUSINESS,
        orgName: 'Business',
        holdsPolicy: true,
        policyOrgId: BUSINESS,
        expectedRoles: [ORG_VIEWER],
        assignedRoles: [ORG_VIEWER],
      }),
      effectiveOrg({
        orgId: EUROPE,
        orgName: 'Business Europe',
        via: 'inherited',
        policyOrgId: BUSINESS,
        expectedRoles: [ORG_VIEWER],
        assignedRoles: [ORG_VIEWER],
      }),
      effectiveOrg({
        orgId: BERLIN,
        orgName: 'Berlin',
        via: 'inherited',
        policyOrgId: BUSINESS,
        expectedRoles: [ORG_VIEWER],
        missingRoles: [ORG_VIEWER],
      }),
    ],
    counts: { shared: 3, missingShare: 0, roleMismatch: 1, outsidePolicy: 0 },
  };
}

export function notShared(agentId = SUPPORT): EffectiveSharing {
  return {
    agentId,
    mode: 'not-shared',
    allOrgsPolicy: null,
    orgs: [],
    counts: { shared: 0, missingShare: 0, roleMismatch: 0, outsidePolicy: 0 },
  };
}

export function plan(overrides: Partial<SharePlan> = {}): SharePlan {
  const body = {
    agentCriteria: { agentIds: [SUPPORT] },
    organizations: [
      { orgId: BUSINESS, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' },
    ],
  };
  return {
    id: 'plan-1',
    agentId: SUPPORT,
    createdAt: '2026-01-01T00:00:00.000Z',
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
    base: snapshot(),
    steps: [
      {
        index: 0,
        action: {
          kind: 'share',
          organizations: [
            {
              orgId: BUSINESS,
              policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
              roles: [ORG_VIEWER],
            },
          ],
        },
        summary: 'Share with Business and its children, roles: Org Viewer.',
        request: { method: 'POST', path: '/api/server/v1/agents/share', body },
        curl: "curl -X POST 'https://127.0.0.1:9443/api/server/v1/agents/share' \\\n  -H 'Authorization: Bearer $TOKEN'",
      },
    ],
    issues: [],
    blastRadius: {
      gained: [
        { orgId: BUSINESS, orgName: 'Business' },
        { orgId: EUROPE, orgName: 'Business Europe' },
        { orgId: BERLIN, orgName: 'Berlin' },
      ],
      lost: [],
      roleChanges: [],
      future: {
        before: { allOrgs: false, subtrees: [] },
        after: { allOrgs: false, subtrees: [{ orgId: BUSINESS, orgName: 'Business' }] },
        changed: true,
      },
    },
    summary: ['1 API call; 3 organizations gain the agent.'],
    blocked: false,
    ...overrides,
  };
}

export function batch(
  plans: SharePlan[] = [plan()],
  overrides: Partial<PlanBatch> = {},
): PlanBatch {
  return {
    id: 'batch-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    source: 'direct',
    undoOf: null,
    desired: plans[0]?.desired ?? { mode: 'none' },
    plans,
    unreadable: [],
    totals: {
      agents: plans.length,
      calls: plans.reduce((sum, p) => sum + p.steps.length, 0),
      blocked: plans.filter((p) => p.blocked).length,
      gained: plans.reduce((sum, p) => sum + p.blastRadius.gained.length, 0),
      lost: 0,
    },
    ...overrides,
  };
}

export function bulkReport(forPlan: SharePlan = plan()): BulkReport {
  return {
    id: 'batch-1',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    total: 1,
    counts: { verified: 1 },
    agents: [
      {
        agentId: forPlan.agentId,
        planId: forPlan.id,
        outcome: 'verified',
        failedSteps: [],
        failedOrgs: [],
        error: null,
      },
    ],
    results: [
      {
        planId: forPlan.id,
        agentId: forPlan.agentId,
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:01.000Z',
        outcome: 'verified',
        steps: [{ index: 0, kind: 'share', status: 'accepted', attempts: 1, error: null }],
        verification: {
          outcome: 'verified',
          attempts: 2,
          checkedAt: '2026-01-01T00:00:01.000Z',
          policies: 'done',
          counts: { done: 2, pending: 0, diverged: 1 },
          orgs: [
            {
              orgId: BUSINESS,
              orgName: 'Business',
              status: 'done',
              expectedRoles: [ORG_VIEWER],
              observedRoles: [ORG_VIEWER],
            },
            {
              orgId: BERLIN,
              orgName: 'Berlin',
              status: 'diverged',
              expectedRoles: [ORG_VIEWER],
              observedRoles: [],
            },
          ],
          observed: null,
          readError: null,
        },
        before: snapshot(),
        error: null,
      },
    ],
  };
}

export function outboxEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: 'entry-1',
    seq: 1,
    profileId: 'sandbox',
    agentId: SUPPORT,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:05:00.000Z',
    desired: plan().desired,
    base: snapshot(),
    plan: plan(),
    status: 'queued',
    forced: false,
    startedFrom: null,
    sentSteps: [],
    acceptedSteps: [],
    conflict: null,
    result: null,
    journalId: null,
    ...overrides,
  };
}

export function journalEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 'journal-1',
    startedAt: '2026-01-02T09:00:00.000Z',
    finishedAt: '2026-01-02T09:00:02.000Z',
    profileId: 'sandbox',
    agentId: SUPPORT,
    source: 'direct',
    undoOf: null,
    desired: plan().desired,
    before: snapshot(),
    plan: plan(),
    steps: [{ index: 0, kind: 'share', status: 'accepted', attempts: 1, error: null }],
    verification: null,
    outcome: 'verified',
    error: null,
    ...overrides,
  };
}

export interface SharingBench {
  store: AppStore;
  fake: FakeApi;
}

/** A store over a fake bridge with the Sandbox profile active and the small tree as its source. */
export async function sharingBench(implementations: Implementations = {}): Promise<SharingBench> {
  const fake = createFakeApi({
    listProfiles: () => ok({ profiles: [PROFILE], activeProfileId: PROFILE.id }),
    listAgents: () => ok(AGENTS),
    listRoles: () => ok(ROLES),
    getTreeStatus: () =>
      ok({
        online: true,
        orgCount: TREE.length,
        syncedAt: null,
        fetchedAt: null,
        source: 'server',
        syncing: false,
        cacheProblem: null,
      }),
    ...implementations,
  });
  const store = createAppStore({
    orgSource: createMemorySource(TREE),
    api: fake.api,
    now: () => Date.parse('2026-01-03T00:00:00.000Z'),
  });
  await store.getState().loadProfiles();
  return { store, fake };
}
