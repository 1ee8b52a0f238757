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
