/**
 * Organization Management API routes (`/api/server/v1/organizations`), served for the root
 * and, under `/t/{root}/o/`, for the organization of a switched token.
 * Not emulated: PUT/PATCH of organizations, `check-name`/`check-handle`, `meta-attributes` and
 * discovery, because ShareDesk never calls them.
 */
import { z } from 'zod';
import { requireScope } from '../auth';
import type { SandboxDeps } from '../deps';
import { apiError, json, noContent, type Reply, type RequestContext } from '../http';
import type { Router } from '../router';
import { decodeCursor } from './cursor';
import { OrgFilterError, parseOrgFilter } from './filter';
import {
  ancestorPath,
  organizationResponse,
  organizationsBase,
  organizationsResponse,
} from './present';
import { OrgLister } from './query';
import { createOrganization, deleteOrganization, isVisibleTo } from './service';
import type { PreciseInstant } from './timestamps';

export const DEFAULT_LIMIT = 15;
export const MAX_LIMIT = 100;

const FILTER_MESSAGES: Record<OrgFilterError['code'], string> = {
  'ORG-60022': 'Unable to retrieve organizations.',
  'ORG-60023': 'Unsupported filter attribute.',
  'ORG-60024': 'Unsupported filter.',
  'ORG-60059': 'Unsupported filter operation.',
};

const createBody = z.object({
  name: z.string(),
  orgHandle: z.string().optional(),
  description: z.string().optional(),
  parentId: z.string().optional(),
  type: z.enum(['TENANT', 'STRUCTURAL']).optional(),
  attributes: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
});

function parseLimit(raw: string | null): number {
  if (raw === null || raw.trim() === '') return DEFAULT_LIMIT;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw apiError(400, 'SBX-40000', 'Invalid request.', `'limit' must be an integer.`);
  }
  const limit = Number(raw.trim());
  if (limit < 0) {
    throw apiError(
      400,
      'ORG-60025',
      'Invalid pagination parameters.',
      "'limit' shouldn't be negative.",
    );
  }
  return Math.min(limit, MAX_LIMIT);
}

function parseCursor(raw: string | null): PreciseInstant | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const cursor = decodeCursor(raw.trim());
  if (!cursor) {
    throw apiError(
      400,
      'ORG-60026',
      'Unable to retrieve organizations.',
      'Invalid cursor used for pagination.',
    );
  }
  return cursor;
}

function notFound(id: string): never {
  throw apiError(
    404,
    'ORG-60015',
    'Invalid organization.',
    `Organization with ID: ${id} doesn't exist.`,
  );
}

export function registerOrganizationRoutes(router: Router, deps: SandboxDeps): void {
  const { state } = deps;
  const lister = new OrgLister(state);
  const path = '/api/server/v1/organizations';
  const auth = (ctx: RequestContext, action: string) =>
    requireScope(
      ctx,
      deps.authority,
      `internal_organization_${action}`,
      `internal_org_organization_${action}`,
      state.rootOrgId,
    );
  const base = (ctx: RequestContext) => organizationsBase(deps.rootHandle, ctx.orgScoped);

  router.add('GET', path, (ctx): Reply => {
    const { callingOrgId } = auth(ctx, 'view');
    const limit = parseLimit(ctx.query.get('limit'));
    const before = parseCursor(ctx.query.get('before'));
    const after = before ? undefined : parseCursor(ctx.query.get('after'));
    const recursive = (ctx.query.get('recursive') ?? '').toLowerCase() === 'true';
    const filter = ctx.query.get('filter') ?? undefined;
    let conditions;
    try {
      conditions = parseOrgFilter(filter);
    } catch (error) {
      if (!(error instanceof OrgFilterError)) throw error;
      throw apiError(400, error.code, FILTER_MESSAGES[error.code], error.description, ctx.traceId);
    }
    if (limit === 0) return json(200, {});
    const page = lister.page({ callingOrgId, recursive, limit, after, before, conditions });
    return json(200, organizationsResponse(state, page, { limit, recursive, filter }, base(ctx)));
  });

  router.add('GET', `${path}/self`, (ctx): Reply => {
    const { callingOrgId } = auth(ctx, 'view');
    const org = state.orgs.get(callingOrgId) ?? notFound(callingOrgId);
    return json(200, organizationResponse(state, org, base(ctx)));
  });

  router.add('GET', `${path}/:id`, (ctx): Reply => {
    const { callingOrgId, principal } = auth(ctx, 'view');
    const id = ctx.params.id!;
    const org = state.orgs.get(id);
    if (!org || !isVisibleTo(state, id, callingOrgId)) notFound(id);
    const includePermissions = (ctx.query.get('includePermissions') ?? '').toLowerCase() === 'true';
    return json(200, {
      ...organizationResponse(state, org, base(ctx)),
      ...(includePermissions ? { permissions: [...principal.scopes].sort() } : {}),
      ancestorPath: ancestorPath(state, org, callingOrgId),
    });
  });

  router.add('POST', path, async (ctx): Promise<Reply> => {
    const { callingOrgId } = auth(ctx, 'create');
    const parsed = createBody.safeParse(await ctx.json());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || 'body';
      throw apiError(
        400,
        'ORG-60001',
        'Invalid request.',
        `Provided request body content is not in the expected format: ${field}: ${issue.message}`,
        ctx.traceId,
      );
    }
    const org = createOrganization(deps, parsed.data, callingOrgId);
    const location = `${deps.origin()}${base(ctx)}/${org.id}`;
    return json(201, organizationResponse(state, org, base(ctx)), { Location: location });
  });

  router.add('DELETE', `${path}/:id`, (ctx): Reply => {
    const { callingOrgId } = auth(ctx, 'delete');
    deleteOrganization(deps, ctx.params.id!, callingOrgId);
    return noContent();
  });
}
