/**
 * The built-in Sandbox profile. Its server is started by the caller-supplied launcher the
 * first time the profile is used; address and certificate change with every run, so they are
 * kept in memory and never written to the profile file.
 */
import type { Logger } from '../log/logger';
import { type Profile, SANDBOX_PROFILE_ID } from './schema';

export interface SandboxEndpoint {
  url: string;
  /** The sandbox's certificate (self-signed, a CA for itself). */
  caPem: string;
  fingerprint: string;
  /** The sandbox's admin application; its secret goes to the vault, never to the file. */
  adminClient?: { clientId: string; clientSecret: string };
}

export type SandboxLauncher = () => Promise<SandboxEndpoint>;

export function defaultSandboxProfile(): Profile {
  return {
    id: SANDBOX_PROFILE_ID,
    name: 'Sandbox',
    kind: 'wso2is',
    baseUrl: '',
    rootOrgHandle: 'carbon.super',
    adminAuth: { type: 'client-credentials', clientId: 'sharedesk-admin' },
    trust: { type: 'system' },
    agents: [],
    sandbox: true,
  };
}

/** Starts the sandbox once; concurrent callers share the start, a failed start can be retried. */
export function sandboxStarter(launch: SandboxLauncher | undefined, logger: Logger) {
  let running: Promise<SandboxEndpoint> | undefined;
  let endpoint: SandboxEndpoint | undefined;
  return {
    current: (): SandboxEndpoint | undefined => endpoint,
    ensure: (): Promise<SandboxEndpoint> => {
      if (launch === undefined) {
        return Promise.reject(new Error('This build has no sandbox to start.'));
      }
      running ??= launch().then(
        (started) => {
          endpoint = started;
          logger.info('sandbox started', { url: started.url, fingerprint: started.fingerprint });
          return started;
        },
        (error: unknown) => {
          running = undefined;
          throw error;
        },
      );
      return running;
    },
  };
}

/** The stored Sandbox profile with this run's address and certificate laid over it. */
export function withSandboxRuntime(
  profile: Profile,
  endpoint: SandboxEndpoint | undefined,
): Profile {
  if (endpoint === undefined) return profile;
  return {
    ...profile,
    baseUrl: endpoint.url.replace(/\/+$/, ''),
    trust: { type: 'ca', pem: endpoint.caPem },
    ...(endpoint.adminClient === undefined
      ? {}
      : {
          adminAuth: {
            type: 'client-credentials' as const,
            clientId: endpoint.adminClient.clientId,
          },
        }),
  };
}
