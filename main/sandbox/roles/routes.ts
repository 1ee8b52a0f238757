/**
 * SCIM2 Roles v2 and v3 (`/scim2/v2/Roles`, `/scim2/v3/Roles`), root and org-scoped: the
 * roles living in the calling organization, filtered like WSO2's `SCIMRoleManagerV2`
 * (attributes `displayName`, `audience.value`, `audience.type`; `eq co sw ew ne`; `and` only).
 */
import { requireScope } from '../auth';
import type { SandboxDeps } from '../deps';
import { json, scimError, type Reply, type RequestContext } from '../http';
import type { Role } from '../model';
import type { Router } from '../router';
import { compareTest, parseScimFilter, type ScimFilter } from '../scim/filter';
import { listResponse, parsePaging, parseProjection, project } from '../scim/list';
import { holdersByRole, roleResource, ROLE_REQUEST_ONLY, type RolesVersion } from './present';

const SCIM_JSON = 'application/scim+json';
const ROLE_URN = 'urn:ietf:params:scim:schemas:extension:2.0:Role:';

type RolePredicate = (role: Role) => boolean;

function roleAttribute(name: string): ((role: Role) => string) | undefined {
  const bare = name.toLowerCase().startsWith(ROLE_URN.toLowerCase())
    ? name.slice(ROLE_URN.length)
    : name;
  switch (bare.toLowerCase()) {
    case 'displayname':
      return (role) => role.displayName;
    case 'audience.value':
      return (role) => role.audience.value;
    case 'audience.type':
      return (role) => role.audience.type;
    default:
      return undefined;
  }
}

function rolePredicate(filter: ScimFilter): RolePredicate {
  switch (filter.kind) {
    case 'compare': {
      if (!['eq', 'co', 'sw', 'ew', 'ne'].includes(filter.operator)) {
        throw scimError(
          400,
          `Filter operation: ${filter.operator} is not supported for role filtering.`,
          'invalidFilter',
        );
      }
      const read = roleAttribute(filter.attribute);
      if (!read) {
        throw scimError(
          400,
          `Filtering based on attribute: ${filter.attribute} is not supported.`,
          'invalidFilter',
        );
      }
      const test = compareTest(filter.operator, filter.value, true);
      return (role) => test(read(role));
    }
    case 'and': {
      const left = rolePredicate(filter.left);
      const right = rolePredicate(filter.right);
      return (role) => left(role) && right(role);
    }
    case 'or':
      throw scimError(
        400,
        'Filter operator: or is not supported for role filtering.',
        'invalidFilter',
      );
    case 'not':
      throw scimError(
        400,
        'Filter operator: not is not supported for role filtering.',
        'invalidFilter',
      );
  }
}

export function registerRoleRoutes(router: Router, deps: SandboxDeps): void {
  const { state } = deps;
  const auth = (ctx: RequestContext) =>
    requireScope(
      ctx,
      deps.authority,
      'internal_role_mgt_view',
      'internal_org_role_mgt_view',
      state.rootOrgId,
    );
  const scimBase = (ctx: RequestContext) =>
    `${deps.origin()}/t/${deps.rootHandle}${ctx.orgScoped ? '/o' : ''}/scim2`;

  const list =
    (version: RolesVersion) =>
    (ctx: RequestContext): Reply => {
      const { callingOrgId } = auth(ctx);
      if (ctx.query.get('sortBy') || ctx.query.get('sortOrder')) {
        throw scimError(501, 'Sorting is not supported.');
      }
      const paging = parsePaging(ctx.query.get('startIndex'), ctx.query.get('count'));
      const projection = parseProjection(
        ctx.query.get('attributes'),
        ctx.query.get('excludedAttributes'),
      );
      const rawFilter = ctx.query.get('filter');
      const matches = rawFilter ? rolePredicate(parseScimFilter(rawFilter)) : () => true;
      const holders = holdersByRole(state, callingOrgId);
      const roles = state.rolesInOrg(callingOrgId).filter(matches);
      const resources = roles.map((role) =>
        project(
          roleResource(state, role, version, scimBase(ctx), holders.get(role.id) ?? []),
          projection,
          ROLE_REQUEST_ONLY,
        ),
      );
      return { ...json(200, listResponse(resources, paging)), contentType: SCIM_JSON };
    };

  const one =
    (version: RolesVersion) =>
    (ctx: RequestContext): Reply => {
      const { callingOrgId } = auth(ctx);
      const role = state.roles.get(ctx.params.id!);
      if (!role || role.orgId !== callingOrgId) {
        throw scimError(404, `No Role with the id : ${ctx.params.id} in the system.`);
      }
      const projection = parseProjection(
        ctx.query.get('attributes'),
        ctx.query.get('excludedAttributes'),
      );
      const holders = holdersByRole(state, callingOrgId).get(role.id) ?? [];
      const resource = roleResource(state, role, version, scimBase(ctx), holders);
      return {
        ...json(200, project(resource, projection, [])),
        contentType: SCIM_JSON,
      };
    };

  for (const version of ['v2', 'v3'] as const) {
    router.add('GET', `/scim2/${version}/Roles`, list(version), 'scim');
    router.add('GET', `/scim2/${version}/Roles/:id`, one(version), 'scim');
  }
}
