/** The organization tree, agents and roles of the active profile. */
import { z } from 'zod';
import { call } from './define';
import { profileId } from './profiles';

export const orgNode = z.object({
  id: z.string(),
  name: z.string(),
  orgHandle: z.string(),
  parentId: z.string().nullable(),
  hasChildren: z.boolean(),
  depth: z.number(),
});
export type OrgNodeView = z.infer<typeof orgNode>;

export const searchHit = z.object({
  node: orgNode,
  path: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const treeStatus = z.object({
  online: z.boolean(),
  orgCount: z.number(),
  /** Epoch ms of the last complete full sync, or null. */
  syncedAt: z.number().nullable(),
  /** Epoch ms of the newest data held (full or lazy). */
  fetchedAt: z.number().nullable(),
  source: z.enum(['none', 'cache', 'server']),
  syncing: z.boolean(),
  cacheProblem: z.string().nullable(),
  /** Why the server is unreachable, when it is. */
  offlineReason: z.string().optional(),
});
export type TreeStatusView = z.infer<typeof treeStatus>;

export const syncProgress = z.object({
  profileId: z.string(),
  fetched: z.number(),
  total: z.number().nullable(),
  requests: z.number(),
  ratePerSecond: z.number(),
  etaMs: z.number().nullable(),
});
export type SyncProgressView = z.infer<typeof syncProgress>;

export const syncOutcome = z.object({
  status: z.enum(['completed', 'cancelled']),
  fetched: z.number(),
  requests: z.number(),
  elapsedMs: z.number(),
  syncedAt: z.number().nullable(),
  failures: z.array(z.object({ parentId: z.string().nullable(), message: z.string() })),
});

export const agentView = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string(),
  userName: z.string(),
});
export type AgentView = z.infer<typeof agentView>;

export const roleView = z.object({
  id: z.string(),
  displayName: z.string(),
  audienceType: z.enum(['organization', 'application']),
  audienceDisplay: z.string(),
});
export type RoleView = z.infer<typeof roleView>;

const scoped = z.object({ profileId }).strict();

export const orgCalls = {
  getTreeStatus: call(scoped, treeStatus),
  listOrgChildren: call(
    z
      .object({
        profileId,
        parentId: z.string().max(64).nullable(),
        refresh: z.boolean().optional(),
      })
      .strict(),
    z.array(orgNode),
  ),
  searchOrgs: call(
    z
      .object({ profileId, query: z.string().max(500), limit: z.number().int().min(1).max(500) })
      .strict(),
    z.object({ total: z.number(), hits: z.array(searchHit) }),
  ),
  syncOrgTree: call(scoped, syncOutcome),
  cancelOrgSync: call(scoped, z.object({ cancelled: z.boolean() })),
  listAgents: call(scoped, z.array(agentView)),
  listRoles: call(scoped, z.array(roleView)),
};

export const orgEvents = {
  syncProgress,
};
