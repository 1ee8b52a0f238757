/**
 * Client of SCIM2 `/scim2/Agents` (reference §3): list with index paging, get one, create. The
 * secret the server generates on create is shown once; it comes back wrapped in `OneTimeSecret`
 * so it cannot slip into a log or a serialized object, and the caller hands it to the vault.
 */
import { z } from 'zod';
import { type CallOptions, type Wso2Api, scopeOf } from './api';
import { InvalidInputError } from './errors';
import { requireUuid } from './ids';
import { parseResponse } from './schema';
import { type ScimPage, type ScimPaging, checkPaging, scimListAll, scimListSchema } from './scim';

export const AGENT_SCHEMA = 'urn:scim:wso2:agent:schema';

/** The agent extension is claim-dialect driven; these are the attributes the Console uses. */
export const agentExtensionSchema = z.looseObject({
  DisplayName: z.string().optional(),
  Description: z.string().optional(),
  Owner: z.string().optional(),
  Url: z.string().optional(),
  AgentType: z.string().optional(),
  CallbackUrl: z.string().optional(),
  IsUserServingAgent: z.union([z.boolean(), z.string()]).optional(),
});
export type AgentExtension = z.infer<typeof agentExtensionSchema>;

const agentResourceSchema = z.object({
  id: z.string().min(1),
  userName: z.string().optional(),
  active: z.boolean().optional(),
  schemas: z.array(z.string()).optional(),
  [AGENT_SCHEMA]: agentExtensionSchema.optional(),
  meta: z
    .looseObject({
      created: z.string().optional(),
      lastModified: z.string().optional(),
      location: z.string().optional(),
      resourceType: z.string().optional(),
    })
    .optional(),
});

/** An agent as this app holds it: never with a `password`. */
export interface Agent {
  id: string;
  userName?: string | undefined;
  active?: boolean | undefined;
  extension: AgentExtension;
  created?: string | undefined;
  lastModified?: string | undefined;
}

/** `Agent` as stored (offline cache) and read back. */
export const agentSchema = z.object({
  id: z.string().min(1),
  userName: z.string().optional(),
  active: z.boolean().optional(),
  extension: agentExtensionSchema,
  created: z.string().optional(),
  lastModified: z.string().optional(),
});

const agentWithSecretSchema = agentResourceSchema.extend({ password: z.string().min(1) });
const agentListSchema = scimListSchema(agentResourceSchema);

/** A secret the server showed once. Printing or serializing it yields a placeholder. */
export class OneTimeSecret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself, to be passed straight to the vault. */
  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return '[one-time secret]';
  }

  toJSON(): string {
    return '[one-time secret]';
  }
}

export interface ListAgentsOptions extends CallOptions, ScimPaging {
  /** A SCIM filter built with `scimFilter`, e.g. on `urn:scim:wso2:agent:schema.DisplayName`. */
  filter?: string;
  excludedAttributes?: readonly string[];
}

export interface CreateAgentInput {
  extension: AgentExtension & { DisplayName: string };
}

export interface AgentsClient {
  listPage(options?: ListAgentsOptions): Promise<ScimPage<Agent>>;
  listAll(options?: Omit<ListAgentsOptions, 'startIndex'>): Promise<Agent[]>;
  get(agentId: string, options?: CallOptions): Promise<Agent>;
  /** Creates the agent; `secret` is the one-time generated secret (reference §3). */
  create(
    input: CreateAgentInput,
    options?: CallOptions,
  ): Promise<{ agent: Agent; secret: OneTimeSecret }>;
}

export const DEFAULT_AGENT_PAGE_SIZE = 100;

function toAgent(resource: z.infer<typeof agentResourceSchema>): Agent {
  return {
    id: resource.id,
    userName: resource.userName,
    active: resource.active,
    extension: resource[AGENT_SCHEMA] ?? {},
    created: resource.meta?.created,
    lastModified: resource.meta?.lastModified,
  };
}

export function createAgentsClient(api: Wso2Api): AgentsClient {
  const listPage = async (options: ListAgentsOptions = {}): Promise<ScimPage<Agent>> => {
    checkPaging(options);
    const startIndex = options.startIndex ?? 1;
    const response = await api.call({
      method: 'GET',
      family: 'scim2',
      path: 'Agents',
      query: {
        filter: options.filter,
        startIndex,
        count: options.count ?? DEFAULT_AGENT_PAGE_SIZE,
        excludedAttributes:
          options.excludedAttributes === undefined
            ? undefined
            : options.excludedAttributes.join(','),
      },
      ...scopeOf(options),
    });
    const body = parseResponse(agentListSchema, response.body, 'agent list');
    return {
      resources: (body.Resources ?? []).map(toAgent),
      totalResults: body.totalResults,
      startIndex: body.startIndex ?? startIndex,
    };
  };

  return {
    listPage,
    listAll: (options = {}) =>
      scimListAll((startIndex) => listPage({ ...options, startIndex }), 'agent list'),
    get: async (agentId, options) => {
      const id = requireUuid(agentId, 'agentId');
      const response = await api.call({
        method: 'GET',
        family: 'scim2',
        path: `Agents/${id}`,
        ...scopeOf(options),
      });
      return toAgent(parseResponse(agentResourceSchema, response.body, 'agent'));
    },
    create: async (input, options) => {
      const extension = agentExtensionSchema.safeParse(input.extension);
      if (!extension.success || input.extension.DisplayName.trim() === '') {
        throw new InvalidInputError('extension.DisplayName', 'required');
      }
      if ('password' in input.extension) {
        throw new InvalidInputError('extension', 'must not carry a password');
      }
      const response = await api.call({
        method: 'POST',
        family: 'scim2',
        path: 'Agents',
        json: { schemas: [AGENT_SCHEMA], [AGENT_SCHEMA]: extension.data },
        ...scopeOf(options),
      });
      const created = parseResponse(agentWithSecretSchema, response.body, 'created agent');
      return { agent: toAgent(created), secret: new OneTimeSecret(created.password) };
    },
  };
}
