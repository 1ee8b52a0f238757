/**
 * SCIM PatchOp and PUT for agents, covering what WSO2's Console sends: `replace` of the
 * secret (`{"password": …}`), of the lock (`{"urn:scim:wso2:schema": {"accountLocked": …}}`)
 * and of agent-schema attributes, with or without a `path`. `userName` is immutable.
 */
import { z } from 'zod';
import { scimError } from '../http';
import type { Agent } from '../model';
import { AGENT_SCHEMA, WSO2_SCHEMA } from './present';

const booleanish = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const agentExtension = z
  .object({
    DisplayName: z.string().optional(),
    Description: z.string().optional(),
    Owner: z.string().optional(),
    IsUserServingAgent: booleanish.optional(),
  })
  .catchall(z.unknown());

export const wso2Extension = z
  .object({ accountLocked: booleanish.optional() })
  .catchall(z.unknown());

const patchBody = z.object({
  schemas: z.array(z.string()).optional(),
  Operations: z
    .array(
      z.object({
        op: z
          .string()
          .transform((op) => op.toLowerCase())
          .pipe(z.enum(['add', 'replace', 'remove'])),
        path: z.string().optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1),
});

/** A change to apply: the same fields a PUT or PATCH can touch. */
export interface AgentChange {
  password?: string;
  accountLocked?: boolean;
  extension: Record<string, unknown>;
  removed: string[];
}

const KNOWN = ['DisplayName', 'Description', 'Owner', 'IsUserServingAgent'];

function invalid(detail: string, scimType = 'invalidValue'): never {
  throw scimError(400, detail, scimType);
}

function parseOrFail<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return invalid(`Invalid ${what}: ${issue.path.join('.') || 'value'}: ${issue.message}`);
}

/** Applies one attribute (top-level name or schema-qualified path) to a change. */
function applyValue(change: AgentChange, name: string, value: unknown): void {
  const lower = name.toLowerCase();
  if (lower === 'password') {
    if (typeof value !== 'string' || value === '')
      invalid('The password must be a non-empty string.');
    change.password = value;
  } else if (lower === 'username') {
    invalid('Attribute userName is immutable.', 'mutability');
  } else if (lower === WSO2_SCHEMA) {
    const ext = parseOrFail(wso2Extension, value, WSO2_SCHEMA);
    if (ext.accountLocked !== undefined) change.accountLocked = ext.accountLocked;
  } else if (lower === AGENT_SCHEMA) {
    Object.assign(change.extension, parseOrFail(agentExtension, value, AGENT_SCHEMA));
  } else if (lower.startsWith(`${WSO2_SCHEMA}:`) || lower.startsWith(`${WSO2_SCHEMA}.`)) {
    applyValue(change, WSO2_SCHEMA, { [name.slice(WSO2_SCHEMA.length + 1)]: value });
  } else if (lower.startsWith(`${AGENT_SCHEMA}:`) || lower.startsWith(`${AGENT_SCHEMA}.`)) {
    applyValue(change, AGENT_SCHEMA, { [name.slice(AGENT_SCHEMA.length + 1)]: value });
  } else if (lower !== 'schemas' && lower !== 'id' && lower !== 'meta') {
    invalid(`Attribute ${name} is not supported for agents.`, 'invalidPath');
  }
}

export function parsePatch(body: unknown): AgentChange {
  const { Operations } = parseOrFail(patchBody, body, 'patch request');
  const change: AgentChange = { extension: {}, removed: [] };
  for (const operation of Operations) {
    if (operation.op === 'remove') {
      const path = operation.path ?? invalid('A remove operation needs a path.', 'noTarget');
      const attribute = path.replace(new RegExp(`^${AGENT_SCHEMA}[.:]`, 'i'), '');
      if (attribute === path || KNOWN.includes(attribute)) {
        invalid(`Attribute ${path} cannot be removed.`, 'mutability');
      }
      change.removed.push(attribute);
    } else if (operation.path !== undefined) {
      applyValue(change, operation.path, operation.value);
    } else {
      if (
        typeof operation.value !== 'object' ||
        operation.value === null ||
        Array.isArray(operation.value)
      ) {
        invalid('An operation without a path needs an object value.');
      }
      for (const [name, value] of Object.entries(operation.value)) applyValue(change, name, value);
    }
  }
  return change;
}

/** PUT: the full representation; missing agent attributes keep their values here. */
export function parsePut(body: unknown, agent: Agent): AgentChange {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    invalid('The body must be an object.');
  const change: AgentChange = { extension: {}, removed: [] };
  for (const [name, value] of Object.entries(body)) {
    if (name.toLowerCase() === 'username') {
      if (value !== agent.userName && value !== agent.id)
        invalid('Attribute userName is immutable.', 'mutability');
      continue;
    }
    applyValue(change, name, value);
  }
  return change;
}

export function applyChange(agent: Agent, change: AgentChange, nowIso: string): void {
  const ext = change.extension;
  if (change.password !== undefined) agent.password = change.password;
  if (change.accountLocked !== undefined) {
    agent.accountLocked = change.accountLocked;
    if (!change.accountLocked) agent.failedLogins = 0;
  }
  if (typeof ext.DisplayName === 'string') agent.displayName = ext.DisplayName;
  if (typeof ext.Description === 'string') agent.description = ext.Description;
  if (typeof ext.Owner === 'string') agent.owner = ext.Owner;
  if (typeof ext.IsUserServingAgent === 'boolean')
    agent.isUserServingAgent = ext.IsUserServingAgent;
  const extra = Object.fromEntries(Object.entries(ext).filter(([k]) => !KNOWN.includes(k)));
  agent.extension = { ...agent.extension, ...extra };
  for (const name of change.removed) delete agent.extension[name];
  agent.lastModified = nowIso;
}
