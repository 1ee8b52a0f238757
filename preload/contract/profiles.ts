/** Server profiles: the servers ShareDesk manages, their trust and credentials. */
import { z } from 'zod';
import { call } from './define';

export const profileId = z.string().min(1).max(63);
/** A secret travels only into the main process; it is never sent back. */
const secretInput = z.string().min(1, 'must not be empty').max(4096);

export const secretPresence = z.object({ set: z.boolean(), hint: z.string().optional() });
export type SecretPresenceView = z.infer<typeof secretPresence>;

export const PROFILE_KINDS = ['wso2is', 'asgardeo-us', 'asgardeo-eu'] as const;
export const profileKind = z.enum(PROFILE_KINDS);
export type ProfileKind = (typeof PROFILE_KINDS)[number];

/**
 * Asgardeo's fixed API hosts, one per region; the root organization is addressed as
 * `/t/{handle}`. The main process stores them and the profile form shows them.
 */
export const ASGARDEO_BASE_URLS: Record<Exclude<ProfileKind, 'wso2is'>, string> = {
  'asgardeo-us': 'https://api.asgardeo.io',
  'asgardeo-eu': 'https://api.eu.asgardeo.io',
};

export const trust = z.discriminatedUnion('type', [
  z.object({ type: z.literal('system') }),
  z.object({ type: z.literal('ca'), pem: z.string().max(64 * 1024) }),
  z.object({ type: z.literal('pin'), sha256: z.string().max(200) }),
]);

export const adminAuth = z.object({
  type: z.enum(['client-credentials', 'interactive']),
  clientId: z.string().max(200),
});

export const profileView = z.object({
  id: z.string(),
  name: z.string(),
  kind: profileKind,
  baseUrl: z.string(),
  rootOrgHandle: z.string(),
  adminAuth,
  trust,
  proxyUrl: z.string().optional(),
  sandbox: z.boolean(),
  clientSecret: secretPresence,
  agents: z.array(z.object({ agentId: z.string(), label: z.string(), secret: secretPresence })),
});
export type ProfileView = z.infer<typeof profileView>;

export const profileDraft = z
  .object({
    id: z.string().max(63).optional(),
    name: z.string().max(100),
    kind: profileKind,
    baseUrl: z.string().max(2048).optional(),
    rootOrgHandle: z.string().max(100),
    adminAuth,
    trust,
    proxyUrl: z.string().max(2048).optional(),
  })
  .strict();
export type ProfileDraft = z.infer<typeof profileDraft>;

export const connectionReport = z.object({
  ok: z.boolean(),
  checks: z.array(
    z.object({
      id: z.enum(['discovery', 'tls', 'credentials', 'scopes']),
      status: z.enum(['pass', 'fail', 'skipped']),
      detail: z.string(),
    }),
  ),
});
export type ConnectionReportView = z.infer<typeof connectionReport>;

export const certificateView = z.object({
  sha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
  validFrom: z.string(),
  validTo: z.string(),
  trusted: z.boolean(),
  verifyCode: z.string().optional(),
});
export type CertificateView = z.infer<typeof certificateView>;

export const profilesState = z.object({
  profiles: z.array(profileView),
  activeProfileId: z.string().nullable(),
  /** Set when the profile file was unreadable and moved aside at start. */
  storeProblem: z.string().optional(),
});
export type ProfilesState = z.infer<typeof profilesState>;

const empty = z.object({}).strict();

export const profileCalls = {
  listProfiles: call(empty, profilesState),
  saveProfile: call(
    z.object({ profile: profileDraft, clientSecret: secretInput.optional() }).strict(),
    profileView,
  ),
  removeProfile: call(z.object({ profileId }).strict(), z.object({})),
  selectProfile: call(z.object({ profileId }).strict(), profilesState),
  saveAgentCredential: call(
    z
      .object({
        profileId,
        agentId: z.string().min(1).max(200),
        label: z.string().max(100),
        secret: secretInput.optional(),
      })
      .strict(),
    profileView,
  ),
  removeAgentCredential: call(
    z.object({ profileId, agentId: z.string().min(1).max(200) }).strict(),
    profileView,
  ),
  testConnection: call(
    z.union([
      z.object({ profileId }).strict(),
      z.object({ draft: profileDraft, clientSecret: secretInput.optional() }).strict(),
    ]),
    connectionReport,
  ),
  probeCertificate: call(z.object({ url: z.string().max(2048) }).strict(), certificateView),
};
