/**
 * Organization responses in the shapes of WSO2's Organization Management API
 * (`BasicOrganizationResponse`, `OrganizationResponse`, `GetOrganizationResponse`, and the
 * list with its `links`). References are server-relative, as WSO2 builds them.
 */
import type { Org } from '../model';
import type { SandboxState } from '../state';
import { encodeCursor } from './cursor';
import type { OrgPage } from './query';
import { isoFromMicros, parseTimestamp } from './timestamps';

/** WSO2 reports this version for organizations created without one. */
export const ORG_VERSION = 'v1.0.0';

/** `/t/{root}[/o]/api/server/v1/organizations`, the base of refs and links. */
export function organizationsBase(rootHandle: string, orgScoped: boolean): string {
  return `/t/${rootHandle}${orgScoped ? '/o' : ''}/api/server/v1/organizations`;
}

const withAttributes = (org: Org): { attributes?: Org['attributes'] } =>
  org.attributes.length > 0 ? { attributes: org.attributes.map((a) => ({ ...a })) } : {};

export function basicOrganization(state: SandboxState, org: Org, base: string): object {
  return {
    id: org.id,
    name: org.name,
    orgHandle: org.orgHandle,
    status: org.status,
    version: ORG_VERSION,
    hasChildren: state.hasChildren(org.id),
    ref: `${base}/${org.id}`,
    ...withAttributes(org),
  };
}

const lastModifiedIso = (org: Org): string =>
  isoFromMicros(parseTimestamp(org.lastModified)?.micros ?? org.createdMicros);

export function organizationResponse(state: SandboxState, org: Org, base: string): object {
  return {
    id: org.id,
    name: org.name,
    orgHandle: org.orgHandle,
    description: org.description,
    status: org.status,
    version: ORG_VERSION,
    created: isoFromMicros(org.createdMicros),
    lastModified: lastModifiedIso(org),
    type: org.type,
    ...(org.parentId !== null
      ? { parent: { id: org.parentId, ref: `${base}/${org.parentId}` } }
      : {}),
    hasChildren: state.hasChildren(org.id),
    ...withAttributes(org),
  };
}

/** `ancestorPath`: from the calling organization (depth 0) down to the organization itself. */
export function ancestorPath(state: SandboxState, org: Org, callingOrgId: string): object[] {
  const chain: Org[] = [org];
  for (const ancestor of state.ancestors(org.id)) {
    if (chain[chain.length - 1]!.id === callingOrgId) break;
    chain.push(ancestor);
  }
  return chain.reverse().map((o, depth) => ({ id: o.id, name: o.name, depth }));
}

/** `java.net.URLEncoder` form encoding: space as `+`, only `*-._` and alphanumerics kept. */
export function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export interface ListLinkParams {
  limit: number;
  recursive: boolean;
  filter: string | undefined;
}

/** The list body; `{}` when the page is empty or `limit` is 0. */
export function organizationsResponse(
  state: SandboxState,
  page: OrgPage,
  params: ListLinkParams,
  base: string,
): object {
  if (params.limit === 0 || page.organizations.length === 0) return {};
  let query = `?limit=${params.limit}&recursive=${params.recursive}`;
  if (params.filter) query += `&filter=${formEncode(params.filter)}`;
  const links: { href: string; rel: string }[] = [];
  const first = page.organizations[0]!;
  const last = page.organizations[page.organizations.length - 1]!;
  if (page.hasPrevious) {
    links.push({ href: `${base}${query}&before=${encodeCursor(first.created)}`, rel: 'previous' });
  }
  if (page.hasNext) {
    links.push({ href: `${base}${query}&after=${encodeCursor(last.created)}`, rel: 'next' });
  }
  return {
    ...(links.length > 0 ? { links } : {}),
    organizations: page.organizations.map((org) => basicOrganization(state, org, base)),
  };
}
