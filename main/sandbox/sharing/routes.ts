/**
 * The Agent Sharing API's HTTP surface: authentication and scopes, body binding, validation
 * errors, 202 replies and the listing. Root paths use the `internal_agent_*` scopes; `/o/`
 * paths the `internal_org_agent_*` ones and act in the organization of the token.
 */
import type { z } from 'zod';
import { requireScope, type TokenAuthority } from '../auth';
import { json, type Reply, type RequestContext } from '../http';
import type { Router } from '../router';
import type { SandboxState } from '../state';
import {
  bind,
  generalShareSchema,
  generalUnshareSchema,
  patchSchema,
  readJson,
  selectiveShareSchema,
  selectiveUnshareSchema,
} from './bodies';
import type { DeferredWork } from './commands';
import type { SharingEngine } from './engine';
import { parseShareQuery } from './query';
import type { WorkScheduler } from './scheduler';
import {
  generalShareCommand,
  generalUnshareCommand,
  patchCommand,
  selectiveShareCommand,
  selectiveUnshareCommand,
} from './validate';
import { listSharedOrganizations, pageLinks } from './view';

const BASE = '/api/server/v1/agents';

const SCOPES = {
  share: ['internal_agent_share', 'internal_org_agent_share'],
  unshare: ['internal_agent_unshare', 'internal_org_agent_unshare'],
  update: ['internal_agent_shared_access_update', 'internal_org_agent_shared_access_update'],
  view: ['internal_agent_shared_access_view', 'internal_org_agent_shared_access_view'],
} as const;

const DETAILS = {
  share: 'Agent sharing process triggered successfully.',
  unshare: 'Agent unsharing process triggered successfully.',
  patch: 'Shared agent attributes patch process triggered successfully.',
} as const;

export interface RouteDeps {
  state: SandboxState;
  authority: TokenAuthority;
  engine: SharingEngine;
  scheduler: WorkScheduler;
}

interface WriteEndpoint<B, C> {
  method: 'POST' | 'PATCH';
  path: string;
  scopes: readonly [string, string];
  schema: z.ZodType<B>;
  toCommand: (body: B | null, traceId: string) => C;
  accept: (command: C, callingOrgId: string) => DeferredWork;
  label: string;
  details: string;
}

/** A write endpoint: bind the body, validate it into a command, accept it, answer 202. */
function addWrite<B, C>(router: Router, deps: RouteDeps, endpoint: WriteEndpoint<B, C>): void {
  router.add(endpoint.method, `${BASE}${endpoint.path}`, async (ctx) => {
    const { callingOrgId } = requireScope(
      ctx,
      deps.authority,
      ...endpoint.scopes,
      deps.state.rootOrgId,
    );
    const body = bind(endpoint.schema, await readJson(ctx), ctx.traceId);
    const command = endpoint.toCommand(body, ctx.traceId);
    deps.scheduler.schedule(endpoint.label, endpoint.accept(command, callingOrgId));
    return json(202, { status: 'Processing', details: endpoint.details });
  });
}

export function registerSharingRoutes(router: Router, deps: RouteDeps): void {
  const { engine } = deps;
  addWrite(router, deps, {
    method: 'POST',
    path: '/share',
    scopes: SCOPES.share,
    schema: selectiveShareSchema,
    toCommand: selectiveShareCommand,
    accept: (command, orgId) => engine.acceptSelectiveShare(command, orgId),
    label: 'selective agent share',
    details: DETAILS.share,
  });
  addWrite(router, deps, {
    method: 'POST',
    path: '/share-with-all',
    scopes: SCOPES.share,
    schema: generalShareSchema,
    toCommand: generalShareCommand,
    accept: (command, orgId) => engine.acceptGeneralShare(command, orgId),
    label: 'general agent share',
    details: DETAILS.share,
  });
  addWrite(router, deps, {
    method: 'POST',
    path: '/unshare',
    scopes: SCOPES.unshare,
    schema: selectiveUnshareSchema,
    toCommand: selectiveUnshareCommand,
    accept: (command, orgId) => engine.acceptSelectiveUnshare(command, orgId),
    label: 'selective agent unshare',
    details: DETAILS.unshare,
  });
  addWrite(router, deps, {
    method: 'POST',
    path: '/unshare-with-all',
    scopes: SCOPES.unshare,
    schema: generalUnshareSchema,
    toCommand: generalUnshareCommand,
    accept: (command, orgId) => engine.acceptGeneralUnshare(command, orgId),
    label: 'general agent unshare',
    details: DETAILS.unshare,
  });
  addWrite(router, deps, {
    method: 'PATCH',
    path: '/share',
    scopes: SCOPES.update,
    schema: patchSchema,
    toCommand: patchCommand,
    accept: (command, orgId) => engine.acceptPatch(command, orgId),
    label: 'agent share role update',
    details: DETAILS.patch,
  });
  router.add('GET', `${BASE}/:agentId/share`, (ctx) => listShares(ctx, deps));
}

function listShares(ctx: RequestContext, deps: RouteDeps): Reply {
  const { callingOrgId } = requireScope(ctx, deps.authority, ...SCOPES.view, deps.state.rootOrgId);
  const agentId = ctx.params.agentId ?? '';
  const { list, echo } = parseShareQuery(agentId, ctx.query, ctx.traceId);
  const page = listSharedOrganizations(deps.state, { ...list, callingOrgId });
  // Links start from the request's own base URI, so `/t/{tenant}` and `/o` carry over.
  const base = ctx.origin + ctx.rawPath.slice(0, ctx.rawPath.lastIndexOf('/agents/'));
  const links = pageLinks(page, { ...echo, base });
  return json(200, {
    links,
    ...(page.sharingMode ? { sharingMode: page.sharingMode } : {}),
    organizations: page.organizations,
  });
}
