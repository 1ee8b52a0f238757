/**
 * The inputs of the flows as they arrive from the UI: parsed with a schema before anything
 * else happens, so a bad value is refused, named, and never reaches a request.
 */
import { z } from 'zod';
import { uuidSchema } from '../wso2/ids';
import { formatPath } from '../wso2/schema';
import { FlowFailure } from './errors';

/** RFC 6749 §3.3 scope-token characters. */
const scopeSchema = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,200}$/, 'not a scope token');
const scopesSchema = z.array(scopeSchema).max(100);
const clientIdSchema = z.string().min(1).max(200);
const refSchema = z.string().min(1).max(100);

const redirectUriSchema = z
  .string()
  .max(2000)
  .refine((value) => URL.canParse(value), 'not a URL');

/** RFC 8707: an absolute URI without a fragment. */
const resourceSchema = z
  .string()
  .max(2000)
  .refine((value) => URL.canParse(value) && !value.includes('#'), 'not an absolute URI');

export const agentLoginInputSchema = z.object({
  agentId: uuidSchema,
  /** The application with API-based authentication the agent signs in through. */
  clientId: clientIdSchema,
  /** A redirect URI registered with that application (no redirect happens). */
  redirectUri: redirectUriSchema,
  scopes: scopesSchema,
  resource: resourceSchema.optional(),
});
export type AgentLoginInput = z.infer<typeof agentLoginInputSchema>;

export const switchInputSchema = z.object({
  /** A held root token, or the profile's admin application (client credentials). */
  from: z.union([z.object({ tokenRef: refSchema }), z.object({ admin: z.literal(true) })]),
  organizationId: uuidSchema,
  scopes: scopesSchema,
  /** Ask the server even when a fitting token is held. */
  fresh: z.boolean().optional(),
});
export type SwitchInput = z.infer<typeof switchInputSchema>;

export const oboInputSchema = z.object({
  organizationId: uuidSchema,
  /** The shared agent that will act for the user (`requested_actor`). */
  agentId: uuidSchema,
  /** The public client the user consents to. */
  clientId: clientIdSchema,
  scopes: scopesSchema,
  resource: resourceSchema.optional(),
  /** The agent's token in that organization: a held one, or signed in and switched now. */
  actor: z.union([
    z.object({ tokenRef: refSchema }),
    z.object({
      login: z.object({
        clientId: clientIdSchema,
        redirectUri: redirectUriSchema,
        scopes: scopesSchema,
      }),
    }),
  ]),
  /** Open the sign-in in an isolated throw-away window instead of the system browser. */
  isolated: z.boolean().optional(),
  timeoutMs: z
    .number()
    .int()
    .min(1)
    .max(30 * 60_000)
    .optional(),
});
export type OboInput = z.infer<typeof oboInputSchema>;

export const tokenRefSchema = refSchema;

/** Parses `value`; a mismatch becomes `invalid_input` naming the first failing field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue === undefined ? '' : formatPath(issue.path);
  const message = issue === undefined ? 'invalid input' : `${field || 'input'}: ${issue.message}`;
  throw new FlowFailure('invalid_input', message, { field });
}
