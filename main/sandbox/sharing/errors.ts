/**
 * The Agent Sharing API's client errors: `ASM-` from the REST layer, `OAS-` from the agent
 * sharing service, and `UE-10000` for bodies the JSON binding rejects. Codes, messages and
 * descriptions follow `reference/wso2-api.md` §5.7 and the WSO2 constants it cites.
 */
import { apiError, type ReplyError } from '../http';

interface ErrorText {
  code: string;
  message: string;
  description: string;
}

/** WSO2 words the four "invalid body" descriptions the same way, e.g. "selective" + "sharing". */
const criteriaDescription = (scope: string, action: string): string =>
  `The agent criteria provided for ${scope} ${action} is either null or empty. ` +
  `Please provide valid ${scope} agent ${action} criteria.`;

export const SHARING_ERRORS = {
  selectiveShareBody: {
    code: 'ASM-60000',
    message: 'Invalid selective agent share request body.',
    description: criteriaDescription('selective', 'sharing'),
  },
  generalShareBody: {
    code: 'ASM-60001',
    message: 'Invalid general agent share request body.',
    description: criteriaDescription('general', 'sharing'),
  },
  selectiveUnshareBody: {
    code: 'ASM-60002',
    message: 'Invalid selective agent unshare request body.',
    description: criteriaDescription('selective', 'unsharing'),
  },
  generalUnshareBody: {
    code: 'ASM-60003',
    message: 'Invalid general agent unshare request body.',
    description: criteriaDescription('general', 'unsharing'),
  },
  invalidUuid: {
    code: 'ASM-60004',
    message: 'Invalid UUID format.',
    description:
      'The UUID provided in the request is not in a valid format. Please provide a valid UUID.',
  },
  patchBody: {
    code: 'ASM-60005',
    message: 'Invalid agent share patch request body.',
    description:
      'The agent share patch request body is either null or empty. ' +
      'Please provide a valid agent share patch request body.',
  },
  missingCriteria: {
    code: 'ASM-60006',
    message: 'Missing agent criteria in the request body.',
    description:
      'The agent criteria is missing in the request body. Please provide the agent criteria to proceed.',
  },
  unsupportedPatchPath: {
    code: 'ASM-60007',
    message: 'Unsupported agent share patch path.',
    description:
      'The provided patch path to update attributes of shared agent is not supported. ' +
      'Please provide a valid patch path.',
  },
  emptyPatchPath: {
    code: 'ASM-60008',
    message: 'Empty agent share patch path.',
    description:
      'The provided patch path to update attributes of shared agent is empty. ' +
      'Please provide a valid patch path.',
  },
  unsupportedPolicy: {
    code: 'ASM-60009',
    message: 'Unsupported agent share policy.',
    description:
      'The provided agent share policy is not supported. Please provide a valid agent share policy.',
  },
  invalidLimit: {
    code: 'ASM-60010',
    message: 'Invalid limit value.',
    description:
      'The limit value provided in the request is invalid. Please provide a valid limit value.',
  },
  invalidCursor: {
    code: 'ASM-60011',
    message: 'Invalid cursor value.',
    description:
      'The cursor value provided in the request is invalid. Please provide a valid cursor value.',
  },
  unsupportedPatchOperation: {
    code: 'ASM-60012',
    message: 'Unsupported agent share patch operation.',
    description:
      'The provided patch operation to update attributes of shared agent is not supported. ' +
      'Please provide a valid patch operation.',
  },
  emptyAgentIds: {
    code: 'ASM-60013',
    message: 'Empty agentIds list in agent criteria.',
    description: 'The agentIds list in the agent criteria must contain at least one entry.',
  },
  organizationsNull: {
    code: 'OAS-10003',
    message: 'Organizations list is null.',
    description: 'Organizations list must be provided.',
  },
  orgIdNull: {
    code: 'OAS-10007',
    message: 'Organization ID is null.',
    description: 'Organization ID must be provided.',
  },
  roleNameNull: {
    code: 'OAS-10008',
    message: 'Role name is null.',
    description: 'Role name must be provided.',
  },
  audienceNameNull: {
    code: 'OAS-10009',
    message: 'Audience name is null.',
    description: 'Audience name must be provided.',
  },
  audienceTypeNull: {
    code: 'OAS-10010',
    message: 'Audience type is null.',
    description: 'Audience type must be provided.',
  },
  patchPathUnsupported: {
    code: 'OAS-10023',
    message: "Patch operation 'path' is not supported.",
    description: "The 'path' field value is not supported.",
  },
  orgIdFormat: {
    code: 'OAS-10027',
    message: 'Organization ID format is invalid.',
    description: 'The organization ID must be a valid UUID.',
  },
  // WSO2 throws this one without formatting its message, so the placeholder is sent as is.
  attributeUnsupported: {
    code: 'OAS-10030',
    message: "Attribute '%s' is not supported.",
    description: 'The requested attribute is not supported.',
  },
} as const satisfies Record<string, ErrorText>;

export type SharingErrorKey = keyof typeof SHARING_ERRORS;

/** A 400 reply for one of the catalogued errors. */
export function sharingError(key: SharingErrorKey, traceId: string): ReplyError {
  const { code, message, description } = SHARING_ERRORS[key];
  return apiError(400, code, message, description, traceId);
}

/** The JSON binding's rejection of a body that does not fit the API model. */
export function invalidRequest(description: string, traceId: string, status = 400): ReplyError {
  return apiError(status, 'UE-10000', 'Invalid Request', description, traceId);
}
