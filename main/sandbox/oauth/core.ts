/**
 * What every OAuth handler shares: dependencies, the signing key, the token store, and the
 * issuer URLs of the root tenant and of org-qualified endpoints.
 */
import type { SandboxDeps } from '../deps';
import type { RequestContext } from '../http';
import type { Org } from '../model';
import type { TokenStore } from './token-store';
import type { SigningKey } from './jwt';

export type OAuthDeps = Omit<SandboxDeps, 'authority'>;

export interface OAuthCore {
  deps: OAuthDeps;
  key: SigningKey;
  store: TokenStore;
  nowSec(): number;
}

/** `https://host:port` for carbon.super, `https://host:port/t/{tenant}` for other tenants. */
export function tenantBase(core: OAuthCore): string {
  const origin = core.deps.origin();
  return core.deps.rootHandle === 'carbon.super'
    ? origin
    : `${origin}/t/${encodeURIComponent(core.deps.rootHandle)}`;
}

/**
 * The issuer of tokens from a request's token endpoint. The root issuer is the same whether the
 * request came with or without `/t/carbon.super`. INFERRED: org-qualified endpoints issue with
 * `{base}/o/{orgId}/oauth2/token`, the path they are served at.
 */
export function issuerFor(core: OAuthCore, orgQualifiedId: string | undefined): string {
  const base = tenantBase(core);
  return orgQualifiedId === undefined
    ? `${base}/oauth2/token`
    : `${base}/o/${orgQualifiedId}/oauth2/token`;
}

export function requestIssuer(core: OAuthCore, ctx: RequestContext): string {
  return issuerFor(core, ctx.orgQualifiedId);
}

/** The organization a request's endpoint belongs to: the org of `/o/{orgId}/`, else the root. */
export function endpointOrgId(core: OAuthCore, ctx: RequestContext): string {
  return ctx.orgQualifiedId ?? core.deps.state.rootOrgId;
}

/** Name and handle for the org claims; the root may be absent from hand-built fixtures. */
export function orgLabels(core: OAuthCore, orgId: string): { name: string; handle: string } {
  const org: Org | undefined = core.deps.state.orgs.get(orgId);
  if (org) return { name: org.name, handle: org.orgHandle };
  if (orgId === core.deps.state.rootOrgId) {
    return { name: core.deps.rootHandle, handle: core.deps.rootHandle };
  }
  return { name: orgId, handle: orgId };
}
