/**
 * Client of the Agent Sharing API v1 (reference §5). Writes answer 202 and complete later with
 * no operation record, so a caller learns the outcome only by reading `getShare` again. Every
 * call runs against the root organization or, with `orgId`, through the `/o/` base with that
 * organization's switched token.
 */
import { type CallOptions, type Wso2Api, scopeOf } from './api';
import { requireUuid } from './ids';
import { cursorGuard, cursorOf } from './paging';
import { parseResponse } from './schema';
import {
  type AgentShareState,
  type AgentSharedOrganization,
  type ProcessSuccessResponse,
  type RolesPatchInput,
  type SelectiveShareInput,
  type ShareWithAllInput,
  type SharingMode,
  type UnshareInput,
  type UnshareWithAllInput,
  agentSharedOrganizationsResponseSchema,
  processSuccessResponseSchema,
  rolesPatchBody,
  selectiveShareBody,
  shareWithAllBody,
  unshareBody,
  unshareWithAllBody,
} from './agent-sharing-model';

export * from './agent-sharing-model';
export type { CallOptions } from './api';

export type ShareAttribute = 'roles' | 'sharingMode';

export interface GetShareOptions extends CallOptions {
  /** `false` lists only immediate children of the calling org; the server defaults to `true`. */
  recursive?: boolean;
  /** Defaults to both; without them the server returns neither `roles` nor `sharingMode`. */
  attributes?: readonly ShareAttribute[];
  /** Entries per request. Bounded by default so a large share state stays under size caps. */
  pageSize?: number;
}

/** The 202 acknowledgement of a write, with the HTTP status it came with. */
export interface ShareAccepted extends ProcessSuccessResponse {
  httpStatus: number;
}

export interface AgentSharingClient {
  /** `POST /agents/share`: only immediate children of the calling org are honoured. */
  share(input: SelectiveShareInput, options?: CallOptions): Promise<ShareAccepted>;
  /** `POST /agents/share-with-all` with `ALL_EXISTING_AND_FUTURE_ORGS`. */
  shareWithAll(input: ShareWithAllInput, options?: CallOptions): Promise<ShareAccepted>;
  /** `POST /agents/unshare`: removes each listed org and its whole subtree. */
  unshare(input: UnshareInput, options?: CallOptions): Promise<ShareAccepted>;
  /** `POST /agents/unshare-with-all`. */
  unshareWithAll(input: UnshareWithAllInput, options?: CallOptions): Promise<ShareAccepted>;
  /** `PATCH /agents/share`: add/remove roles per already-shared org. */
  patchRoles(input: RolesPatchInput, options?: CallOptions): Promise<ShareAccepted>;
  /** `GET /agents/{id}/share`, every page followed and merged. */
  getShare(agentId: string, options?: GetShareOptions): Promise<AgentShareState>;
}

export const DEFAULT_SHARE_PAGE_SIZE = 1000;

const WHAT = 'agent share';

export function createAgentSharingClient(api: Wso2Api): AgentSharingClient {
  const write = async (
    method: 'POST' | 'PATCH',
    path: string,
    buildBody: () => unknown,
    options: CallOptions | undefined,
  ): Promise<ShareAccepted> => {
    const response = await api.call({
      method,
      family: 'server-v1',
      path,
      json: buildBody(),
      ...scopeOf(options),
    });
    const parsed = parseResponse(processSuccessResponseSchema, response.body, `${WHAT} write`);
    return { ...parsed, httpStatus: response.status };
  };

  const getShare = async (
    agentId: string,
    options: GetShareOptions = {},
  ): Promise<AgentShareState> => {
    const id = requireUuid(agentId, 'agentId');
    const attributes = options.attributes ?? ['roles', 'sharingMode'];
    const pageSize = options.pageSize ?? DEFAULT_SHARE_PAGE_SIZE;
    const guard = cursorGuard(WHAT);
    const organizations: AgentSharedOrganization[] = [];
    let sharingMode: SharingMode | undefined;
    let after: string | undefined;
    let pages = 0;

    do {
      const response = await api.call({
        method: 'GET',
        family: 'server-v1',
        path: `agents/${id}/share`,
        query: {
          limit: pageSize,
          ...(options.recursive === undefined ? {} : { recursive: options.recursive }),
          ...(attributes.length === 0 ? {} : { attributes: attributes.join(',') }),
          ...(after === undefined ? {} : { after }),
        },
        ...scopeOf(options),
      });
      pages += 1;
      const page = parseResponse(agentSharedOrganizationsResponseSchema, response.body, WHAT);
      sharingMode ??= page.sharingMode;
      for (const entry of page.organizations ?? []) organizations.push(entry);
      after = cursorOf(page.links, 'next', WHAT);
      if (after !== undefined) guard(after);
    } while (after !== undefined);

    return { agentId: id, sharingMode, organizations, pages };
  };

  return {
    share: (input, options) =>
      write('POST', 'agents/share', () => selectiveShareBody(input), options),
    shareWithAll: (input, options) =>
      write('POST', 'agents/share-with-all', () => shareWithAllBody(input), options),
    unshare: (input, options) => write('POST', 'agents/unshare', () => unshareBody(input), options),
    unshareWithAll: (input, options) =>
      write('POST', 'agents/unshare-with-all', () => unshareWithAllBody(input), options),
    patchRoles: (input, options) =>
      write('PATCH', 'agents/share', () => rolesPatchBody(input), options),
    getShare,
  };
}
