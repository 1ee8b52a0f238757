/**
 * What the tree can show beside each organization for the selected agent: how it reaches the
 * org (its effective sharing) and the roles it should have there versus the roles it has.
 */

export type SharingKind = 'direct' | 'inherited' | 'all-orgs' | 'not-shared';

export interface OrgDecoration {
  readonly sharing: SharingKind;
  /** Name of the ancestor whose "and future children" policy shares the agent here. */
  readonly inheritedFrom?: string;
  readonly expectedRoles?: readonly string[];
  readonly actualRoles?: readonly string[];
}

export interface RoleDifference {
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/** Roles the agent should have but lacks, and roles it has but should not. */
export function roleDifference(
  expected: readonly string[],
  actual: readonly string[],
): RoleDifference {
  const expectedSet = new Set(expected);
  const actualSet = new Set(actual);
  return {
    missing: expected.filter((role) => !actualSet.has(role)),
    extra: actual.filter((role) => !expectedSet.has(role)),
  };
}
