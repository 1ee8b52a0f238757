/**
 * Management API scopes from WSO2's system API-resource registry (reference §2): the root
 * (tenant) variant of each and its organization (`/o/`) variant.
 */

export const ROOT_MANAGEMENT_SCOPES: readonly string[] = [
  'internal_agent_share',
  'internal_agent_unshare',
  'internal_agent_shared_access_view',
  'internal_agent_shared_access_update',
  'internal_agent_mgt_view',
  'internal_agent_mgt_list',
  'internal_agent_mgt_create',
  'internal_agent_mgt_update',
  'internal_agent_mgt_delete',
  'internal_organization_view',
  'internal_organization_create',
  'internal_organization_update',
  'internal_organization_delete',
  'internal_role_mgt_view',
  'internal_role_mgt_create',
  'internal_role_mgt_update',
  'internal_role_mgt_permissions_update',
  'internal_role_mgt_users_update',
  'internal_role_mgt_groups_update',
  'internal_role_mgt_delete',
  'internal_user_share',
  'internal_user_unshare',
  'internal_user_shared_access_view',
  'internal_user_shared_access_update',
];

/** `internal_agent_share` → `internal_org_agent_share`; other scopes are unchanged. */
export function orgVariantOf(scope: string): string {
  return ROOT_MANAGEMENT_SCOPES.includes(scope)
    ? scope.replace(/^internal_/, 'internal_org_')
    : scope;
}

export const ORG_MANAGEMENT_SCOPES: readonly string[] = ROOT_MANAGEMENT_SCOPES.map(orgVariantOf);

export const INTROSPECT_SCOPE = 'internal_oauth2_introspect';

/** Every management scope, root and organization variants, plus introspection. */
export const ALL_ADMIN_SCOPES: readonly string[] = [
  ...ROOT_MANAGEMENT_SCOPES,
  ...ORG_MANAGEMENT_SCOPES,
  INTROSPECT_SCOPE,
];
