/**
 * Roles as agent sharing sees them: names resolved in the calling organization, mapped to
 * their shared copies in a child organization, and assigned to or removed from an agent copy.
 * One `RoleBook` serves one unit of work; it indexes the copies of a role the first time it
 * maps that role, so sharing across 100 000 organizations scans the roles once per role.
 */
import type { Role } from '../model';
import type { SandboxState } from '../state';
import type { RoleRef } from './commands';

export interface RoleView {
  displayName: string;
  audience: { display: string; type: string };
}

export class RoleBook {
  /** Original role id → (organization id → the copy living there). */
  private readonly copies = new Map<string, Map<string, string>>();

  constructor(private readonly state: SandboxState) {}

  /**
   * Role ids in the calling organization for the named roles. Organization audiences mean the
   * calling org itself (the display is ignored); application audiences name an application
   * visible to it. Names that resolve to nothing are dropped without an error, as in WSO2.
   */
  resolve(refs: readonly RoleRef[], callingOrgId: string): string[] {
    const ids: string[] = [];
    for (const ref of refs) {
      const id = this.resolveOne(ref, callingOrgId);
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /** The copy of a role (given in any organization) inside `orgId`, if that org has one. */
  copyIn(orgId: string, roleId: string): string | undefined {
    const main = this.mainRoleId(roleId);
    let byOrg = this.copies.get(main);
    if (!byOrg) {
      byOrg = this.indexCopiesOf(main);
      this.copies.set(main, byOrg);
    }
    return byOrg.get(orgId);
  }

  /** Copies inside `orgId` of the given roles; roles the org lacks are skipped. */
  copiesIn(orgId: string, roleIds: readonly string[]): string[] {
    const copies: string[] = [];
    for (const roleId of roleIds) {
      const copy = this.copyIn(orgId, roleId);
      if (copy !== undefined && !copies.includes(copy)) copies.push(copy);
    }
    return copies;
  }

  /** Roles an identity holds in an org through sharing: the shared role copies among them. */
  sharedRolesOf(orgId: string, identityId: string): string[] {
    const held = this.state.roleAssignments.get(this.state.assignmentKey(orgId, identityId));
    if (!held) return [];
    return [...held].filter(
      (roleId) => this.state.roles.get(roleId)?.sharedFromRoleId !== undefined,
    );
  }

  assign(orgId: string, identityId: string, roleIds: readonly string[]): void {
    if (roleIds.length === 0) return;
    const key = this.state.assignmentKey(orgId, identityId);
    const held = this.state.roleAssignments.get(key) ?? new Set<string>();
    for (const roleId of roleIds) held.add(roleId);
    this.state.roleAssignments.set(key, held);
  }

  unassign(orgId: string, identityId: string, roleIds: readonly string[]): void {
    const held = this.state.roleAssignments.get(this.state.assignmentKey(orgId, identityId));
    if (!held) return;
    for (const roleId of roleIds) held.delete(roleId);
  }

  /**
   * A role as the API shows it. For organization audiences the display is the name of the
   * organization the role lives in (a child org's copy shows the child's name).
   */
  view(roleId: string): RoleView | undefined {
    const role = this.state.roles.get(roleId);
    if (!role) return undefined;
    const display =
      role.audience.type === 'organization'
        ? (this.state.orgs.get(role.orgId)?.name ?? role.audience.display)
        : role.audience.display;
    return { displayName: role.displayName, audience: { display, type: role.audience.type } };
  }

  private resolveOne(ref: RoleRef, callingOrgId: string): string | undefined {
    const type = ref.audienceType.toLowerCase();
    let matches: (role: Role) => boolean;
    if (type === 'organization') {
      matches = (role) => role.audience.type === 'organization';
    } else if (type === 'application') {
      const app = this.applicationNamed(ref.audienceDisplay, callingOrgId);
      if (!app) return undefined;
      matches = (role) => role.audience.type === 'application' && role.audience.value === app;
    } else {
      return undefined;
    }
    for (const role of this.state.roles.values()) {
      if (role.orgId === callingOrgId && role.displayName === ref.displayName && matches(role)) {
        return role.id;
      }
    }
    return undefined;
  }

  private applicationNamed(name: string, orgId: string): string | undefined {
    for (const app of this.state.applications.values()) {
      if (app.name === name && this.state.isApplicationSharedWith(app, orgId)) return app.id;
    }
    return undefined;
  }

  /** The original a role was shared from, following copies of copies. */
  private mainRoleId(roleId: string): string {
    let current = roleId;
    for (let hops = 0; hops < 64; hops++) {
      const parent = this.state.roles.get(current)?.sharedFromRoleId;
      if (parent === undefined) return current;
      current = parent;
    }
    return current;
  }

  /** Every role whose original is `main` (the original included), by organization. */
  private indexCopiesOf(main: string): Map<string, string> {
    const byOrg = new Map<string, string>();
    for (const role of this.state.roles.values()) {
      const source = role.sharedFromRoleId;
      // Most copies point straight at their original; only longer chains need the walk.
      const matches =
        source === undefined
          ? role.id === main
          : source === main || this.mainRoleId(source) === main;
      if (matches && !byOrg.has(role.orgId)) byOrg.set(role.orgId, role.id);
    }
    return byOrg;
  }
}
