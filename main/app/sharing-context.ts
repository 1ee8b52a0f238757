/**
 * What the sharing planner needs to know about a profile's server, built from the services
 * that already hold it: the organization tree (as far as it is synced or expanded) seen from the
 * root, and which roles exist in the root and in the organizations a plan touches.
 */
import type { OrgService } from '../orgs';
import type { OrgTreeView, RoleContext } from '../sharing/ports';
import type { RoleRef } from '../../preload/contract';
import type { Wso2Clients } from '../wso2';
import type { Role } from '../wso2/roles';

export function toRoleRef(role: Role): RoleRef {
  return {
    displayName: role.displayName,
    audienceType: role.audience?.type ?? 'organization',
    audienceDisplay: role.audience?.display ?? '',
  };
}

/** The org tree as the planner sees it; the root organization's id comes from the server. */
export function orgTreeView(orgs: OrgService, root: { id: string; name: string }): OrgTreeView {
  return {
    rootId: root.id,
    get: (orgId) => {
      if (orgId === root.id) return { id: root.id, name: root.name, parentId: null, depth: 0 };
      const node = orgs.node(orgId);
      if (!node) return undefined;
      return {
        id: node.id,
        name: node.name,
        parentId: node.parentId ?? root.id,
        depth: node.depth,
      };
    },
    childrenListed: (orgId) => {
      const node = orgs.node(orgId === root.id ? '' : orgId);
      return node !== undefined && (node.childrenLoaded || !node.hasChildren);
    },
    childrenOf: (orgId) =>
      orgs
        .tree()
        .children(orgId === root.id ? '' : orgId)
        .map((node) => node.id),
  };
}

/**
 * Role lists per organization, fetched on demand through an org-switched token. An org whose
 * roles cannot be read stays unknown, which skips the "role missing there" check for it.
 */
export function createRoleDirectory(clients: Wso2Clients) {
  let rootRoles: RoleRef[] | undefined;
  const perOrg = new Map<string, RoleRef[]>();

  const load = async (orgIds: readonly string[]): Promise<void> => {
    rootRoles ??= (await clients.roles.listAll()).map(toRoleRef);
    const missing = orgIds.filter((id) => !perOrg.has(id));
    const queue = [...missing];
    const worker = async (): Promise<void> => {
      for (let orgId = queue.shift(); orgId !== undefined; orgId = queue.shift()) {
        const roles = await clients.roles.listAll({ orgId }).catch(() => undefined);
        if (roles) perOrg.set(orgId, roles.map(toRoleRef));
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  };

  const context = (): RoleContext => ({
    ...(rootRoles ? { rootRoles } : {}),
    rolesInOrg: (orgId) => perOrg.get(orgId),
  });

  return { load, context };
}
export type RoleDirectory = ReturnType<typeof createRoleDirectory>;
