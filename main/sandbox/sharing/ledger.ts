/**
 * Share associations and the agent copies behind them. Sharing an agent into an organization
 * provisions a read-only copy in that org's agent store (its `managedOrg` names the resident
 * org) and records an association row; unsharing removes both, and the copy's role
 * assignments with it. One ledger serves one unit of work: its (agent, org) index is built
 * from the state when the ledger is created, so lookups stay O(1) on large trees.
 */
import { randomUUID } from 'node:crypto';
import type { Agent, ShareAssociation } from '../model';
import type { SandboxState } from '../state';

export interface LedgerDeps {
  state: SandboxState;
  clock: () => number;
  /** Id of a new agent copy; a random UUID unless a test fixes it. */
  newId?: () => string;
}

export class ShareLedger {
  private readonly state: SandboxState;
  private readonly index = new Map<string, ShareAssociation>();

  constructor(private readonly deps: LedgerDeps) {
    this.state = deps.state;
    for (const association of this.state.shareAssociations.values()) {
      this.index.set(key(association.agentId, association.orgId), association);
    }
  }

  /** The association of an agent in one organization, whoever shared it there. */
  find(agentId: string, orgId: string): ShareAssociation | undefined {
    return this.index.get(key(agentId, orgId));
  }

  /** Every association of an agent made from its resident organization, ascending by id. */
  associationsOf(agentId: string, residentOrgId: string): ShareAssociation[] {
    return [...this.state.shareAssociations.values()]
      .filter((a) => a.agentId === agentId && a.residentOrgId === residentOrgId)
      .sort((a, b) => a.id - b.id);
  }

  /** Provisions the agent's copy in `orgId` and records the association. */
  share(agent: Agent, orgId: string): ShareAssociation {
    const now = new Date(this.deps.clock()).toISOString();
    const copy: Agent = {
      id: this.deps.newId?.() ?? randomUUID(),
      // The copy's user name in the child org's AGENT store is the original agent's id.
      userName: `AGENT/${agent.id}`,
      // Nobody signs in as a copy; a random value keeps it unusable (a UUID is cheap at scale).
      password: randomUUID(),
      orgId,
      displayName: agent.displayName,
      description: agent.description,
      owner: agent.owner,
      isUserServingAgent: agent.isUserServingAgent,
      accountLocked: false,
      managedOrg: agent.orgId,
      created: now,
      lastModified: now,
      extension: { ...agent.extension },
      failedLogins: 0,
    };
    this.state.agents.set(copy.id, copy);
    const association: ShareAssociation = {
      id: this.state.nextAssociationId++,
      agentId: agent.id,
      orgId,
      sharedAgentId: copy.id,
      residentOrgId: agent.orgId,
      initiatingOrgId: agent.orgId,
      sharedType: 'SHARED',
    };
    this.state.shareAssociations.set(association.id, association);
    this.index.set(key(agent.id, orgId), association);
    return association;
  }

  /** Deletes the copy, its role assignments in that org, and the association row. */
  unshare(association: ShareAssociation): void {
    this.state.agents.delete(association.sharedAgentId);
    this.state.roleAssignments.delete(
      this.state.assignmentKey(association.orgId, association.sharedAgentId),
    );
    this.state.shareAssociations.delete(association.id);
    this.index.delete(key(association.agentId, association.orgId));
  }
}

function key(agentId: string, orgId: string): string {
  return `${agentId}|${orgId}`;
}
