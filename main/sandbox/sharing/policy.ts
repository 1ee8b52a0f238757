/**
 * WSO2's sharing policy names. The REST layer accepts every `PolicyEnum` value
 * (case-insensitively); the agent service then supports only some of them.
 */

/** Every value the API parser accepts, in WSO2's canonical spelling. */
export const POLICY_VALUES = [
  'ALL_EXISTING_ORGS_ONLY',
  'ALL_EXISTING_AND_FUTURE_ORGS',
  'IMMEDIATE_EXISTING_ORGS_ONLY',
  'IMMEDIATE_EXISTING_AND_FUTURE_ORGS',
  'SELECTED_ORG_ONLY',
  'SELECTED_ORG_WITH_ALL_EXISTING_CHILDREN_ONLY',
  'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
  'SELECTED_ORG_WITH_EXISTING_IMMEDIATE_CHILDREN_ONLY',
  'SELECTED_ORG_WITH_EXISTING_IMMEDIATE_AND_FUTURE_CHILDREN',
  'NO_SHARING',
] as const;

export type PolicyName = (typeof POLICY_VALUES)[number];

/** The canonical policy for a request value, or undefined (the API answers ASM-60009). */
export function parsePolicy(value: string | null | undefined): PolicyName | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.toUpperCase();
  return POLICY_VALUES.find((policy) => policy === upper);
}

/**
 * The organizations a policy reaches from the org that holds it, or `undefined` for the
 * parseable policies the agent service rejects ("Invalid policy provided") after the 202.
 */
export function policyTargets(
  policy: PolicyName,
  holdingOrgId: string,
  descendants: (orgId: string) => string[],
): string[] | undefined {
  switch (policy) {
    case 'ALL_EXISTING_AND_FUTURE_ORGS':
      return descendants(holdingOrgId);
    case 'SELECTED_ORG_ONLY':
      return [holdingOrgId];
    case 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN':
      return [holdingOrgId, ...descendants(holdingOrgId)];
    case 'NO_SHARING':
      return [];
    case 'ALL_EXISTING_ORGS_ONLY':
    case 'IMMEDIATE_EXISTING_ORGS_ONLY':
    case 'IMMEDIATE_EXISTING_AND_FUTURE_ORGS':
    case 'SELECTED_ORG_WITH_ALL_EXISTING_CHILDREN_ONLY':
    case 'SELECTED_ORG_WITH_EXISTING_IMMEDIATE_CHILDREN_ONLY':
    case 'SELECTED_ORG_WITH_EXISTING_IMMEDIATE_AND_FUTURE_CHILDREN':
      return undefined;
  }
}

/** Policies kept for future organizations (WSO2 stores only "existing and future" scopes). */
export function isStoredPolicy(
  policy: PolicyName,
): policy is 'ALL_EXISTING_AND_FUTURE_ORGS' | 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' {
  return (
    policy === 'ALL_EXISTING_AND_FUTURE_ORGS' ||
    policy === 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN'
  );
}
