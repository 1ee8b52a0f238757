import { describe, expect, it } from 'vitest';
import {
  applicationIdentity,
  grantScopes,
  identityIdInOrg,
  splitScopes,
  type Identity,
} from '../../../../main/sandbox/oauth/identity';
import { SandboxState } from '../../../../main/sandbox/state';
import { CLIENTS, IDS, seedOAuthFixture } from './support/fixture';

function setup() {
  const state = new SandboxState();
  seedOAuthFixture(state);
  const app = state.applicationByClientId(CLIENTS.agentLogin.clientId)!;
  const agent: Identity = { kind: 'agent', id: IDS.agent, userName: 'x', residentOrgId: IDS.root };
  const bob: Identity = { kind: 'user', id: IDS.bob, userName: 'bob', residentOrgId: IDS.business };
  return { state, app, agent, bob };
}

describe('grantScopes (RBAC)', () => {
  it('gives application tokens the authorized scopes only, never OIDC scopes', () => {
    const { state } = setup();
    const admin = state.applicationByClientId(CLIENTS.admin.clientId)!;
    const granted = grantScopes(state, admin, applicationIdentity(admin), IDS.root, [
      'openid',
      'internal_agent_share',
      'internal_agent_unshare',
    ]);
    expect(granted).toEqual(['internal_agent_share']);
  });

  it('gives a shared agent what its copy’s roles permit in that org', () => {
    const { state, app, agent } = setup();
    const requested = ['openid', 'read_bookings', 'write_bookings'];
    expect(grantScopes(state, app, agent, IDS.business, requested)).toEqual([
      'openid',
      'read_bookings',
    ]);
    state.roleAssignments
      .get(state.assignmentKey(IDS.business, IDS.agentCopy))!
      .add('role-biz-writer');
    expect(grantScopes(state, app, agent, IDS.business, requested)).toEqual(requested);
  });

  it('requires the app to be authorized for a scope even when a role permits it', () => {
    const { state, app, bob } = setup();
    state.roles.get('role-biz-reader')!.permissions.push('internal_org_agent_share');
    expect(grantScopes(state, app, bob, IDS.business, ['internal_org_agent_share'])).toEqual([]);
  });

  it('gives only OIDC scopes where the identity has no presence', () => {
    const { state, app, agent } = setup();
    expect(identityIdInOrg(state, agent, IDS.retail)).toBeUndefined();
    expect(grantScopes(state, app, agent, IDS.retail, ['openid', 'read_bookings'])).toEqual([
      'openid',
    ]);
  });
});

describe('splitScopes', () => {
  it('splits on spaces, drops empties and duplicates', () => {
    expect(splitScopes(' a  b a ')).toEqual(['a', 'b']);
    expect(splitScopes(null)).toEqual([]);
  });
});
