/**
 * Server profiles: listing, saving and removing them, the agents whose credentials the user
 * keeps for each, and the secrets that go with them (in the vault, never in the file).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { secretKey, type SecretPresence, type SecretStore } from '../vault';
import {
  defaultSandboxProfile,
  type SandboxEndpoint,
  type SandboxLauncher,
  sandboxStarter,
  withSandboxRuntime,
} from './sandbox';
import {
  adminAuthSchema,
  agentRefSchema,
  ASGARDEO_BASE_URLS,
  describeIssues,
  type AgentRef,
  PROFILE_KINDS,
  type Profile,
  profileIdSchema,
  profileSchema,
  SANDBOX_PROFILE_ID,
  trustSchema,
} from './schema';
import { type ConnectionReport, testConnection } from './connection-test';
import type { ProfileStore, StoreHealth } from './store';

/** What the user submits; the id is assigned on creation, Asgardeo base URLs are filled in. */
export const profileInputSchema = z.object({
  id: profileIdSchema.optional(),
  name: z.string(),
  kind: z.enum(PROFILE_KINDS),
  baseUrl: z.string().optional(),
  rootOrgHandle: z.string(),
  adminAuth: adminAuthSchema,
  trust: trustSchema,
  proxyUrl: z.string().optional(),
  agents: z.array(agentRefSchema).optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export interface FieldIssue {
  /** A dotted path into the submitted value, e.g. `trust.sha256`; empty for the whole value. */
  field: string;
  message: string;
}

export class ProfileError extends Error {
  readonly code: 'INVALID' | 'NOT_FOUND' | 'READ_ONLY';
  /** For `INVALID`: every failing field with its message, so a form can mark each one. */
  readonly fieldErrors: readonly FieldIssue[];

  constructor(
    code: 'INVALID' | 'NOT_FOUND' | 'READ_ONLY',
    message: string,
    fieldErrors: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ProfileError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** For `INVALID`: the first failing field, e.g. `baseUrl` or `trust.sha256`. */
  get field(): string | undefined {
    return this.fieldErrors[0]?.field;
  }
}

/** Everything a service needs to reach a profile's server (the Sandbox started if needed). */
export interface ConnectionTarget {
  profileId: string;
  kind: Profile['kind'];
  baseUrl: string;
  rootOrgHandle: string;
  trust: Profile['trust'];
  proxyUrl?: string;
  adminAuth: Profile['adminAuth'];
}

export interface ProfileSecretsView {
  clientSecret: SecretPresence;
  agents: Record<string, SecretPresence>;
}

export interface ProfileServiceOptions {
  store: ProfileStore;
  vault: SecretStore;
  logger: Logger;
  startSandbox?: SandboxLauncher;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fieldErrors = result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    throw new ProfileError('INVALID', `${what}: ${describeIssues(result.error)}`, fieldErrors);
  }
  return result.data;
}

export function createProfileService(options: ProfileServiceOptions) {
  const { store, vault, logger } = options;
  const sandbox = sandboxStarter(options.startSandbox, logger);

  if (!store.read().some((profile) => profile.id === SANDBOX_PROFILE_ID)) {
    store.write([defaultSandboxProfile(), ...store.read()]);
  }

  const overlay = (profile: Profile): Profile =>
    profile.sandbox === true ? withSandboxRuntime(profile, sandbox.current()) : profile;

  const find = (id: string): Profile => {
    const profile = store.read().find((candidate) => candidate.id === id);
    if (profile === undefined) throw new ProfileError('NOT_FOUND', `No profile "${id}".`);
    return overlay(profile);
  };

  /** Writes `next` in place of the profile with its id, or appends it. */
  const replace = (next: Profile): void => {
    const list = store.read();
    const index = list.findIndex((profile) => profile.id === next.id);
    if (index === -1) list.push(next);
    else list[index] = next;
    store.write(list);
  };

  const clientSecretKey = (profile: Profile): string =>
    secretKey(profile.id, 'client-secret', profile.adminAuth.clientId);

  /** Validates user input into a full profile (not stored), with the stored one it replaces. */
  const build = (input: unknown): { profile: Profile; previous: Profile | undefined } => {
    const submitted = parse(profileInputSchema, input, 'profile');
    if (submitted.id === SANDBOX_PROFILE_ID) {
      throw new ProfileError('READ_ONLY', 'The Sandbox profile is managed by the app.');
    }
    const id = submitted.id ?? `p-${randomBytes(4).toString('hex')}`;
    const previous = store.read().find((profile) => profile.id === id);
    const profile = parse(
      profileSchema,
      {
        ...submitted,
        id,
        baseUrl:
          submitted.kind === 'wso2is'
            ? (submitted.baseUrl ?? '')
            : ASGARDEO_BASE_URLS[submitted.kind],
        agents: submitted.agents ?? previous?.agents ?? [],
      },
      'profile',
    );
    return { profile, previous };
  };

  const save = async (
    input: unknown,
    secrets: { clientSecret?: string } = {},
  ): Promise<Profile> => {
    const { profile, previous } = build(input);
    const id = profile.id;

    if (previous !== undefined && previous.adminAuth.clientId !== profile.adminAuth.clientId) {
      await vault.delete(clientSecretKey(previous));
    }
    if (secrets.clientSecret !== undefined && secrets.clientSecret !== '') {
      await vault.set(clientSecretKey(profile), secrets.clientSecret);
    }
    replace(profile);
    logger.info(previous === undefined ? 'profile created' : 'profile updated', { id });
    return profile;
  };

  const remove = async (id: string): Promise<void> => {
    const profile = find(id);
    if (profile.sandbox === true) throw new ProfileError('READ_ONLY', 'The Sandbox profile stays.');
    await vault.delete(clientSecretKey(profile));
    for (const agent of profile.agents) {
      await vault.delete(secretKey(id, 'agent-secret', agent.agentId));
    }
    store.write(store.read().filter((candidate) => candidate.id !== id));
    logger.info('profile removed', { id });
  };

  const saveAgent = async (
    profileId: string,
    agent: unknown,
    secret?: string,
  ): Promise<Profile> => {
    const ref: AgentRef = parse(agentRefSchema, agent, 'agent');
    const stored = store.read().find((profile) => profile.id === profileId);
    if (stored === undefined) throw new ProfileError('NOT_FOUND', `No profile "${profileId}".`);
    const agents = [...stored.agents.filter((a) => a.agentId !== ref.agentId), ref];
    const next = parse(profileSchema, { ...stored, agents }, 'profile');
    if (secret !== undefined && secret !== '') {
      await vault.set(secretKey(profileId, 'agent-secret', ref.agentId), secret);
    }
    replace(next);
    return overlay(next);
  };

  const removeAgent = async (profileId: string, agentId: string): Promise<Profile> => {
    const stored = store.read().find((profile) => profile.id === profileId);
    if (stored === undefined) throw new ProfileError('NOT_FOUND', `No profile "${profileId}".`);
    await vault.delete(secretKey(profileId, 'agent-secret', agentId));
    const next = { ...stored, agents: stored.agents.filter((a) => a.agentId !== agentId) };
    replace(next);
    return overlay(next);
  };

  /** Starts the Sandbox on first use and stores its admin secret in the vault. */
  const ensureSandbox = async (): Promise<SandboxEndpoint> => {
    const first = sandbox.current() === undefined;
    const endpoint = await sandbox.ensure();
    if (first && endpoint.adminClient !== undefined) {
      const key = secretKey(SANDBOX_PROFILE_ID, 'client-secret', endpoint.adminClient.clientId);
      await vault.set(key, endpoint.adminClient.clientSecret);
    }
    return endpoint;
  };

  const connectionFor = async (profileId: string): Promise<ConnectionTarget> => {
    if (profileId === SANDBOX_PROFILE_ID) await ensureSandbox();
    return targetOf(find(profileId));
  };
  const testLogger = logger.child('connection-test');

  return {
    list: (): Profile[] => store.read().map(overlay),
    get: (id: string): Profile => find(id),
    save,
    remove,
    saveAgent,
    removeAgent,
    health: (): StoreHealth => store.health(),

    /** Renderer-safe: whether each secret is set, with a masked hint. */
    secrets: async (profileId: string): Promise<ProfileSecretsView> => {
      const profile = find(profileId);
      const agents: Record<string, SecretPresence> = {};
      for (const agent of profile.agents) {
        agents[agent.agentId] = await vault.presence(
          secretKey(profileId, 'agent-secret', agent.agentId),
        );
      }
      return { clientSecret: await vault.presence(clientSecretKey(profile)), agents };
    },

    /** Main process only: the admin client's secret, for the token request. */
    clientSecret: async (profileId: string): Promise<string | undefined> => {
      if (profileId === SANDBOX_PROFILE_ID) await ensureSandbox();
      return vault.get(clientSecretKey(find(profileId)));
    },

    /** Main process only: an agent's secret, for agent login. */
    agentSecret: (profileId: string, agentId: string): Promise<string | undefined> =>
      vault.get(secretKey(profileId, 'agent-secret', agentId)),

    connectionFor,

    /** Runs the connection checks for a stored profile (starting the Sandbox if needed). */
    testConnection: async (profileId: string): Promise<ConnectionReport> => {
      const target = await connectionFor(profileId);
      return testConnection(target, {
        logger: testLogger,
        clientSecret: () => vault.get(clientSecretKey(find(profileId))),
      });
    },

    /**
     * Runs the checks for a profile being edited, before it is saved. Without a new secret,
     * the stored one is used if the draft keeps the stored profile's client id.
     */
    testDraft: async (input: unknown, clientSecret?: string): Promise<ConnectionReport> => {
      const { profile, previous } = build(input);
      const sameClient = previous?.adminAuth.clientId === profile.adminAuth.clientId;
      return testConnection(targetOf(profile), {
        logger: testLogger,
        clientSecret: async () =>
          clientSecret ??
          (sameClient && previous ? vault.get(clientSecretKey(previous)) : undefined),
      });
    },
  };
}

function targetOf(profile: Profile): ConnectionTarget {
  return {
    profileId: profile.id,
    kind: profile.kind,
    baseUrl: profile.baseUrl,
    rootOrgHandle: profile.rootOrgHandle,
    trust: profile.trust,
    ...(profile.proxyUrl === undefined ? {} : { proxyUrl: profile.proxyUrl }),
    adminAuth: profile.adminAuth,
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
