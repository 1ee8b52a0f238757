/**
 * Scenario 4 — bulk share: one desired state (selected organizations, each with one role)
 * applied through the app's sharing service (preview: read and plan the fewest calls; apply:
 * send, verify by polling, journal) against the Console's per-organization calls. Reports HTTP calls and the time until
 * the share state shows the result, for one agent × many orgs and many agents × fewer orgs.
 * Each run shares freshly created agents, so every run starts from "not shared".
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../main/log/logger';
import { syncTree } from '../../../main/orgs';
import type { RoleContext } from '../../../main/sharing/ports';
import { createSharingService, type SharingService } from '../../../main/sharing/service';
import { openSharingStores } from '../../../main/sharing/stores';
import { createTree } from '../../../main/sharing/tree';
import type { DesiredSharing, RoleRef } from '../../../preload/contract/sharing-domain';
import { startHarness, TENANT_PATH, type Harness } from '../lib/harness';
import { alternate, time } from '../lib/measure';
import { row, type Row } from '../lib/report';
import { consoleLoad, consoleSave, pollUntilShared, type WireRole } from './bulk-console';
import type { BenchContext, Scenario } from './types';

const ROLE_NAME = 'Org Viewer';

interface ShareCase {
  agents: number;
  orgs: number;
  reps: number;
}

interface Setup {
  h: Harness;
  /** Folders of the sharing services' outbox and journal files. */
  storeDirs: string[];
  newSharing(): Promise<SharingService>;
  token: string;
  tree: ReturnType<typeof createTree>;
  topLevel: string[];
  role: RoleRef;
  wireRole: WireRole;
}

async function prepare(topLevel: number): Promise<Setup> {
  // One level only: selective shares reach immediate children of the root (reference §5.8).
  const h = await startHarness({ data: { orgs: topLevel, depth: 1, seed: 5 }, shareDelayMs: 200 });
  const self = await h.clients.organizations.getSelf();
  const synced = await syncTree(
    { id: self.id, name: self.name, orgHandle: 'carbon.super' },
    { source: h.clients.organizations, logger: silentLogger },
  );
  const children = synced.tree.children(self.id);
  const tree = createTree(self.id, [
    { id: self.id, name: self.name, parentId: null, depth: 0 },
    ...children.map((node) => ({ id: node.id, name: node.name, parentId: self.id, depth: 1 })),
  ]);
  const role: RoleRef = {
    displayName: ROLE_NAME,
    audienceType: 'organization',
    audienceDisplay: self.name,
  };
  const roles: RoleContext = { rootRoles: [role] };
  const storeDirs: string[] = [];
  // Wired as the app wires it, with its default concurrency and polling schedule; each call
  // gives a service with an empty outbox and journal, so every run starts alike.
  const newSharing = async (): Promise<SharingService> => {
    const dir = await mkdtemp(join(tmpdir(), 'sharedesk-bench-sharing-'));
    storeDirs.push(dir);
    const { outbox, journal } = await openSharingStores({ dir, logger: silentLogger });
    return createSharingService({
      profileId: 'bench',
      baseUrl: `${h.sandbox.url}${TENANT_PATH}`,
      api: h.clients.agentSharing,
      tree: () => Promise.resolve(tree),
      roles: () => Promise.resolve(roles),
      outbox,
      journal,
      logger: silentLogger,
    });
  };
  return {
    h,
    storeDirs,
    newSharing,
    token: await h.adminToken(),
    tree,
    topLevel: children.map((node) => node.id),
    role,
    wireRole: { displayName: ROLE_NAME, audience: { display: self.name, type: 'organization' } },
  };
}

async function newAgents(h: Harness, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await h.clients.agents.create({
      extension: { DisplayName: `Bench agent ${randomUUID().slice(0, 8)}` },
    });
    ids.push(created.agent.id);
  }
  return ids;
}

async function runCase(s: Setup, c: ShareCase, context: BenchContext): Promise<Row[]> {
  const { h, role } = s;
  const orgIds = s.topLevel.slice(0, c.orgs);
  const desired: DesiredSharing = {
    mode: 'selected',
    organizations: orgIds.map((orgId) => ({ orgId, policy: 'SELECTED_ORG_ONLY', roles: [role] })),
  };
  const appCalls: number[] = [];
  const appWrites: number[] = [];
  const consoleCalls: number[] = [];
  const consoleReads: number[] = [];

  const viaApp = async (): Promise<number> => {
    const agentIds = await newAgents(h, c.agents);
    const sharing = await s.newSharing();
    const before = h.apiCalls();
    const ms = await time(async () => {
      const batch = await sharing.preview(agentIds, desired);
      if (batch.totals.blocked > 0 || batch.unreadable.length > 0) {
        throw new Error(
          `preview: ${batch.totals.blocked} blocked, ${batch.unreadable.length} unreadable`,
        );
      }
      appWrites.push(batch.totals.calls);
      const report = await sharing.apply(batch.id);
      if (report.counts.verified !== agentIds.length) {
        throw new Error(`apply did not verify: ${JSON.stringify(report.counts)}`);
      }
    });
    appCalls.push(h.apiCalls() - before);
    return ms;
  };

  const viaConsole = async (): Promise<number> => {
    const agentIds = await newAgents(h, c.agents);
    let calls = 0;
    const ms = await time(async () => {
      for (const agentId of agentIds) {
        calls += await consoleLoad(h.bare, s.token, agentId, orgIds.length);
        calls += await consoleSave(h.bare, s.token, agentId, orgIds, s.wireRole);
      }
      consoleReads.push(await pollUntilShared(h.bare, s.token, agentIds, orgIds, ROLE_NAME));
    });
    consoleCalls.push(calls);
    return ms;
  };

  const samples = await alternate(
    [
      { label: 'app', run: viaApp },
      { label: 'console', run: viaConsole },
    ],
    { reps: c.reps, warmup: context.quick ? 0 : 1 },
  );
  const scenario = `4 share ${c.agents} agent${c.agents > 1 ? 's' : ''} × ${c.orgs.toLocaleString('en-US')} orgs`;
  const baselineLabel = 'WSO2 Console (reference §10)';
  return [
    row({
      scenario,
      metric: 'HTTP calls',
      unit: 'calls',
      samples: appCalls,
      baseline: { label: baselineLabel, samples: consoleCalls },
      ratioKind: 'baseline/value',
      note:
        `app: ${Math.max(...appWrites)} write(s), the rest reads and verification polls; ` +
        `Console: its load reads, one share per org and a re-read, ` +
        `plus ${Math.max(...consoleReads)} polls (not counted) until the result showed`,
    }),
    row({
      scenario,
      metric: 'time until verified',
      unit: 'ms',
      samples: samples.wall('app'),
      baseline: { label: baselineLabel, samples: samples.wall('console') },
      ratioKind: 'baseline/value',
      note:
        'sandbox completes each accepted write 200 ms later; Console sends 6 at a time; ' +
        'each app run starts with an empty outbox and journal',
    }),
  ];
}

export const bulkShareScenario: Scenario = {
  id: 'share',
  title: 'Bulk share',
  run: async (context) => {
    const cases: ShareCase[] = context.quick
      ? [
          { agents: 1, orgs: 100, reps: 1 },
          { agents: 5, orgs: 20, reps: 1 },
        ]
      : [
          { agents: 1, orgs: 1_000, reps: 3 },
          { agents: 50, orgs: 100, reps: 2 },
        ];
    const setup = await prepare(Math.max(...cases.map((c) => c.orgs)));
    try {
      const rows: Row[] = [];
      for (const c of cases) rows.push(...(await runCase(setup, c, context)));
      return rows;
    } finally {
      await setup.h.stop();
      for (const dir of setup.storeDirs) await rm(dir, { recursive: true, force: true });
    }
  },
};
