/**
 * The sandbox's in-memory state with the indices the APIs need to stay fast at 100 000
 * organizations: children per parent kept newest first, and parent links for ancestor walks.
 */
import { EventEmitter } from 'node:events';
import {
  ROOT_ORG_ID,
  type Agent,
  type Application,
  type Org,
  type Role,
  type ShareAssociation,
  type SharePolicy,
  type User,
} from './model';

export interface StateEvents {
  /** After an organization is created through the API (future sharing policies apply). */
  orgCreated: [org: Org];
  /** After an organization and everything that lived in it were removed through the API. */
  orgDeleted: [org: Org];
  /** Something worth persisting changed; areas that mutate state outside a request call it. */
  changed: [];
}

export class SandboxState {
  readonly orgs = new Map<string, Org>();
  readonly applications = new Map<string, Application>();
  readonly users = new Map<string, User>();
  readonly agents = new Map<string, Agent>();
  readonly roles = new Map<string, Role>();
  readonly shareAssociations = new Map<number, ShareAssociation>();
  readonly sharePolicies: SharePolicy[] = [];
  /**
   * Role ids assigned to an identity in an organization, keyed by `${orgId}|${identityId}`:
   * users, agents and shared agent copies alike.
   */
  readonly roleAssignments = new Map<string, Set<string>>();
  readonly events = new EventEmitter<StateEvents>();
  nextAssociationId = 1;

  private readonly childIndex = new Map<string, Org[]>();
  private lastCreatedMicros = 0;
  private treeVersionValue = 0;

  constructor(readonly rootOrgId: string = ROOT_ORG_ID) {}

  /** A creation time strictly after every earlier one, so cursors never tie. */
  nextCreatedMicros(nowMs: number): number {
    this.lastCreatedMicros = Math.max(this.lastCreatedMicros + 1, Math.floor(nowMs * 1000));
    return this.lastCreatedMicros;
  }

  /** Adds an organization (initial data or API create); keeps children newest first. */
  addOrg(org: Org): void {
    if (this.orgs.has(org.id)) throw new Error(`duplicate organization id ${org.id}`);
    this.orgs.set(org.id, org);
    this.lastCreatedMicros = Math.max(this.lastCreatedMicros, org.createdMicros);
    this.treeVersionValue++;
    if (org.parentId === null) return;
    const siblings = this.childIndex.get(org.parentId) ?? [];
    let at = siblings.length;
    while (at > 0 && siblings[at - 1]!.createdMicros < org.createdMicros) at--;
    siblings.splice(at, 0, org);
    this.childIndex.set(org.parentId, siblings);
  }

  removeOrg(id: string): void {
    const org = this.orgs.get(id);
    if (!org) return;
    this.orgs.delete(id);
    this.childIndex.delete(id);
    this.treeVersionValue++;
    if (org.parentId !== null) {
      const siblings = this.childIndex.get(org.parentId) ?? [];
      this.childIndex.set(
        org.parentId,
        siblings.filter((s) => s.id !== id),
      );
    }
  }

  /**
   * Replaces every record with those of `source` (which must not be used afterwards), keeping
   * this object and its listeners: every area holds a reference to it.
   */
  replaceContents(source: SandboxState): void {
    if (source.rootOrgId !== this.rootOrgId) throw new Error('replacement has another root');
    this.orgs.clear();
    this.childIndex.clear();
    for (const [key, value] of source.orgs) this.orgs.set(key, value);
    for (const [key, value] of source.childIndex) this.childIndex.set(key, value);
    const maps = ['applications', 'users', 'agents', 'roles', 'shareAssociations'] as const;
    for (const name of maps) {
      const target = this[name] as Map<unknown, unknown>;
      target.clear();
      for (const [key, value] of source[name] as Map<unknown, unknown>) target.set(key, value);
    }
    this.roleAssignments.clear();
    for (const [key, value] of source.roleAssignments) this.roleAssignments.set(key, value);
    this.sharePolicies.splice(0, this.sharePolicies.length, ...source.sharePolicies);
    this.nextAssociationId = source.nextAssociationId;
    this.lastCreatedMicros = source.lastCreatedMicros;
    this.treeVersionValue++;
  }

  /** Bumped on every add or remove, so caches derived from the tree know when to rebuild. */
  get treeVersion(): number {
    return this.treeVersionValue;
  }

  /** Tells listeners (persistence) that state changed outside a request's reply. */
  markChanged(): void {
    this.events.emit('changed');
  }

  /** Immediate children, newest first. The returned array must not be modified. */
  children(orgId: string): readonly Org[] {
    return this.childIndex.get(orgId) ?? [];
  }

  hasChildren(orgId: string): boolean {
    return (this.childIndex.get(orgId)?.length ?? 0) > 0;
  }

  /** Every descendant (not the org itself), in breadth-first order. */
  descendants(orgId: string): Org[] {
    const out: Org[] = [];
    const queue: string[] = [orgId];
    for (let i = 0; i < queue.length; i++) {
      for (const child of this.children(queue[i]!)) {
        out.push(child);
        queue.push(child.id);
      }
    }
    return out;
  }

  /** Ancestors from the parent up to the root (nearest first). */
  ancestors(orgId: string): Org[] {
    const out: Org[] = [];
    let current = this.orgs.get(orgId);
    while (current && current.parentId !== null) {
      const parent = this.orgs.get(current.parentId);
      if (!parent) break;
      out.push(parent);
      current = parent;
    }
    return out;
  }

  /** Depth below the root; the root is 0. */
  depthFromRoot(orgId: string): number {
    return this.ancestors(orgId).length;
  }

  isDescendantOf(orgId: string, ancestorId: string): boolean {
    return this.ancestors(orgId).some((a) => a.id === ancestorId);
  }

  applicationByClientId(clientId: string): Application | undefined {
    for (const app of this.applications.values()) if (app.clientId === clientId) return app;
    return undefined;
  }

  isApplicationSharedWith(app: Application, orgId: string): boolean {
    return app.orgId === orgId || app.sharedWithAll || app.sharedOrgIds.includes(orgId);
  }

  /** Roles living in one organization. */
  rolesInOrg(orgId: string): Role[] {
    return [...this.roles.values()].filter((r) => r.orgId === orgId);
  }

  assignmentKey(orgId: string, identityId: string): string {
    return `${orgId}|${identityId}`;
  }
}
