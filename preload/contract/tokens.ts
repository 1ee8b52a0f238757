/** The token inspector: decode, verify, explain, introspect and diff tokens. */
import { z } from 'zod';
import { call } from './define';
import { jsonValue } from './json';

/** A pasted token, capped well above any real JWT and below anything abusive. */
export const rawToken = z
  .string()
  .min(1, 'paste a token')
  .max(64 * 1024, 'token is over 64 KiB');

/** A token the app holds, by reference, or one pasted by the user. */
export const tokenSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('raw'), token: rawToken }).strict(),
  z.object({ kind: z.literal('held'), tokenRef: z.string().min(1).max(128) }).strict(),
]);
export type TokenSource = z.infer<typeof tokenSource>;

export const claimExplanation = z.object({
  claim: z.string(),
  value: jsonValue,
  meaning: z.string(),
  display: z.string(),
  origin: z.enum(['standard', 'wso2', 'other']),
  items: z.array(z.string()).optional(),
  problem: z.string().optional(),
});
export type ClaimExplanationView = z.infer<typeof claimExplanation>;

export const actorLink = z.object({
  depth: z.number(),
  sub: z.string().nullable(),
  label: z.enum(['current actor', 'prior (informational)']),
  flags: z.array(z.string()),
});

export const actorChain = z.object({
  links: z.array(actorLink),
  truncated: z.boolean(),
  warnings: z.array(z.string()),
});
export type ActorChainView = z.infer<typeof actorChain>;

const codedMessage = z.object({
  code: z.string(),
  message: z.string(),
  claim: z.string().optional(),
});

export const inspectionReport = z.object({
  kind: z.enum(['jwt', 'opaque', 'malformed']),
  preview: z.string(),
  length: z.number(),
  header: z.array(z.object({ name: z.string(), value: jsonValue, display: z.string() })),
  claims: z.array(claimExplanation),
  actorChain,
  verification: z.object({
    state: z.enum(['verified', 'invalid', 'unverifiable']),
    signature: z.enum(['valid', 'invalid', 'not_checked']),
    reasons: z.array(codedMessage),
    warnings: z.array(codedMessage),
  }),
  expiry: z.object({
    state: z.enum(['valid', 'expired', 'not_yet_valid', 'no_expiry', 'unreadable']),
    expiresAt: z.string().optional(),
    relative: z.string().optional(),
  }),
  problems: z.array(
    z.object({ code: z.string(), message: z.string(), segment: z.string().optional() }),
  ),
  warnings: z.array(z.string()),
  introspection: z
    .object({
      state: z.enum(['active', 'inactive', 'failed']),
      claims: z.array(claimExplanation),
      otherFields: z.array(z.string()),
      problem: z.string().optional(),
    })
    .optional(),
});
export type InspectionReportView = z.infer<typeof inspectionReport>;

const claimChange = z.enum(['added', 'removed', 'changed', 'same']);

export const tokenDiff = z.object({
  claims: z.array(
    z.object({
      claim: z.string(),
      change: claimChange,
      before: jsonValue.optional(),
      after: jsonValue.optional(),
      highlight: z.boolean(),
      entries: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }).optional(),
    }),
  ),
  counts: z.record(claimChange, z.number()),
});
export type TokenDiffView = z.infer<typeof tokenDiff>;

export const tokenCalls = {
  /** Decodes, verifies against the profile's issuer (when given) and explains a token. */
  inspectToken: call(
    z
      .object({
        source: tokenSource,
        profileId: z.string().max(64).optional(),
        introspect: z.boolean().default(false),
      })
      .strict(),
    inspectionReport,
  ),
  diffTokens: call(z.object({ a: tokenSource, b: tokenSource }).strict(), tokenDiff),
};
