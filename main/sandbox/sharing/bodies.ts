/**
 * The JSON binding of the Agent Sharing API's request bodies: what WSO2's generated models
 * accept. Every field may be absent or null (the REST layer decides what null means); a value
 * of the wrong JSON type is rejected like a Jackson mapping failure (`UE-10000`).
 */
import { z } from 'zod';
import type { RequestContext } from '../http';
import { invalidRequest } from './errors';

const nullableString = z.string().nullish();

export const roleSchema = z
  .object({
    displayName: nullableString,
    audience: z.object({ display: nullableString, type: nullableString }).nullish(),
  })
  .nullable();

export const roleAssignmentSchema = z
  .object({
    mode: z.enum(['NONE', 'SELECTED']).nullish(),
    roles: z.array(roleSchema).nullish(),
  })
  .nullish();

const agentCriteriaSchema = z
  .object({ agentIds: z.array(z.string().nullable()).nullish() })
  .nullish();

export const selectiveShareSchema = z.object({
  agentCriteria: agentCriteriaSchema,
  organizations: z
    .array(
      z
        .object({
          orgId: nullableString,
          policy: nullableString,
          roleAssignment: roleAssignmentSchema,
        })
        .nullable(),
    )
    .nullish(),
});

export const generalShareSchema = z.object({
  agentCriteria: agentCriteriaSchema,
  policy: nullableString,
  roleAssignment: roleAssignmentSchema,
});

export const selectiveUnshareSchema = z.object({
  agentCriteria: agentCriteriaSchema,
  orgIds: z.array(z.string().nullable()).nullish(),
});

export const generalUnshareSchema = z.object({ agentCriteria: agentCriteriaSchema });

export const patchSchema = z.object({
  agentCriteria: agentCriteriaSchema,
  Operations: z
    .array(
      z
        .object({ op: nullableString, path: nullableString, value: z.array(roleSchema).nullish() })
        .nullable(),
    )
    .nullish(),
});

export type RoleBody = z.infer<typeof roleSchema>;
export type RoleAssignmentBody = z.infer<typeof roleAssignmentSchema>;
export type AgentCriteriaBody = z.infer<typeof agentCriteriaSchema>;
export type SelectiveShareBody = z.infer<typeof selectiveShareSchema>;
export type GeneralShareBody = z.infer<typeof generalShareSchema>;
export type SelectiveUnshareBody = z.infer<typeof selectiveUnshareSchema>;
export type GeneralUnshareBody = z.infer<typeof generalUnshareSchema>;
export type PatchBody = z.infer<typeof patchSchema>;

/**
 * The request body as JSON, or null when there is none (the REST layer then answers with the
 * endpoint's "invalid request body" error).
 */
export async function readJson(ctx: RequestContext): Promise<unknown> {
  const raw = (await ctx.body()).toString('utf8');
  if (raw.trim() === '') return null;
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw invalidRequest(`Unsupported content type '${type || 'none'}'.`, ctx.traceId, 415);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalidRequest(
      'Provided request body content is not in the expected format.',
      ctx.traceId,
    );
  }
}

/** Binds a JSON value to a model; `null` stays null, a mismatch names the failing field. */
export function bind<T>(schema: z.ZodType<T>, value: unknown, traceId: string): T | null {
  if (value === null) return null;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? fieldName(issue.path) : '';
  const where = field === '' ? 'the request body' : `'${field}'`;
  throw invalidRequest(
    `Invalid value for ${where}: ${issue?.message ?? 'unexpected value'}.`,
    traceId,
  );
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`,
    )
    .join('');
}
