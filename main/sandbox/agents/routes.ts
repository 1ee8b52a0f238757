/**
 * SCIM2 Agents (`/scim2/Agents`), root and org-scoped: create (secret returned once), list
 * and search with filters and paging, read, replace, patch and delete. `sortBy`/`sortOrder`
 * are ignored (agents come in creation order), as the sandbox has no use for sorting.
 */
import { z } from 'zod';
import { requireScope } from '../auth';
import type { SandboxDeps } from '../deps';
import { json, noContent, scimError, type Reply, type RequestContext } from '../http';
import type { Agent } from '../model';
import type { Router } from '../router';
import { compareTest, invalidFilter, parseScimFilter, type ScimFilter } from '../scim/filter';
import {
  listResponse,
  parsePaging,
  parseProjection,
  project,
  type Projection,
  type ScimPaging,
} from '../scim/list';
import { agentExtension, applyChange, parsePatch, parsePut, wso2Extension } from './patch';
import { AGENT_REQUEST_ONLY, AGENT_SCHEMA, WSO2_SCHEMA, agentResource } from './present';
import { createAgent, deleteAgent, findAgent, nowIso } from './service';

const SCIM_JSON = 'application/scim+json';

const createBody = z.object({
  userName: z.string().optional(),
  password: z.string().min(1).optional(),
  [AGENT_SCHEMA]: agentExtension.optional(),
  [WSO2_SCHEMA]: wso2Extension.optional(),
});

const searchBody = z.object({
  filter: z.string().optional(),
  startIndex: z.number().int().optional(),
  count: z.number().int().optional(),
  attributes: z.array(z.string()).optional(),
  excludedAttributes: z.array(z.string()).optional(),
});

function agentAttribute(name: string): ((agent: Agent) => string) | undefined {
  const lower = name.toLowerCase();
  const ext =
    lower.startsWith(`${AGENT_SCHEMA}.`) || lower.startsWith(`${AGENT_SCHEMA}:`)
      ? lower.slice(AGENT_SCHEMA.length + 1)
      : undefined;
  if (lower === 'username') return (agent) => agent.userName;
  if (lower === 'id') return (agent) => agent.id;
  if (ext === 'displayname') return (agent) => agent.displayName;
  if (ext === 'description') return (agent) => agent.description;
  if (ext === 'owner') return (agent) => agent.owner;
  return undefined;
}

function agentPredicate(filter: ScimFilter): (agent: Agent) => boolean {
  switch (filter.kind) {
    case 'compare': {
      const read = agentAttribute(filter.attribute);
      if (!read)
        throw invalidFilter(
          `Filtering by attribute ${filter.attribute} is not supported for agents.`,
        );
      const test = compareTest(
        filter.operator,
        filter.value,
        filter.attribute.toLowerCase() === 'id',
      );
      if (filter.attribute.toLowerCase() === 'username') {
        // The store domain is implied: `userName eq <id>` and `eq AGENT/<id>` both match.
        return (agent) => test(agent.userName) || test(agent.id);
      }
      return (agent) => test(read(agent));
    }
    case 'and': {
      const [left, right] = [agentPredicate(filter.left), agentPredicate(filter.right)];
      return (agent) => left(agent) && right(agent);
    }
    case 'or': {
      const [left, right] = [agentPredicate(filter.left), agentPredicate(filter.right)];
      return (agent) => left(agent) || right(agent);
    }
    case 'not': {
      const operand = agentPredicate(filter.operand);
      return (agent) => !operand(agent);
    }
  }
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw scimError(
    400,
    `Invalid request: ${issue.path.join('.') || 'body'}: ${issue.message}`,
    'invalidSyntax',
  );
}

const scimReply = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  ...json(status, body, headers),
  contentType: SCIM_JSON,
});

export function registerAgentRoutes(router: Router, deps: SandboxDeps): void {
  const { state } = deps;
  const auth = (ctx: RequestContext, action: string) =>
    requireScope(
      ctx,
      deps.authority,
      `internal_agent_mgt_${action}`,
      `internal_org_agent_mgt_${action}`,
      state.rootOrgId,
    );
  const scimBase = (ctx: RequestContext) =>
    `${deps.origin()}/t/${deps.rootHandle}${ctx.orgScoped ? '/o' : ''}/scim2`;
  const agentIn = (ctx: RequestContext, orgId: string): Agent => {
    const agent = findAgent(state, ctx.params.id!, orgId);
    if (!agent)
      throw scimError(404, 'Specified resource (e.g., User) or end-point, does not exist.');
    return agent;
  };

  const list = (
    ctx: RequestContext,
    orgId: string,
    filter: string | undefined,
    paging: ScimPaging,
    projection: Projection,
  ): Reply => {
    const matches = filter ? agentPredicate(parseScimFilter(filter)) : () => true;
    const agents = [...state.agents.values()].filter((a) => a.orgId === orgId && matches(a));
    const resources = agents.map((a) =>
      project(agentResource(state, a, scimBase(ctx)), projection, AGENT_REQUEST_ONLY),
    );
    return scimReply(200, listResponse(resources, paging));
  };

  router.add(
    'GET',
    '/scim2/Agents',
    (ctx) => {
      const { callingOrgId } = auth(ctx, 'list');
      const paging = parsePaging(ctx.query.get('startIndex'), ctx.query.get('count'));
      const projection = parseProjection(
        ctx.query.get('attributes'),
        ctx.query.get('excludedAttributes'),
      );
      return list(ctx, callingOrgId, ctx.query.get('filter') ?? undefined, paging, projection);
    },
    'scim',
  );

  router.add(
    'POST',
    '/scim2/Agents/.search',
    async (ctx) => {
      const { callingOrgId } = auth(ctx, 'list');
      const body = parseBody(searchBody, await ctx.json());
      const paging = parsePaging(body.startIndex?.toString(), body.count?.toString());
      const projection = parseProjection(
        body.attributes?.join(','),
        body.excludedAttributes?.join(','),
      );
      return list(ctx, callingOrgId, body.filter, paging, projection);
    },
    'scim',
  );

  router.add(
    'POST',
    '/scim2/Agents',
    async (ctx) => {
      const { callingOrgId } = auth(ctx, 'create');
      const body = parseBody(createBody, await ctx.json());
      const extension = body[AGENT_SCHEMA] ?? {};
      const { DisplayName, Description, Owner, IsUserServingAgent, ...rest } = extension;
      const agent = createAgent(
        state,
        {
          userName: body.userName,
          password: body.password,
          displayName: DisplayName,
          description: Description,
          owner: Owner,
          isUserServingAgent: IsUserServingAgent,
          accountLocked: body[WSO2_SCHEMA]?.accountLocked,
          extension: rest,
        },
        callingOrgId,
        deps.clock,
      );
      const resource = { ...agentResource(state, agent, scimBase(ctx)), password: agent.password };
      return scimReply(201, resource, { Location: `${scimBase(ctx)}/Agents/${agent.id}` });
    },
    'scim',
  );

  router.add(
    'GET',
    '/scim2/Agents/:id',
    (ctx) => {
      const { callingOrgId } = auth(ctx, 'view');
      const projection = parseProjection(
        ctx.query.get('attributes'),
        ctx.query.get('excludedAttributes'),
      );
      const agent = agentIn(ctx, callingOrgId);
      return scimReply(
        200,
        project(agentResource(state, agent, scimBase(ctx)), projection, AGENT_REQUEST_ONLY),
      );
    },
    'scim',
  );

  const update =
    (parse: (body: unknown, agent: Agent) => ReturnType<typeof parsePatch>) =>
    async (ctx: RequestContext) => {
      const { callingOrgId } = auth(ctx, 'update');
      const agent = agentIn(ctx, callingOrgId);
      const change = parse(await ctx.json(), agent);
      if (agent.managedOrg !== undefined) {
        throw scimError(
          400,
          'Shared agents are read-only in the organizations they are shared with.',
          'mutability',
        );
      }
      applyChange(agent, change, nowIso(deps.clock));
      return scimReply(200, agentResource(state, agent, scimBase(ctx)));
    };
  router.add(
    'PATCH',
    '/scim2/Agents/:id',
    update((body) => parsePatch(body)),
    'scim',
  );
  router.add('PUT', '/scim2/Agents/:id', update(parsePut), 'scim');

  router.add(
    'DELETE',
    '/scim2/Agents/:id',
    (ctx) => {
      const { callingOrgId } = auth(ctx, 'delete');
      deleteAgent(state, agentIn(ctx, callingOrgId));
      return noContent();
    },
    'scim',
  );
}
