/**
 * One page of the organization list, checked in a single hand-written pass. A full sync reads
 * a thousand such pages, and walking zod's per-field schemas for every organization cost more
 * than reading the page. The pass accepts exactly what `organizationsResponseSchema` accepts
 * and yields the same value (known fields only, in schema order); a page it refuses is handed
 * to the schema, so the error names the failing field exactly as the schema does. A property
 * test holds the two to agreement.
 */
import type { z } from 'zod';
import { isUuid } from './ids';
import type { Link } from './paging';
import { parseResponse } from './schema';
import {
  type BasicOrganization,
  ORG_STATUSES,
  organizationsResponseSchema,
} from './organization-schemas';

export type OrganizationsResponse = z.infer<typeof organizationsResponseSchema>;

type Attribute = NonNullable<BasicOrganization['attributes']>[number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStatus(value: unknown): value is BasicOrganization['status'] {
  return value === ORG_STATUSES[0] || value === ORG_STATUSES[1];
}

function checkLinks(value: unknown): Link[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const links: Link[] = [];
  for (const item of value as unknown[]) {
    if (!isRecord(item)) return undefined;
    const { href, rel } = item;
    if (typeof href !== 'string' || typeof rel !== 'string') return undefined;
    links.push({ href, rel });
  }
  return links;
}

function checkAttributes(value: unknown): Attribute[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const attributes: Attribute[] = [];
  for (const item of value as unknown[]) {
    if (!isRecord(item)) return undefined;
    const { key, value: text } = item;
    if (typeof key !== 'string' || typeof text !== 'string') return undefined;
    attributes.push({ key, value: text });
  }
  return attributes;
}

function checkOrganization(value: unknown): BasicOrganization | undefined {
  if (!isRecord(value)) return undefined;
  const { id, name, orgHandle, status, version, hasChildren, ref, attributes } = value;
  if (!isUuid(id) || typeof name !== 'string' || typeof orgHandle !== 'string') return undefined;
  if (!isStatus(status)) return undefined;
  const organization: BasicOrganization = { id, name, orgHandle, status };
  if (version !== undefined) {
    if (typeof version !== 'string') return undefined;
    organization.version = version;
  }
  if (hasChildren !== undefined) {
    if (typeof hasChildren !== 'boolean') return undefined;
    organization.hasChildren = hasChildren;
  }
  if (ref !== undefined) {
    if (typeof ref !== 'string') return undefined;
    organization.ref = ref;
  }
  if (attributes !== undefined) {
    const checked = checkAttributes(attributes);
    if (checked === undefined) return undefined;
    organization.attributes = checked;
  }
  return organization;
}

/** The page as the schema would return it, or `undefined` when the schema would refuse it. */
export function checkOrganizationsPage(body: unknown): OrganizationsResponse | undefined {
  if (!isRecord(body)) return undefined;
  const page: OrganizationsResponse = {};
  if (body.links !== undefined) {
    const links = checkLinks(body.links);
    if (links === undefined) return undefined;
    page.links = links;
  }
  if (body.organizations !== undefined) {
    if (!Array.isArray(body.organizations)) return undefined;
    const organizations: BasicOrganization[] = [];
    for (const item of body.organizations as unknown[]) {
      const organization = checkOrganization(item);
      if (organization === undefined) return undefined;
      organizations.push(organization);
    }
    page.organizations = organizations;
  }
  return page;
}

/** Reads a page; a bad one throws `ResponseSchemaError` naming the field (`what` names the list). */
export function readOrganizationsPage(body: unknown, what: string): OrganizationsResponse {
  return checkOrganizationsPage(body) ?? parseResponse(organizationsResponseSchema, body, what);
}
