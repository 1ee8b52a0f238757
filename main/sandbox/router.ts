/**
 * Routing with WSO2's tenancy rules: `/t/{tenant}` is optional for the root tenant, `/o/...`
 * marks an organization-scoped call (the org comes from the token), and `/o/{orgId}/oauth2/...`
 * names the organization of org-qualified OAuth endpoints.
 */
import { ReplyError, apiError, isUuid, json, type Reply, type RequestContext } from './http';

export type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;
/** Which error shape a route speaks when the request body itself is bad. */
export type ErrorStyle = 'api' | 'scim' | 'oauth';

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
  style: ErrorStyle;
  literalCount: number;
}

export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
  style: ErrorStyle;
}

export interface TenancyPath {
  tenant: string;
  orgScoped: boolean;
  orgQualifiedId: string | undefined;
  path: string;
}

/** Splits the tenancy prefix off a request path; undefined when the tenant is unknown. */
export function parseTenancy(rawPath: string, rootHandle: string): TenancyPath | undefined {
  let rest = rawPath;
  let tenant = rootHandle;
  const tenantMatch = /^\/t\/([^/]+)(\/.*)?$/.exec(rest);
  if (tenantMatch) {
    tenant = decodeURIComponent(tenantMatch[1]!);
    rest = tenantMatch[2] ?? '/';
    if (tenant !== rootHandle) return undefined;
  }
  let orgScoped = false;
  let orgQualifiedId: string | undefined;
  const orgMatch = /^\/o(\/.*)?$/.exec(rest);
  if (orgMatch) {
    rest = orgMatch[1] ?? '/';
    const qualified = /^\/([^/]+)(\/oauth2\/.*)$/.exec(rest);
    if (qualified && isUuid(qualified[1]!)) {
      orgQualifiedId = qualified[1]!.toLowerCase();
      rest = qualified[2]!;
    } else {
      orgScoped = true;
    }
  }
  return { tenant, orgScoped, orgQualifiedId, path: rest };
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, style: ErrorStyle = 'api'): void {
    const segments = pattern.split('/').filter(Boolean);
    const literalCount = segments.filter((s) => !s.startsWith(':')).length;
    this.routes.push({ method: method.toUpperCase(), segments, handler, style, literalCount });
  }

  /** The best match (most literal segments); a path match with another method gives 405. */
  match(method: string, path: string): RouteMatch | 'method-not-allowed' | undefined {
    const parts = path.split('/').filter(Boolean);
    let best: { route: Route; params: Record<string, string> } | undefined;
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      if (!best || route.literalCount > best.route.literalCount) best = { route, params };
    }
    if (best) return { handler: best.route.handler, params: best.params, style: best.route.style };
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    let actual: string;
    try {
      actual = decodeURIComponent(parts[i]!);
    } catch {
      return undefined;
    }
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return undefined;
  }
  return params;
}

export function notFound(ctx: RequestContext): ReplyError {
  return new ReplyError(
    json(404, {
      code: 'SBX-40400',
      message: 'Not found.',
      description: `No resource at ${ctx.method} ${ctx.rawPath}.`,
      traceId: ctx.traceId,
    }),
  );
}

export function methodNotAllowed(ctx: RequestContext): ReplyError {
  return apiError(405, 'SBX-40500', 'Method not allowed.', `${ctx.method} is not supported here.`);
}
