/**
 * `GET /agents/{agentId}/share`: the organizations an agent is shared with from the calling
 * organization, paged by association id (ascending), with `roles` and `sharingMode` only
 * when asked for (`reference/wso2-api.md` §5.6). The `filter` parameter is echoed in links
 * and otherwise ignored, as in the WSO2 version the reference describes.
 */
import type { ShareAssociation, SharePolicy } from '../model';
import type { SandboxState } from '../state';
import { RoleBook, type RoleView } from './roles';

export interface ShareListQuery {
  agentId: string;
  callingOrgId: string;
  /** 0 means every result. */
  limit: number;
  /** Association ids; 0 means no cursor. */
  after: number;
  before: number;
  recursive: boolean;
  withRoles: boolean;
  withSharingMode: boolean;
}

export interface SharingModeView {
  policy: string;
  roleAssignment: { mode: 'NONE' | 'SELECTED'; roles: RoleView[] };
}

export interface SharedOrganizationView {
  orgId: string;
  orgName: string;
  orgHandle: string;
  orgStatus: string;
  orgRef: string;
  hasChildren: boolean;
  depthFromRoot: number;
  parentOrgId?: string;
  parentAgentId: string;
  sharedAgentId: string;
  sharedType: string;
  sharingMode?: SharingModeView;
  roles?: RoleView[];
}

export interface SharePage {
  sharingMode?: SharingModeView;
  organizations: SharedOrganizationView[];
  /** Association ids for the `next` / `previous` links; 0 when there is no such page. */
  nextCursor: number;
  previousCursor: number;
}

export function listSharedOrganizations(state: SandboxState, query: ShareListQuery): SharePage {
  const roles = new RoleBook(state);
  const sharingMode = query.withSharingMode
    ? generalSharingMode(state, roles, query.agentId, query.callingOrgId)
    : undefined;
  let associations = [...state.shareAssociations.values()]
    .filter((a) => a.agentId === query.agentId && a.residentOrgId === query.callingOrgId)
    .sort((a, b) => a.id - b.id);
  if (!query.recursive) {
    const children = new Set(state.children(query.callingOrgId).map((org) => org.id));
    associations = associations.filter((a) => children.has(a.orgId));
  }

  const { page, hasMore } = slicePage(associations, query);
  const base = sharingMode ? { sharingMode } : {};
  if (page.length === 0) return { ...base, organizations: [], nextCursor: 0, previousCursor: 0 };

  // Cursor rules of WSO2's service: the first page has no `previous`, the last no `next`.
  const { before, after } = query;
  const isFirstPage = (before === 0 && after === 0) || (before !== 0 && !hasMore);
  const isLastPage = !hasMore && (after !== 0 || before === 0);
  const organizations: SharedOrganizationView[] = [];
  for (const association of page) {
    const view = organizationView(state, roles, association, query);
    if (view) organizations.push(view);
  }
  return {
    ...base,
    organizations,
    nextCursor: isLastPage ? 0 : page[page.length - 1]!.id,
    previousCursor: isFirstPage ? 0 : page[0]!.id,
  };
}

/** Forward pages take ids after `after`; backward pages the last ids before `before`. */
function slicePage(
  associations: ShareAssociation[],
  query: ShareListQuery,
): { page: ShareAssociation[]; hasMore: boolean } {
  const { limit, after, before } = query;
  if (before !== 0) {
    const earlier = associations.filter((a) => a.id < before);
    const take = limit === 0 ? earlier.length : Math.min(limit + 1, earlier.length);
    const page = earlier.slice(earlier.length - take);
    const hasMore = limit !== 0 && page.length > limit;
    return { page: hasMore ? page.slice(1) : page, hasMore };
  }
  const later = associations.filter((a) => after === 0 || a.id > after);
  const page = limit === 0 ? later : later.slice(0, limit + 1);
  const hasMore = limit !== 0 && page.length > limit;
  return { page: hasMore ? page.slice(0, limit) : page, hasMore };
}

function organizationView(
  state: SandboxState,
  roles: RoleBook,
  association: ShareAssociation,
  query: ShareListQuery,
): SharedOrganizationView | undefined {
  const org = state.orgs.get(association.orgId);
  if (!org) return undefined;
  const view: SharedOrganizationView = {
    orgId: org.id,
    orgName: org.name,
    orgHandle: org.orgHandle,
    orgStatus: org.status,
    orgRef: `/t/${org.orgHandle}/api/server/v1/organizations/${org.id}`,
    hasChildren: state.hasChildren(org.id),
    depthFromRoot: state.depthFromRoot(org.id),
    ...(org.parentId !== null ? { parentOrgId: org.parentId } : {}),
    parentAgentId: association.agentId,
    sharedAgentId: association.sharedAgentId,
    sharedType: association.sharedType,
  };
  if (query.withSharingMode) {
    // Only the org holding a "selected org and future children" policy shows a sharing mode.
    const held = state.sharePolicies.find(
      (p) =>
        p.agentId === association.agentId &&
        p.initiatingOrgId === association.residentOrgId &&
        p.policyHoldingOrgId === org.id &&
        p.policy === 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
    );
    if (held) view.sharingMode = sharingModeOf(held, roles);
  }
  if (query.withRoles) {
    view.roles = roles
      .sharedRolesOf(org.id, association.sharedAgentId)
      .map((roleId) => roles.view(roleId))
      .filter((role) => role !== undefined);
  }
  return view;
}

/** Top-level mode: only when the first policy the caller holds for the agent is share-all. */
function generalSharingMode(
  state: SandboxState,
  roles: RoleBook,
  agentId: string,
  callingOrgId: string,
): SharingModeView | undefined {
  const first = state.sharePolicies.find(
    (p) => p.agentId === agentId && p.initiatingOrgId === callingOrgId,
  );
  return first?.policy === 'ALL_EXISTING_AND_FUTURE_ORGS' ? sharingModeOf(first, roles) : undefined;
}

function sharingModeOf(policy: SharePolicy, roles: RoleBook): SharingModeView {
  if (policy.roleIds.length === 0) {
    return { policy: policy.policy, roleAssignment: { mode: 'NONE', roles: [] } };
  }
  const views = policy.roleIds.map((id) => roles.view(id)).filter((role) => role !== undefined);
  return { policy: policy.policy, roleAssignment: { mode: 'SELECTED', roles: views } };
}

export interface LinkParams {
  /** Absolute URL up to and including `/api/server/v1`, as the request addressed it. */
  base: string;
  agentId: string;
  limit?: number;
  filter?: string;
  recursive?: boolean;
  attributes?: string;
}

/** `next` then `previous`, with parameters in WSO2's order and Base64 cursors. */
export function pageLinks(page: SharePage, params: LinkParams): { href: string; rel: string }[] {
  const href = (cursorName: 'after' | 'before', cursor: number): string => {
    const query: string[] = [];
    if (params.limit !== undefined) query.push(`limit=${params.limit}`);
    if (params.filter) query.push(`filter=${encodeURIComponent(params.filter)}`);
    if (params.recursive !== undefined) query.push(`recursive=${params.recursive}`);
    if (params.attributes) query.push(`attributes=${encodeURIComponent(params.attributes)}`);
    query.push(`${cursorName}=${encodeURIComponent(encodeCursor(cursor))}`);
    return `${params.base}/agents/${params.agentId}/share?${query.join('&')}`;
  };
  const links: { href: string; rel: string }[] = [];
  if (page.nextCursor > 0) links.push({ href: href('after', page.nextCursor), rel: 'next' });
  if (page.previousCursor > 0) {
    links.push({ href: href('before', page.previousCursor), rel: 'previous' });
  }
  return links;
}

export function encodeCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64');
}
