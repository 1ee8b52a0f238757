/**
 * SCIM agent resources: a SCIM User with the `urn:scim:wso2:agent:schema` extension. The
 * secret (`password`) is never part of a read; only the create response carries it.
 */
import type { Agent } from '../model';
import type { SandboxState } from '../state';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const AGENT_SCHEMA = 'urn:scim:wso2:agent:schema';
export const WSO2_SCHEMA = 'urn:scim:wso2:schema';
export const AGENT_DOMAIN = 'AGENT';

/** Agents are returned without these unless asked for. */
export const AGENT_REQUEST_ONLY: readonly string[] = [];

function agentRoles(state: SandboxState, agent: Agent, scimBase: string): object[] {
  const roleIds = state.roleAssignments.get(state.assignmentKey(agent.orgId, agent.id)) ?? [];
  return [...roleIds].flatMap((id) => {
    const role = state.roles.get(id);
    if (!role) return [];
    return [
      {
        value: role.id,
        display: role.displayName,
        $ref: `${scimBase}/v2/Roles/${role.id}`,
        audienceValue: role.audience.value,
        audienceDisplay: role.audience.display,
        audienceType: role.audience.type,
      },
    ];
  });
}

export function agentResource(
  state: SandboxState,
  agent: Agent,
  scimBase: string,
): Record<string, unknown> {
  const wso2: Record<string, unknown> = { accountLocked: agent.accountLocked };
  if (agent.managedOrg !== undefined) {
    wso2.managedOrg = agent.managedOrg;
    wso2.isReadOnlyUser = true;
  }
  return {
    schemas: [USER_SCHEMA, AGENT_SCHEMA],
    id: agent.id,
    userName: agent.userName,
    [AGENT_SCHEMA]: {
      ...agent.extension,
      DisplayName: agent.displayName,
      Description: agent.description,
      Owner: agent.owner,
      IsUserServingAgent: agent.isUserServingAgent,
    },
    [WSO2_SCHEMA]: wso2,
    roles: agentRoles(state, agent, scimBase),
    meta: {
      created: agent.created,
      lastModified: agent.lastModified,
      location: `${scimBase}/Agents/${agent.id}`,
      resourceType: 'User',
    },
  };
}
