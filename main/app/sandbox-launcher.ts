/**
 * Starts the embedded sandbox for the built-in Sandbox profile and gives the profile the demo
 * credentials, so a new user can sync the tree and run every flow at once. The sandbox is
 * in memory: its address and certificate change with each run.
 */
import type { Logger } from '../log/logger';
import type { ProfileService, SandboxEndpoint } from '../profiles';
import { SANDBOX_PROFILE_ID } from '../profiles';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { DEMO } from '../sandbox/data/demo-ids';
import { secretKey, type SecretStore } from '../vault';

export interface SandboxHandle {
  launch(): Promise<SandboxEndpoint>;
  current(): Sandbox | undefined;
  /** Stops the server; its data and certificate are kept for `restart`. */
  stop(): Promise<void>;
  /** Starts the stopped sandbox again on the same port, data and certificate. */
  restart(): Promise<void>;
}

const DEMO_AGENTS = [
  {
    agentId: DEMO.agents.supportAssistant,
    label: 'Support Assistant',
    secret: DEMO.agentSecrets.supportAssistant,
  },
  {
    agentId: DEMO.agents.travelPlanner,
    label: 'Travel Planner',
    secret: DEMO.agentSecrets.travelPlanner,
  },
  { agentId: DEMO.agents.invoiceBot, label: 'Invoice Bot', secret: DEMO.agentSecrets.invoiceBot },
];

export function sandboxHandle(options: {
  vault: SecretStore;
  profiles: () => ProfileService;
  logger: Logger;
  sandboxOptions?: SandboxOptions;
}): SandboxHandle {
  let running: Sandbox | undefined;
  let stopped: Sandbox | undefined;
  return {
    current: () => running,
    stop: async () => {
      await running?.stop();
      stopped = running ?? stopped;
      running = undefined;
    },
    restart: async () => {
      if (running || !stopped) return;
      running = await startSandbox({
        logger: options.logger.child('sandbox'),
        ...options.sandboxOptions,
        port: stopped.port,
        resume: { state: stopped.state, tls: stopped.tls },
      });
    },
    launch: async () => {
      running = await startSandbox({
        port: 0,
        logger: options.logger.child('sandbox'),
        ...options.sandboxOptions,
      });
      const { vault } = options;
      const agentLogin = DEMO.apps.agentLogin;
      await vault.set(
        secretKey(SANDBOX_PROFILE_ID, 'client-secret', agentLogin.clientId),
        agentLogin.clientSecret,
      );
      for (const agent of DEMO_AGENTS) {
        await options
          .profiles()
          .saveAgent(
            SANDBOX_PROFILE_ID,
            { agentId: agent.agentId, label: agent.label },
            agent.secret,
          );
      }
      return {
        url: running.url,
        caPem: running.caPem,
        fingerprint: running.fingerprint256,
        adminClient: { ...DEMO.apps.admin },
      };
    },
  };
}
