/**
 * An in-test model of the Agent Sharing API's server semantics (reference §5.8), written
 * independently of main/sharing: it interprets wire request bodies the way the server does and
 * renders the GET share view. Role keys here are plain strings (`org:Viewer`,
 * `app:Portal:Editor`).
 */
import type { AgentShareView, WireRole } from '../../../../main/sharing/ports';

export interface ModelOrg {
  id: string;
  name: string;
  parentId: string | null;
}

interface AgentState {
  shared: Map<string, Set<string>>;
  /** holder org id (the root for share-with-all) → policy and role keys */
  policies: Map<string, { policy: string; roles: Set<string> }>;
}

interface WireAssignment {
  mode?: string;
  roles?: WireRole[];
}

export function wireKey(role: WireRole): string {
  return role.audience.type === 'organization'
    ? `org:${role.displayName}`
    : `app:${role.audience.display}:${role.displayName}`;
}

export class ServerModel {
  readonly orgs = new Map<string, ModelOrg>();
  private readonly agents = new Map<string, AgentState>();

  constructor(
    readonly rootId: string,
    orgs: readonly ModelOrg[],
    /** Role keys defined in the root org. */
    readonly rootRoles: ReadonlySet<string>,
    /** Role keys available per child org (shared copies of root roles). */
    readonly orgRoles: Map<string, Set<string>>,
  ) {
    for (const org of orgs) this.orgs.set(org.id, org);
  }

  addAgent(agentId: string): void {
    if (!this.agents.has(agentId))
      this.agents.set(agentId, { shared: new Map(), policies: new Map() });
  }

  private agent(agentId: string): AgentState | undefined {
    return this.agents.get(agentId);
  }

  subtree(orgId: string): string[] {
    const out = [orgId];
    for (let i = 0; i < out.length; i++) {
      for (const org of this.orgs.values()) if (org.parentId === out[i]) out.push(org.id);
    }
    return out;
  }

  private depth(orgId: string): number {
    let depth = 0;
    let current = this.orgs.get(orgId);
    while (current !== undefined && current.parentId !== null) {
      depth++;
      current = this.orgs.get(current.parentId);
    }
    return depth;
  }

  private rootResolved(assignment: WireAssignment | undefined): Set<string> {
    if (assignment === undefined || assignment.mode === 'NONE') return new Set();
    return new Set((assignment.roles ?? []).map(wireKey).filter((key) => this.rootRoles.has(key)));
  }

  private assign(state: AgentState, orgId: string, roles: Set<string>): void {
    const available = this.orgRoles.get(orgId) ?? new Set<string>();
    state.shared.set(orgId, new Set([...roles].filter((key) => available.has(key))));
  }

  share(
    agentIds: string[],
    organizations: { orgId: string; policy: string; roleAssignment?: WireAssignment }[],
  ): void {
    for (const agentId of agentIds) {
      const state = this.agent(agentId);
      if (state === undefined) continue;
      state.policies.clear();
      for (const entry of organizations) {
        if (this.orgs.get(entry.orgId)?.parentId !== this.rootId) continue;
        const roles = this.rootResolved(entry.roleAssignment);
        const withChildren = entry.policy === 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN';
        for (const orgId of withChildren ? this.subtree(entry.orgId) : [entry.orgId]) {
          this.assign(state, orgId, roles);
        }
        if (withChildren) state.policies.set(entry.orgId, { policy: entry.policy, roles });
      }
    }
  }

  shareWithAll(agentIds: string[], roleAssignment: WireAssignment | undefined): void {
    for (const agentId of agentIds) {
      const state = this.agent(agentId);
      if (state === undefined) continue;
      state.policies.clear();
      const roles = this.rootResolved(roleAssignment);
      state.policies.set(this.rootId, { policy: 'ALL_EXISTING_AND_FUTURE_ORGS', roles });
      for (const orgId of this.subtree(this.rootId).slice(1)) this.assign(state, orgId, roles);
    }
  }

  unshare(agentIds: string[], orgIds: string[]): void {
    for (const agentId of agentIds) {
      const state = this.agent(agentId);
      if (state === undefined) continue;
      for (const orgId of orgIds) {
        state.policies.delete(orgId);
        for (const gone of this.subtree(orgId)) state.shared.delete(gone);
      }
    }
  }

  unshareWithAll(agentIds: string[]): void {
    for (const agentId of agentIds) {
      const state = this.agent(agentId);
      if (state === undefined) continue;
      state.policies.clear();
      state.shared.clear();
    }
  }

  patch(agentIds: string[], operations: { op: string; orgId: string; roles: WireRole[] }[]): void {
    for (const agentId of agentIds) {
      const state = this.agent(agentId);
      if (state === undefined) continue;
      for (const operation of operations) {
        const assigned = state.shared.get(operation.orgId);
        if (assigned === undefined) continue;
        const keys = operation.roles.map(wireKey).filter((key) => this.rootRoles.has(key));
        const available = this.orgRoles.get(operation.orgId) ?? new Set<string>();
        for (const key of keys) {
          if (operation.op === 'add' && available.has(key)) assigned.add(key);
          if (operation.op === 'remove') assigned.delete(key);
        }
      }
    }
  }

  /** Applies a wire request (method, path, JSON body) as the server would. */
  applyRequest(method: string, path: string, body: unknown): void {
    const b = body as {
      agentCriteria?: { agentIds?: string[] };
      organizations?: { orgId: string; policy: string; roleAssignment?: WireAssignment }[];
      roleAssignment?: WireAssignment;
      orgIds?: string[];
      Operations?: { op: string; path: string; value: WireRole[] }[];
    };
    const agentIds = b.agentCriteria?.agentIds ?? [];
    const route = `${method} ${path.replace(/^.*\/agents/, '/agents')}`;
    switch (route) {
      case 'POST /agents/share':
        return this.share(agentIds, b.organizations ?? []);
      case 'POST /agents/share-with-all':
        return this.shareWithAll(agentIds, b.roleAssignment);
      case 'POST /agents/unshare':
        return this.unshare(agentIds, b.orgIds ?? []);
      case 'POST /agents/unshare-with-all':
        return this.unshareWithAll(agentIds);
      case 'PATCH /agents/share':
        return this.patch(
          agentIds,
          (b.Operations ?? []).map((op) => ({
            op: op.op,
            orgId: /^organizations\[orgId eq (.+)\]\.roles$/.exec(op.path)?.[1] ?? '',
            roles: op.value,
          })),
        );
      default:
        throw new Error(`model: unknown route ${route}`);
    }
  }

  /** A new org; it inherits the agents whose policies cover it unless `missed`. */
  createOrg(org: ModelOrg, options: { missed?: boolean } = {}): void {
    this.orgs.set(org.id, org);
    if (!this.orgRoles.has(org.id)) this.orgRoles.set(org.id, new Set(this.rootRoles));
    if (options.missed === true) return;
    for (const state of this.agents.values()) {
      let cursor: string | null = org.parentId;
      while (cursor !== null) {
        const policy = state.policies.get(cursor);
        if (policy !== undefined) {
          this.assign(state, org.id, policy.roles);
          break;
        }
        cursor = this.orgs.get(cursor)?.parentId ?? null;
      }
    }
  }

  /** Drift helpers: change assigned roles or drop a share behind the API's back. */
  setRoles(agentId: string, orgId: string, roles: string[]): void {
    this.agent(agentId)?.shared.set(orgId, new Set(roles));
  }

  dropShare(agentId: string, orgId: string): void {
    this.agent(agentId)?.shared.delete(orgId);
  }

  private wire(key: string, orgId: string): WireRole {
    const parts = key.split(':');
    return parts[0] === 'org'
      ? {
          displayName: parts[1] as string,
          audience: { display: this.orgs.get(orgId)?.name ?? '', type: 'organization' },
        }
      : {
          displayName: parts[2] as string,
          audience: { display: parts[1] as string, type: 'application' },
        };
  }

  private mode(policy: { policy: string; roles: Set<string> }) {
    const roles = [...policy.roles].sort().map((key) => this.wire(key, this.rootId));
    return {
      policy: policy.policy,
      roleAssignment: { mode: roles.length === 0 ? 'NONE' : 'SELECTED', roles },
    };
  }

  view(agentId: string): AgentShareView {
    const state = this.agent(agentId);
    if (state === undefined) return { organizations: [] };
    const all = state.policies.get(this.rootId);
    return {
      ...(all === undefined ? {} : { sharingMode: this.mode(all) }),
      organizations: [...state.shared].map(([orgId, roles]) => {
        const policy = state.policies.get(orgId);
        return {
          orgId,
          orgName: this.orgs.get(orgId)?.name ?? orgId,
          parentOrgId: this.orgs.get(orgId)?.parentId ?? null,
          depthFromRoot: this.depth(orgId),
          ...(policy === undefined ? {} : { sharingMode: this.mode(policy) }),
          roles: [...roles].sort().map((key) => this.wire(key, orgId)),
        };
      }),
    };
  }

  /** A canonical string of an agent's state, for equality checks. */
  fingerprint(agentId: string): string {
    const state = this.agent(agentId);
    if (state === undefined) return '';
    const shared = [...state.shared]
      .map(([org, roles]) => `${org}=${[...roles].sort().join('|')}`)
      .sort();
    const policies = [...state.policies]
      .map(([org, p]) => `${org}:${p.policy}=${[...p.roles].sort().join('|')}`)
      .sort();
    return JSON.stringify({ shared, policies });
  }
}
