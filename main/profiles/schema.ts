/**
 * What a server profile is, as stored (schema version 2) and as accepted from the user.
 * Secrets are not part of it: they live in the vault under the profile's id.
 */
import { z } from 'zod';
import { ASGARDEO_BASE_URLS, PROFILE_KINDS } from '../../preload/contract/profiles';

export {
  ASGARDEO_BASE_URLS,
  PROFILE_KINDS,
  type ProfileKind,
} from '../../preload/contract/profiles';

export const SANDBOX_PROFILE_ID = 'sandbox';

/** Ids and client ids also name vault entries, so they share the vault's segment rules. */
const keySegment = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,199}$/, 'use letters, digits, . _ @ - (up to 200)')
  .refine((value) => !value.includes('..'), 'must not contain ".."');

export const profileIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and - (up to 63)');

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}

function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/';
  } catch {
    return false;
  }
}

export const trustSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('system') }),
  z.object({
    type: z.literal('ca'),
    pem: z
      .string()
      .includes('-----BEGIN CERTIFICATE-----', { message: 'must be a PEM certificate' }),
  }),
  z.object({
    type: z.literal('pin'),
    sha256: z
      .string()
      .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'must be a SHA-256 fingerprint like AB:CD:…'),
  }),
]);

export const adminAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('client-credentials'), clientId: keySegment }),
  z.object({ type: z.literal('interactive'), clientId: keySegment }),
]);

export const agentRefSchema = z.object({
  agentId: keySegment,
  label: z.string().trim().max(100),
});

export const profileSchema = z
  .object({
    id: profileIdSchema,
    name: z.string().trim().min(1, 'must not be empty').max(100),
    kind: z.enum(PROFILE_KINDS),
    /** Empty only for the Sandbox profile before its server has started. */
    baseUrl: z
      .string()
      .trim()
      .refine(
        (value) => value === '' || isHttpsUrl(value),
        'must be an https:// URL without credentials, query or fragment',
      )
      .transform((value) => value.replace(/\/+$/, '')),
    rootOrgHandle: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be an organization handle'),
    adminAuth: adminAuthSchema,
    trust: trustSchema,
    proxyUrl: z.string().refine(isProxyUrl, 'must be an http:// or https:// proxy URL').optional(),
    agents: z.array(agentRefSchema).max(500).default([]),
    sandbox: z.literal(true).optional(),
  })
  .superRefine((profile, ctx) => {
    if (profile.baseUrl === '' && profile.sandbox !== true) {
      ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'must not be empty' });
    }
    if (profile.kind !== 'wso2is' && profile.baseUrl !== ASGARDEO_BASE_URLS[profile.kind]) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseUrl'],
        message: `must be ${ASGARDEO_BASE_URLS[profile.kind]} for ${profile.kind}`,
      });
    }
    const ids = profile.agents.map((agent) => agent.agentId);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['agents'], message: 'lists an agent twice' });
    }
  });

export type Profile = z.infer<typeof profileSchema>;
export type ProfileTrust = z.infer<typeof trustSchema>;
export type AdminAuth = z.infer<typeof adminAuthSchema>;
export type AgentRef = z.infer<typeof agentRefSchema>;

export const CURRENT_SCHEMA_VERSION = 2;

export const storeDocumentSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  profiles: z.array(profileSchema),
});
export type StoreDocument = z.infer<typeof storeDocumentSchema>;

/** "profiles.1.baseUrl: must be an https:// URL …; …" — names each failing field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
