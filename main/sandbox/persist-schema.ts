/**
 * The state file's format: a zod schema for every record, plus the cross-record checks a
 * schema cannot express (one root, parents that exist, no cycles, unique ids and handles).
 */
import { z } from 'zod';

export const STATE_FORMAT = 'sharedesk-sandbox-state';
export const STATE_VERSION = 1;

const attribute = z.object({ key: z.string(), value: z.string() });

const org = z.object({
  id: z.string().min(1),
  name: z.string(),
  orgHandle: z.string().min(1),
  description: z.string(),
  status: z.enum(['ACTIVE', 'DISABLED']),
  type: z.enum(['TENANT', 'STRUCTURAL']),
  parentId: z.string().nullable(),
  created: z.string(),
  createdMicros: z.number().int().nonnegative(),
  lastModified: z.string(),
  attributes: z.array(attribute),
});

const application = z.object({
  id: z.string().min(1),
  name: z.string(),
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  orgId: z.string(),
  grantTypes: z.array(z.string()),
  redirectUris: z.array(z.string()),
  allowLoopbackRedirects: z.boolean(),
  apiBasedAuthentication: z.boolean(),
  authorizedScopes: z.array(z.string()),
  sharedWithAll: z.boolean(),
  sharedOrgIds: z.array(z.string()),
  accessTokenLifetimeSec: z.number().int().positive(),
});

const user = z.object({
  id: z.string().min(1),
  userName: z.string(),
  password: z.string(),
  orgId: z.string(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  email: z.string().optional(),
  accountLocked: z.boolean(),
});

const agent = z.object({
  id: z.string().min(1),
  userName: z.string(),
  password: z.string(),
  orgId: z.string(),
  displayName: z.string(),
  description: z.string(),
  owner: z.string(),
  isUserServingAgent: z.boolean(),
  accountLocked: z.boolean(),
  managedOrg: z.string().optional(),
  created: z.string(),
  lastModified: z.string(),
  extension: z.record(z.string(), z.unknown()),
  failedLogins: z.number().int().nonnegative(),
});

const role = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  orgId: z.string(),
  audience: z.object({
    type: z.enum(['organization', 'application']),
    value: z.string(),
    display: z.string(),
  }),
  sharedFromRoleId: z.string().optional(),
  permissions: z.array(z.string()),
});

const association = z.object({
  id: z.number().int().positive(),
  agentId: z.string(),
  orgId: z.string(),
  sharedAgentId: z.string(),
  residentOrgId: z.string(),
  initiatingOrgId: z.string(),
  sharedType: z.literal('SHARED'),
});

const policy = z.object({
  agentId: z.string(),
  initiatingOrgId: z.string(),
  policyHoldingOrgId: z.string(),
  policy: z.enum([
    'ALL_EXISTING_AND_FUTURE_ORGS',
    'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
  ]),
  roleIds: z.array(z.string()),
});

export const stateFileSchema = z.object({
  format: z.literal(STATE_FORMAT),
  version: z.literal(STATE_VERSION),
  savedAt: z.string(),
  rootOrgId: z.string().min(1),
  tls: z.object({ keyPem: z.string().min(1), certPem: z.string().min(1) }),
  orgs: z.array(org),
  applications: z.array(application),
  users: z.array(user),
  agents: z.array(agent),
  /** Roles stored in full. */
  roles: z.array(role),
  /** Role copies that are exactly what `copyRole` derives: `[id, orgId, sourceRoleId]`. */
  roleCopies: z.array(z.tuple([z.string(), z.string(), z.string()])),
  roleAssignments: z.array(z.tuple([z.string(), z.array(z.string())])),
  shareAssociations: z.array(association),
  sharePolicies: z.array(policy),
  nextAssociationId: z.number().int().positive(),
});

export type StateFile = z.infer<typeof stateFileSchema>;

/** `orgs[3].parentId` from a zod issue path. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(top level)';
}

/** The first inconsistency between records, described for a person; undefined when sound. */
export function findInconsistency(file: StateFile): string | undefined {
  const orgs = new Map(file.orgs.map((o) => [o.id, o]));
  if (orgs.size !== file.orgs.length) return 'two organizations share an id';
  if (new Set(file.orgs.map((o) => o.orgHandle)).size !== file.orgs.length) {
    return 'two organizations share an orgHandle';
  }
  const root = orgs.get(file.rootOrgId);
  if (!root || root.parentId !== null) return `the root organization ${file.rootOrgId} is missing`;
  for (const [index, o] of file.orgs.entries()) {
    if (o.id !== file.rootOrgId && (o.parentId === null || !orgs.has(o.parentId))) {
      return `orgs[${index}].parentId names no organization (${String(o.parentId)})`;
    }
  }
  for (const o of file.orgs) {
    const seen = new Set<string>();
    for (let at = o; at.parentId !== null; at = orgs.get(at.parentId)!) {
      if (seen.has(at.id)) return `organization ${o.id} is its own ancestor`;
      seen.add(at.id);
    }
  }
  const lists = { users: file.users, agents: file.agents, roles: file.roles } as const;
  for (const [name, records] of Object.entries(lists)) {
    const bad = records.findIndex((r) => !orgs.has(r.orgId));
    if (bad >= 0) return `${name}[${bad}].orgId names no organization`;
  }
  const roleIds = new Set(file.roles.map((r) => r.id));
  const badCopy = file.roleCopies.findIndex(
    ([, orgId, source]) => !orgs.has(orgId) || !roleIds.has(source),
  );
  if (badCopy >= 0) return `roleCopies[${badCopy}] names a missing organization or source role`;
  return undefined;
}
