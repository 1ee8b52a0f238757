/**
 * Who is calling: the bearer token's principal, and scope enforcement for management APIs.
 * The OAuth module issues tokens and implements `TokenAuthority`; routes only call
 * `requireScope`.
 */
import { ReplyError, json, type RequestContext } from './http';

export type AuthenticatedType = 'AGENT' | 'APPLICATION' | 'APPLICATION_USER';

export interface Principal {
  tokenId: string;
  /** User id, agent id, or for application tokens the client id. */
  sub: string;
  clientId: string;
  aut: AuthenticatedType;
  scopes: ReadonlySet<string>;
  /** The organization the token acts in (`org_id`): the root, or the org switched into. */
  orgId: string;
  /** Resident organization of the user or agent, when there is one. */
  residentOrgId?: string;
  /** `act.sub` of a delegated (OBO) token. */
  actorSub?: string;
  expiresAt: number;
}

export interface TokenAuthority {
  /** The principal of a valid, unexpired, unrevoked access token, else undefined. */
  authenticate(accessToken: string): Principal | undefined;
}

function unauthorized(ctx: RequestContext, description: string): ReplyError {
  return new ReplyError(
    json(
      401,
      { code: 'AUT-10002', message: 'Unauthorized', description, traceId: ctx.traceId },
      { 'WWW-Authenticate': 'Bearer realm="sandbox"' },
    ),
  );
}

function forbidden(ctx: RequestContext, description: string): ReplyError {
  return new ReplyError(
    json(403, { code: 'AUT-10003', message: 'Forbidden', description, traceId: ctx.traceId }),
  );
}

/**
 * Authenticates the request and checks one scope: the root variant for root paths
 * (`internal_agent_share`), the org variant for `/o/` paths (`internal_org_agent_share`).
 * Returns the principal and the organization the call acts in.
 */
export function requireScope(
  ctx: RequestContext,
  authority: TokenAuthority,
  rootScope: string,
  orgScope: string,
  rootOrgId: string,
): { principal: Principal; callingOrgId: string } {
  const header = ctx.req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized(ctx, 'Authorization header with a bearer token is required.');
  const principal = authority.authenticate(match[1]!);
  if (!principal) throw unauthorized(ctx, 'The access token is invalid, expired or revoked.');

  const wanted = ctx.orgScoped ? orgScope : rootScope;
  if (ctx.orgScoped && principal.orgId === rootOrgId) {
    throw forbidden(ctx, 'Organization-level APIs need a token switched into that organization.');
  }
  if (!ctx.orgScoped && principal.orgId !== rootOrgId) {
    throw forbidden(ctx, 'A token switched into a child organization cannot call root APIs.');
  }
  if (!principal.scopes.has(wanted)) {
    throw forbidden(ctx, `Operation is not permitted. Required scope: ${wanted}.`);
  }
  ctx.principal = principal;
  return { principal, callingOrgId: principal.orgId };
}
