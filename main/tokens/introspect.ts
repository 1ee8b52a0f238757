/**
 * Token introspection (RFC 7662) as WSO2 answers it: `active` always, the other fields only for
 * active tokens. Unknown fields are kept, since servers add their own. The HTTP call is made by
 * the caller's client through the injected `post`.
 */
import { z } from 'zod';
import { fieldIssues, type FieldIssue } from './schema-issues';

const optionalText = z.string().optional();
const optionalTime = z.number().optional();

export const IntrospectionSchema = z.looseObject({
  active: z.boolean(),
  scope: optionalText,
  client_id: optionalText,
  username: optionalText,
  token_type: optionalText,
  exp: optionalTime,
  iat: optionalTime,
  nbf: optionalTime,
  sub: optionalText,
  iss: optionalText,
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  aut: optionalText,
  org_id: optionalText,
  org_name: optionalText,
  org_handle: optionalText,
  jti: optionalText,
  /** WSO2 sends `act` here as a string, and only for impersonation tokens. */
  act: optionalText,
});

export type Introspection = z.infer<typeof IntrospectionSchema>;

export const KNOWN_INTROSPECTION_FIELDS: readonly string[] = Object.keys(IntrospectionSchema.shape);

export type IntrospectionOutcome =
  { ok: true; value: Introspection } | { ok: false; issues: FieldIssue[] };

export function parseIntrospection(body: unknown): IntrospectionOutcome {
  const parsed = IntrospectionSchema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: fieldIssues(parsed.error) };
}

export interface IntrospectRequest {
  token: string;
  tokenTypeHint?: 'access_token' | 'refresh_token';
  /** Sends the form to the issuer's introspection endpoint and returns the parsed JSON body. */
  post: (form: Record<string, string>) => Promise<unknown>;
}

/** Asks the server about a token; transport errors from `post` propagate unchanged. */
export async function introspectToken(request: IntrospectRequest): Promise<IntrospectionOutcome> {
  const form: Record<string, string> = { token: request.token };
  if (request.tokenTypeHint !== undefined) form.token_type_hint = request.tokenTypeHint;
  return parseIntrospection(await request.post(form));
}
