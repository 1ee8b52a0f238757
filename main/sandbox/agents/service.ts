/**
 * Agent records: creation with WSO2's userName rules and a secret generated when none is
 * given, lookup within an organization, and deletion (shared copies may only be deleted by
 * the agent's resident organization, and deleting an agent removes its shares).
 * Not emulated: the "agent application" WSO2 creates for a new agent, since ShareDesk signs
 * agents in through the demo's agent login app instead.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { scimError } from '../http';
import type { Agent } from '../model';
import { isoFromMicros } from '../orgs/timestamps';
import type { SandboxState } from '../state';
import { AGENT_DOMAIN } from './present';

export interface NewAgent {
  userName?: string | undefined;
  password?: string | undefined;
  displayName?: string | undefined;
  description?: string | undefined;
  owner?: string | undefined;
  isUserServingAgent?: boolean | undefined;
  accountLocked?: boolean | undefined;
  extension: Record<string, unknown>;
}

/** A fresh agent secret: 192 random bits, URL-safe. */
export function generateSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function nowIso(clock: () => number): string {
  return isoFromMicros(clock() * 1000);
}

/** The agent with `id` living in `orgId` (resident, or a shared copy there). */
export function findAgent(state: SandboxState, id: string, orgId: string): Agent | undefined {
  const direct = state.agents.get(id);
  if (direct && direct.orgId === orgId) return direct;
  for (const agent of state.agents.values())
    if (agent.id === id && agent.orgId === orgId) return agent;
  return undefined;
}

/** Creates an agent resident in `orgId`; `password` of the result is the plain secret. */
export function createAgent(
  state: SandboxState,
  input: NewAgent,
  orgId: string,
  clock: () => number,
): Agent {
  const given = input.userName?.trim();
  if (given !== undefined && (given === '' || given.includes('/'))) {
    throw scimError(400, 'Agent username cannot contain domain name or be null.', 'invalidValue');
  }
  // "Agent ID equals agent username": the id is the user name without its store domain.
  const id = given ?? randomUUID();
  if ([...state.agents.values()].some((a) => a.id === id && a.orgId === orgId)) {
    throw scimError(
      409,
      `Agent with the name: ${AGENT_DOMAIN}/${id} already exists in the system.`,
      'uniqueness',
    );
  }
  const created = nowIso(clock);
  const agent: Agent = {
    id,
    userName: `${AGENT_DOMAIN}/${id}`,
    password: input.password ?? generateSecret(),
    orgId,
    displayName: input.displayName ?? '',
    description: input.description ?? '',
    owner: input.owner ?? '',
    isUserServingAgent: input.isUserServingAgent ?? false,
    accountLocked: input.accountLocked ?? false,
    created,
    lastModified: created,
    extension: input.extension,
    failedLogins: 0,
  };
  state.agents.set(id, agent);
  return agent;
}

/** Deletes an agent from `orgId`. Errors follow WSO2: shared copies are not deletable here. */
export function deleteAgent(state: SandboxState, agent: Agent): void {
  if (agent.managedOrg !== undefined) {
    // OAS-10032 from the agent sharing service, surfaced through SCIM as a client error.
    throw scimError(400, 'Unauthorized deletion of shared agent.', 'mutability');
  }
  for (const [key, value] of state.agents) if (value === agent) state.agents.delete(key);
  state.roleAssignments.delete(state.assignmentKey(agent.orgId, agent.id));
  for (const [rowId, row] of state.shareAssociations) {
    if (row.agentId !== agent.id) continue;
    state.shareAssociations.delete(rowId);
    state.roleAssignments.delete(state.assignmentKey(row.orgId, row.sharedAgentId));
    for (const [key, copy] of state.agents) {
      if (copy.id === row.sharedAgentId && copy.orgId === row.orgId) state.agents.delete(key);
    }
  }
  for (let i = state.sharePolicies.length - 1; i >= 0; i--) {
    if (state.sharePolicies[i]!.agentId === agent.id) state.sharePolicies.splice(i, 1);
  }
}
