/**
 * Checking a username and password in one organization, for users and agents (an agent's
 * username is its id, with or without the `AGENT/` store prefix), with account lockout after
 * `MAX_FAILED_LOGINS` consecutive failures.
 */
import type { Logger } from '../../log/logger';
import { MAX_FAILED_LOGINS } from '../model';
import type { SandboxState } from '../state';
import { secretsEqual } from './client-auth';
import type { Identity } from './identity';

export type LoginResult =
  | { ok: true; identity: Identity }
  | { ok: false; reason: 'invalid'; remainingAttempts: number | undefined }
  | { ok: false; reason: 'locked' };

/** Users have no failure counter in the model; the OAuth area keeps theirs. */
class UserLockout {
  private readonly failures = new Map<string, number>();

  fail(userId: string): number {
    const count = (this.failures.get(userId) ?? 0) + 1;
    this.failures.set(userId, count);
    return count;
  }

  reset(userId: string): void {
    this.failures.delete(userId);
  }
}

const AGENT_PREFIX = 'AGENT/';

function loginAgent(
  state: SandboxState,
  orgId: string,
  username: string,
  password: string,
): LoginResult | undefined {
  const id = username.startsWith(AGENT_PREFIX) ? username.slice(AGENT_PREFIX.length) : username;
  const agent = state.agents.get(id);
  // Shared copies carry a random password and cannot log in; only resident agents can.
  if (!agent || agent.orgId !== orgId || agent.managedOrg !== undefined) return undefined;
  if (agent.accountLocked) return { ok: false, reason: 'locked' };
  if (secretsEqual(agent.password, password)) {
    agent.failedLogins = 0;
    return {
      ok: true,
      identity: { kind: 'agent', id: agent.id, userName: agent.userName, residentOrgId: orgId },
    };
  }
  agent.failedLogins += 1;
  if (agent.failedLogins >= MAX_FAILED_LOGINS) {
    agent.accountLocked = true;
    return { ok: false, reason: 'locked' };
  }
  return {
    ok: false,
    reason: 'invalid',
    remainingAttempts: MAX_FAILED_LOGINS - agent.failedLogins,
  };
}

/** Verifies logins and records failures; a lockout is logged and persisted. */
export class Credentials {
  private readonly lockout = new UserLockout();

  constructor(
    private readonly state: SandboxState,
    private readonly logger: Logger,
  ) {}

  verify(orgId: string, username: string, password: string): LoginResult {
    const result = this.check(orgId, username, password);
    if (!result.ok && result.reason === 'locked') {
      this.logger.warn('login refused: account locked', { orgId });
    }
    // Failure counters and locks are state worth persisting, like WSO2's account lock claim.
    this.state.markChanged();
    return result;
  }

  private check(orgId: string, username: string, password: string): LoginResult {
    const asAgent = loginAgent(this.state, orgId, username, password);
    if (asAgent) return asAgent;

    const user = [...this.state.users.values()].find(
      (u) => u.orgId === orgId && u.userName === username,
    );
    // An unknown username says nothing about attempts, so it cannot be used to probe accounts.
    if (!user) return { ok: false, reason: 'invalid', remainingAttempts: undefined };
    if (user.accountLocked) return { ok: false, reason: 'locked' };
    if (secretsEqual(user.password, password)) {
      this.lockout.reset(user.id);
      return {
        ok: true,
        identity: { kind: 'user', id: user.id, userName: user.userName, residentOrgId: orgId },
      };
    }
    const failures = this.lockout.fail(user.id);
    if (failures >= MAX_FAILED_LOGINS) {
      user.accountLocked = true;
      return { ok: false, reason: 'locked' };
    }
    return { ok: false, reason: 'invalid', remainingAttempts: MAX_FAILED_LOGINS - failures };
  }
}
