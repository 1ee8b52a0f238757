/** The Share editor's draft: derived from a share state, turned into the desired sharing. */
import { describe, expect, it } from 'vitest';
import {
  desiredFromDraft,
  draftFromSnapshot,
  hasRole,
  sameRole,
  updateOrg,
  withOrg,
  withoutOrg,
  withRole,
} from '../../../../renderer/features/sharing/draft';
import {
  BUSINESS,
  ORG_VIEWER,
  RETAIL,
  sharedSnapshot,
  snapshot,
  TICKET_APP_ROLE,
} from './fixtures';

describe('draftFromSnapshot', () => {
  it('starts from "not shared" when nothing is shared', () => {
    expect(draftFromSnapshot(snapshot())).toEqual({
      mode: 'none',
      allRoles: [],
      organizations: [],
    });
  });

  it('lists root-level orgs only, with the policy and roles of the one holding a policy', () => {
    const draft = draftFromSnapshot(sharedSnapshot());
    expect(draft.mode).toBe('selected');
    expect(draft.organizations).toEqual([
      {
        orgId: BUSINESS,
        name: 'Business',
        path: 'Business',
        policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
        roles: [ORG_VIEWER],
      },
    ]);
  });

  it('takes an org shared on its own with the roles it holds there', () => {
    const roles = [{ ...ORG_VIEWER, audienceDisplay: 'Retail' }];
    const draft = draftFromSnapshot(
      snapshot({
        organizations: [
          { orgId: RETAIL, orgName: 'Retail', parentOrgId: 'root', depth: 1, policy: null, roles },
        ],
      }),
    );
    expect(draft.organizations[0]).toMatchObject({ policy: 'SELECTED_ORG_ONLY', roles });
  });

  it('reads "all organizations" with the stored policy’s roles', () => {
    const draft = draftFromSnapshot(
      snapshot({ allOrgs: { policy: 'ALL_EXISTING_AND_FUTURE_ORGS', roles: [ORG_VIEWER] } }),
    );
    expect(draft).toEqual({ mode: 'all', allRoles: [ORG_VIEWER], organizations: [] });
  });
});

describe('desiredFromDraft', () => {
  it('sends only the contract’s fields for selected organizations', () => {
    const draft = withOrg(draftFromSnapshot(snapshot()), {
      orgId: RETAIL,
      name: 'Retail',
      path: 'Retail',
      policy: 'SELECTED_ORG_ONLY',
      roles: [],
    });
    const changed = updateOrg(draft, RETAIL, {
      policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
      roles: [ORG_VIEWER],
    });
    expect(desiredFromDraft(changed)).toEqual({
      mode: 'selected',
      organizations: [
        {
          orgId: RETAIL,
          policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
          roles: [ORG_VIEWER],
        },
      ],
    });
    expect(desiredFromDraft(withoutOrg(changed, RETAIL))).toEqual({
      mode: 'selected',
      organizations: [],
    });
  });

  it('drops the organizations when the mode is "all" or "none"', () => {
    const draft = { ...draftFromSnapshot(sharedSnapshot()), allRoles: [ORG_VIEWER] };
    expect(desiredFromDraft({ ...draft, mode: 'all' })).toEqual({
      mode: 'all',
      roles: [ORG_VIEWER],
    });
    expect(desiredFromDraft({ ...draft, mode: 'none' })).toEqual({ mode: 'none' });
  });
});

describe('roles', () => {
  it('matches organization roles by name whatever org the audience names', () => {
    expect(sameRole(ORG_VIEWER, { ...ORG_VIEWER, audienceDisplay: 'Berlin' })).toBe(true);
    expect(sameRole(TICKET_APP_ROLE, { ...TICKET_APP_ROLE, audienceDisplay: 'Other app' })).toBe(
      false,
    );
  });

  it('adds a role once and removes it', () => {
    const once = withRole(withRole([], ORG_VIEWER, true), ORG_VIEWER, true);
    expect(once).toEqual([ORG_VIEWER]);
    expect(hasRole(withRole(once, ORG_VIEWER, false), ORG_VIEWER)).toBe(false);
  });
});
