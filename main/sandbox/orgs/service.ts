/**
 * Creating and deleting organizations with WSO2's rules: the parent defaults to the calling
 * organization, names are unique among siblings, handles are generated and unique, new
 * organizations inherit role copies before `orgCreated` fires, and only leaves can go.
 */
import { randomUUID } from 'node:crypto';
import { apiError } from '../http';
import type { Org } from '../model';
import { copyRolesInto, inheritableRoles } from '../roles/copy';
import type { SandboxState } from '../state';
import { buildOrg } from './factory';
import { handleFromName, isValidHandle, uniqueHandle } from './handles';

export interface CreateOrgInput {
  name: string;
  orgHandle?: string | undefined;
  description?: string | undefined;
  parentId?: string | undefined;
  type?: 'TENANT' | 'STRUCTURAL' | undefined;
  attributes?: { key: string; value: string }[] | undefined;
}

export interface OrgServiceDeps {
  state: SandboxState;
  clock: () => number;
  rootHandle: string;
}

/** True when `orgId` is the calling organization or lies beneath it. */
export function isVisibleTo(state: SandboxState, orgId: string, callingOrgId: string): boolean {
  return orgId === callingOrgId || state.isDescendantOf(orgId, callingOrgId);
}

function handleTaken(state: SandboxState, handle: string): boolean {
  for (const org of state.orgs.values()) if (org.orgHandle === handle) return true;
  return false;
}

function checkAttributes(attributes: { key: string; value: string }[]): void {
  if (attributes.some((a) => a.key.trim() === '')) {
    throw apiError(400, 'ORG-60003', 'Invalid request body.', 'Attribute keys cannot be empty.');
  }
  if (attributes.some((a) => a.value.trim() === '')) {
    throw apiError(
      400,
      'ORG-60016',
      'Invalid request body.',
      'Attribute value is required for all attributes.',
    );
  }
  if (new Set(attributes.map((a) => a.key)).size !== attributes.length) {
    throw apiError(
      400,
      'ORG-60004',
      'Invalid request body.',
      'Attribute keys cannot be duplicated.',
    );
  }
}

function resolveParent(deps: OrgServiceDeps, parentId: string, callingOrgId: string): Org {
  const parent = deps.state.orgs.get(parentId);
  if (!parent || !isVisibleTo(deps.state, parentId, callingOrgId)) {
    throw apiError(
      400,
      'ORG-60005',
      'Invalid parent organization.',
      `Defined parent organization doesn't exist in tenant: ${deps.rootHandle}.`,
    );
  }
  if (parent.status !== 'ACTIVE') {
    throw apiError(
      400,
      'ORG-60031',
      'Parent organization is disabled.',
      `To create a child organization in organization with ID: ${parent.id}, it should be in active status.`,
    );
  }
  return parent;
}

function chooseHandle(deps: OrgServiceDeps, input: CreateOrgInput, id: string): string {
  if (input.orgHandle !== undefined && input.orgHandle.trim() !== '') {
    const handle = input.orgHandle.trim();
    if (!isValidHandle(handle)) {
      throw apiError(
        400,
        'SBX-40001',
        'Invalid organization handle.',
        `'${handle}' may contain only lower-case letters, digits, '.' and '-'.`,
      );
    }
    // The sandbox's own code: WSO2's code for a taken handle was not read.
    if (handleTaken(deps.state, handle)) {
      throw apiError(
        400,
        'SBX-40003',
        'Organization handle unavailable.',
        `Organization handle '${handle}' is already taken.`,
      );
    }
    return handle;
  }
  const base = handleFromName(input.name) || id;
  return uniqueHandle(base, (h) => handleTaken(deps.state, h));
}

export function createOrganization(
  deps: OrgServiceDeps,
  input: CreateOrgInput,
  callingOrgId: string,
): Org {
  const name = input.name.trim();
  if (name === '') {
    throw apiError(400, 'ORG-60002', 'Invalid request body.', 'Missing required field : name');
  }
  if (name.toLowerCase() === 'super') {
    throw apiError(
      400,
      'ORG-60017',
      'Organization name unavailable.',
      `Creating an organization with name: ${name} is restricted. Use a different organization name.`,
    );
  }
  const parent = resolveParent(deps, input.parentId?.trim() || callingOrgId, callingOrgId);
  if (deps.state.children(parent.id).some((sibling) => sibling.name === name)) {
    throw apiError(
      409,
      'ORG-60006',
      'Organization name unavailable.',
      `Provided organization name: ${name} already exists in tenant: ${deps.rootHandle}`,
    );
  }
  const attributes = input.attributes ?? [];
  checkAttributes(attributes);

  const id = randomUUID();
  const org = buildOrg({
    id,
    name,
    orgHandle: chooseHandle(deps, input, id),
    parentId: parent.id,
    createdMicros: deps.state.nextCreatedMicros(deps.clock()),
    description: input.description?.trim() ?? '',
    ...(input.type ? { type: input.type } : {}),
    attributes: attributes.map((a) => ({ key: a.key.trim(), value: a.value.trim() })),
  });
  deps.state.addOrg(org);
  // Role copies first: the sharing area reacts to `orgCreated` and needs them.
  copyRolesInto(deps.state, org, inheritableRoles(deps.state), () => randomUUID());
  deps.state.events.emit('orgCreated', org);
  return org;
}

/** Removes a leaf organization and everything that lived in it. */
export function deleteOrganization(
  deps: OrgServiceDeps,
  orgId: string,
  callingOrgId: string,
): void {
  const { state } = deps;
  const org = state.orgs.get(orgId);
  if (!org || !isVisibleTo(state, orgId, callingOrgId) || orgId === callingOrgId) {
    throw apiError(
      404,
      'ORG-60015',
      'Invalid organization.',
      `Organization with ID: ${orgId} doesn't exist.`,
    );
  }
  if (state.hasChildren(orgId)) {
    throw apiError(
      400,
      'ORG-60007',
      'Unable to delete the organization.',
      `Organization with ID: ${orgId} in tenant: ${deps.rootHandle} has one or more child organizations.`,
    );
  }
  state.removeOrg(orgId);
  for (const [id, role] of state.roles) if (role.orgId === orgId) state.roles.delete(id);
  for (const [id, agent] of state.agents) if (agent.orgId === orgId) state.agents.delete(id);
  for (const [id, user] of state.users) if (user.orgId === orgId) state.users.delete(id);
  for (const key of state.roleAssignments.keys()) {
    if (key.startsWith(`${orgId}|`)) state.roleAssignments.delete(key);
  }
  for (const [id, row] of state.shareAssociations)
    if (row.orgId === orgId) state.shareAssociations.delete(id);
  for (let i = state.sharePolicies.length - 1; i >= 0; i--) {
    if (state.sharePolicies[i]!.policyHoldingOrgId === orgId) state.sharePolicies.splice(i, 1);
  }
  state.events.emit('orgDeleted', org);
}
