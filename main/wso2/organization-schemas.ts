/**
 * The shapes of the Organization Management API's answers (reference §7), as zod schemas.
 */
import { z } from 'zod';
import { uuidSchema } from './ids';
import { linkSchema } from './paging';

export const ORG_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

const attributeSchema = z.object({ key: z.string(), value: z.string() });

export const basicOrganizationSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  orgHandle: z.string(),
  status: z.enum(ORG_STATUSES),
  version: z.string().optional(),
  /** Not required by the spec; absent is read as "unknown" by callers. */
  hasChildren: z.boolean().optional(),
  ref: z.string().optional(),
  attributes: z.array(attributeSchema).optional(),
});
export type BasicOrganization = z.infer<typeof basicOrganizationSchema>;

/** `{}` when nothing matches (no `organizations`, no `links`). */
export const organizationsResponseSchema = z.object({
  links: z.array(linkSchema).optional(),
  organizations: z.array(basicOrganizationSchema).optional(),
});

export const organizationSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  orgHandle: z.string(),
  description: z.string().optional(),
  status: z.enum(ORG_STATUSES),
  version: z.string().optional(),
  created: z.string().optional(),
  lastModified: z.string().optional(),
  type: z.enum(['TENANT', 'STRUCTURAL']).optional(),
  hasChildren: z.boolean().optional(),
  parent: z.object({ id: uuidSchema, ref: z.string().optional() }).optional(),
  attributes: z.array(attributeSchema).optional(),
  permissions: z.array(z.string()).optional(),
  /** Ancestors up to the calling organization (root depth 0). */
  ancestorPath: z
    .array(z.object({ id: uuidSchema, name: z.string(), depth: z.number().int() }))
    .optional(),
});
export type Organization = z.infer<typeof organizationSchema>;
