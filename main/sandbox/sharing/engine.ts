/**
 * Agent sharing semantics, as WSO2's agent sharing service applies them (`reference/wso2-api.md`
 * §5.8). Each `accept*` method does what WSO2 does before answering 202 (immediate-child
 * filtering, role resolution for share-with-all) and returns the rest as deferred work.
 * Failures inside deferred work are logged and otherwise silent, as they are in WSO2.
 */
import type { Logger } from '../../log/logger';
import type { Agent, Org, SharePolicy } from '../model';
import type { SandboxState } from '../state';
import type {
  DeferredWork,
  GeneralShareCommand,
  GeneralUnshareCommand,
  OrgShareInput,
  PatchCommand,
  RoleAssignmentInput,
  SelectiveShareCommand,
  SelectiveUnshareCommand,
} from './commands';
import { ShareLedger } from './ledger';
import { isStoredPolicy, policyTargets, type PolicyName } from './policy';
import { RoleBook } from './roles';

export interface EngineDeps {
  state: SandboxState;
  logger: Logger;
  clock: () => number;
  newId?: () => string;
}

interface Unit {
  ledger: ShareLedger;
  roles: RoleBook;
}

export class SharingEngine {
  private readonly state: SandboxState;
  private readonly logger: Logger;

  constructor(private readonly deps: EngineDeps) {
    this.state = deps.state;
    this.logger = deps.logger;
  }

  /** Only immediate children of the calling org are kept; the rest are skipped silently. */
  acceptSelectiveShare(command: SelectiveShareCommand, callingOrgId: string): DeferredWork {
    const children = new Set(this.state.children(callingOrgId).map((org) => org.id));
    const accepted = command.organizations.filter((org) => children.has(org.orgId));
    const skipped = command.organizations.filter((org) => !children.has(org.orgId));
    if (skipped.length > 0) {
      this.logger.debug('skipping agent share for organizations that are not immediate children', {
        orgIds: skipped.map((org) => org.orgId),
      });
    }
    return () => this.shareSelected(command.agentIds, accepted, callingOrgId);
  }

  /** The roles are resolved now, before the 202, as WSO2 does for share-with-all. */
  acceptGeneralShare(command: GeneralShareCommand, callingOrgId: string): DeferredWork {
    const roleIds = new RoleBook(this.state).resolve(command.roleAssignment.roles, callingOrgId);
    return () => this.shareWithAll(command, roleIds, callingOrgId);
  }

  acceptSelectiveUnshare(command: SelectiveUnshareCommand, callingOrgId: string): DeferredWork {
    return () => this.unshareSelected(command, callingOrgId);
  }

  acceptGeneralUnshare(command: GeneralUnshareCommand, callingOrgId: string): DeferredWork {
    return () => this.unshareAll(command, callingOrgId);
  }

  acceptPatch(command: PatchCommand, callingOrgId: string): DeferredWork {
    return () => this.patchRoles(command, callingOrgId);
  }

  /**
   * A new organization receives every agent whose stored policy, held by one of its
   * ancestors, covers future organizations, with the policy's roles mapped into it.
   */
  organizationCreated(org: Org): void {
    const ancestorIds = new Set(this.state.ancestors(org.id).map((ancestor) => ancestor.id));
    const policies = this.state.sharePolicies.filter((p) => ancestorIds.has(p.policyHoldingOrgId));
    if (policies.length === 0) return;
    const unit = this.unit();
    for (const policy of policies) {
      const agent = this.state.agents.get(policy.agentId);
      if (!agent || agent.managedOrg !== undefined) continue;
      const association = unit.ledger.find(agent.id, org.id) ?? unit.ledger.share(agent, org.id);
      const roles = unit.roles.copiesIn(org.id, policy.roleIds);
      unit.roles.assign(org.id, association.sharedAgentId, roles);
      this.logger.debug('shared agent with a new organization', {
        agentId: agent.id,
        orgId: org.id,
      });
    }
  }

  private shareSelected(agentIds: string[], orgs: OrgShareInput[], callingOrgId: string): void {
    const unit = this.unit();
    for (const agentId of agentIds) {
      const agent = this.residentAgent(agentId, callingOrgId);
      if (!agent) continue;
      this.removePolicies((p) => p.agentId === agentId && p.initiatingOrgId === callingOrgId);
      for (const org of orgs) {
        const targets = this.targets(org.policy, org.orgId);
        // WSO2 aborts the whole request here, after the earlier work and policy deletion.
        if (!targets) return this.invalidPolicy(org.policy, agentId);
        const roleIds = unit.roles.resolve(org.roleAssignment.roles, callingOrgId);
        for (const target of targets) {
          this.shareInto(unit, agent, target, org.roleAssignment, roleIds);
        }
        // Like WSO2, the policy keeps the named roles even with mode NONE (future orgs get them).
        if (isStoredPolicy(org.policy)) {
          this.savePolicy({
            agentId,
            initiatingOrgId: callingOrgId,
            policyHoldingOrgId: org.orgId,
            policy: org.policy,
            roleIds,
          });
        }
      }
    }
  }

  private shareWithAll(
    command: GeneralShareCommand,
    roleIds: string[],
    callingOrgId: string,
  ): void {
    const unit = this.unit();
    for (const agentId of command.agentIds) {
      const agent = this.residentAgent(agentId, callingOrgId);
      if (!agent) continue;
      this.removePolicies((p) => p.agentId === agentId && p.initiatingOrgId === callingOrgId);
      const targets = this.targets(command.policy, callingOrgId);
      if (!targets) return this.invalidPolicy(command.policy, agentId);
      for (const target of targets) {
        this.shareInto(unit, agent, target, command.roleAssignment, roleIds);
      }
      if (isStoredPolicy(command.policy)) {
        this.savePolicy({
          agentId,
          initiatingOrgId: callingOrgId,
          policyHoldingOrgId: callingOrgId,
          policy: command.policy,
          roleIds,
        });
      }
    }
  }

  /** Each listed org and its whole subtree lose the agent; the org's policy goes too. */
  private unshareSelected(command: SelectiveUnshareCommand, callingOrgId: string): void {
    const unit = this.unit();
    for (const agentId of command.agentIds) {
      for (const orgId of command.orgIds) {
        for (const target of [orgId, ...this.descendantIds(orgId)]) {
          const association = unit.ledger.find(agentId, target);
          if (association) unit.ledger.unshare(association);
        }
        this.removePolicies(
          (p) =>
            p.agentId === agentId &&
            p.initiatingOrgId === callingOrgId &&
            p.policyHoldingOrgId === orgId,
        );
      }
    }
  }

  private unshareAll(command: GeneralUnshareCommand, callingOrgId: string): void {
    const unit = this.unit();
    for (const agentId of command.agentIds) {
      for (const association of unit.ledger.associationsOf(agentId, callingOrgId)) {
        unit.ledger.unshare(association);
      }
      this.removePolicies((p) => p.agentId === agentId && p.initiatingOrgId === callingOrgId);
    }
  }

  /** Adds or removes roles where the agent is already shared; stored policies stay as they are. */
  private patchRoles(command: PatchCommand, callingOrgId: string): void {
    const unit = this.unit();
    for (const agentId of command.agentIds) {
      for (const operation of command.operations) {
        const association = unit.ledger.find(agentId, operation.orgId);
        if (!association) {
          this.logger.debug('agent not shared with the organization; role patch skipped', {
            agentId,
            orgId: operation.orgId,
          });
          continue;
        }
        const roleIds = unit.roles.resolve(operation.roles, callingOrgId);
        const copies = unit.roles.copiesIn(operation.orgId, roleIds);
        if (operation.op === 'add') {
          unit.roles.assign(operation.orgId, association.sharedAgentId, copies);
        } else {
          unit.roles.unassign(operation.orgId, association.sharedAgentId, copies);
        }
      }
    }
  }

  /**
   * Shares into one org, or reconciles the roles of an existing share: SELECTED makes the
   * shared roles equal the requested ones (as far as the org has copies); NONE removes them.
   */
  private shareInto(
    unit: Unit,
    agent: Agent,
    orgId: string,
    assignment: RoleAssignmentInput,
    roleIds: string[],
  ): void {
    if (orgId === agent.orgId || !this.state.orgs.has(orgId)) return;
    const existing = unit.ledger.find(agent.id, orgId);
    const wanted = assignment.mode === 'NONE' ? [] : unit.roles.copiesIn(orgId, roleIds);
    if (!existing) {
      const association = unit.ledger.share(agent, orgId);
      unit.roles.assign(orgId, association.sharedAgentId, wanted);
      return;
    }
    const current = unit.roles.sharedRolesOf(orgId, existing.sharedAgentId);
    unit.roles.unassign(
      orgId,
      existing.sharedAgentId,
      current.filter((roleId) => !wanted.includes(roleId)),
    );
    unit.roles.assign(orgId, existing.sharedAgentId, wanted);
  }

  /** Unknown agents and shared copies are skipped silently; only resident agents are shared. */
  private residentAgent(agentId: string, callingOrgId: string): Agent | undefined {
    const agent = this.state.agents.get(agentId);
    if (agent && agent.orgId === callingOrgId && agent.managedOrg === undefined) return agent;
    this.logger.debug('agent is not a resident agent of the calling organization; skipped', {
      agentId,
      orgId: callingOrgId,
    });
    return undefined;
  }

  private targets(policy: PolicyName, holdingOrgId: string): string[] | undefined {
    return policyTargets(policy, holdingOrgId, (orgId) => this.descendantIds(orgId));
  }

  private descendantIds(orgId: string): string[] {
    return this.state.descendants(orgId).map((org) => org.id);
  }

  private invalidPolicy(policy: PolicyName, agentId: string): void {
    this.logger.error(`Invalid policy provided: ${policy}`, { agentId });
  }

  private savePolicy(policy: SharePolicy): void {
    this.removePolicies(
      (p) =>
        p.agentId === policy.agentId &&
        p.initiatingOrgId === policy.initiatingOrgId &&
        p.policyHoldingOrgId === policy.policyHoldingOrgId,
    );
    this.state.sharePolicies.push(policy);
  }

  private removePolicies(matches: (policy: SharePolicy) => boolean): void {
    const policies = this.state.sharePolicies;
    for (let i = policies.length - 1; i >= 0; i--) if (matches(policies[i]!)) policies.splice(i, 1);
  }

  private unit(): Unit {
    return {
      ledger: new ShareLedger({
        state: this.state,
        clock: this.deps.clock,
        newId: this.deps.newId,
      }),
      roles: new RoleBook(this.state),
    };
  }
}
