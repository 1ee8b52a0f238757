/**
 * Turns plan steps into the exact Agent Sharing API requests (reference §5.1–5.5): the JSON
 * body for the preview and journal, a curl form with the token left as `$TOKEN`, and the call
 * through the `SharingApi` port.
 */
import type { z } from 'zod';
import type { HttpRequestPreview, StepAction } from '../../preload/contract/sharing-plan';
import type { SharingApi, WireRoleAssignment } from './ports';
import { toWire } from './roles';
import { ALL_ORGS, type RoleRef } from '../../preload/contract/sharing-domain';

type Json = z.infer<ReturnType<typeof z.json>>;

export const AGENTS_PATH = '/api/server/v1/agents';

function wireRoles(roles: readonly RoleRef[]): Json[] {
  return roles.map((role) => ({
    displayName: role.displayName,
    audience: { display: role.audienceDisplay, type: role.audienceType },
  }));
}

function roleAssignmentJson(roles: readonly RoleRef[]): Json {
  return roles.length === 0
    ? { mode: 'NONE', roles: [] }
    : { mode: 'SELECTED', roles: wireRoles(roles) };
}

function roleAssignment(roles: readonly RoleRef[]): WireRoleAssignment {
  return roles.length === 0
    ? { mode: 'NONE', roles: [] }
    : { mode: 'SELECTED', roles: roles.map(toWire) };
}

/** The PATCH path; the org id goes in unquoted, as the server parses it. */
export function rolesPath(orgId: string): string {
  return `organizations[orgId eq ${orgId}].roles`;
}

export function requestFor(agentId: string, action: StepAction): HttpRequestPreview {
  const agentCriteria = { agentIds: [agentId] };
  switch (action.kind) {
    case 'unshare-with-all':
      return { method: 'POST', path: `${AGENTS_PATH}/unshare-with-all`, body: { agentCriteria } };
    case 'share-with-all':
      return {
        method: 'POST',
        path: `${AGENTS_PATH}/share-with-all`,
        body: { agentCriteria, policy: ALL_ORGS, roleAssignment: roleAssignmentJson(action.roles) },
      };
    case 'unshare':
      return {
        method: 'POST',
        path: `${AGENTS_PATH}/unshare`,
        body: { agentCriteria, orgIds: [...action.orgIds] },
      };
    case 'share':
      return {
        method: 'POST',
        path: `${AGENTS_PATH}/share`,
        body: {
          agentCriteria,
          organizations: action.organizations.map((entry) => ({
            orgId: entry.orgId,
            policy: entry.policy,
            roleAssignment: roleAssignmentJson(entry.roles),
          })),
        },
      };
    case 'patch-roles':
      return {
        method: 'PATCH',
        path: `${AGENTS_PATH}/share`,
        body: {
          agentCriteria,
          Operations: action.operations.flatMap((operation) => [
            ...(operation.add.length === 0
              ? []
              : [{ op: 'add', path: rolesPath(operation.orgId), value: wireRoles(operation.add) }]),
            ...(operation.remove.length === 0
              ? []
              : [
                  {
                    op: 'remove',
                    path: rolesPath(operation.orgId),
                    value: wireRoles(operation.remove),
                  },
                ]),
          ]),
        },
      };
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A copyable curl command; the token is the shell variable `$TOKEN`, never a real value. */
export function curlFor(baseUrl: string, request: HttpRequestPreview): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${request.path}`;
  return [
    `curl -sS -X ${request.method} ${shellQuote(url)}`,
    `-H "Authorization: Bearer $TOKEN"`,
    `-H 'Content-Type: application/json'`,
    `--data ${shellQuote(JSON.stringify(request.body))}`,
  ].join(' \\\n  ');
}

/** Sends one step through the port; resolves when the server accepted it (202). */
export function sendStep(api: SharingApi, agentId: string, action: StepAction): Promise<unknown> {
  const agentIds = [agentId];
  switch (action.kind) {
    case 'unshare-with-all':
      return api.unshareWithAll({ agentIds });
    case 'share-with-all':
      return api.shareWithAll({ agentIds, roleAssignment: roleAssignment(action.roles) });
    case 'unshare':
      return api.unshare({ agentIds, orgIds: [...action.orgIds] });
    case 'share':
      return api.share({
        agentIds,
        organizations: action.organizations.map((entry) => ({
          orgId: entry.orgId,
          policy: entry.policy,
          roleAssignment: roleAssignment(entry.roles),
        })),
      });
    case 'patch-roles':
      return api.patchRoles({
        agentIds,
        operations: action.operations.flatMap((operation) => [
          ...(operation.add.length === 0
            ? []
            : [{ op: 'add' as const, orgId: operation.orgId, roles: operation.add.map(toWire) }]),
          ...(operation.remove.length === 0
            ? []
            : [
                {
                  op: 'remove' as const,
                  orgId: operation.orgId,
                  roles: operation.remove.map(toWire),
                },
              ]),
        ]),
      });
  }
}
