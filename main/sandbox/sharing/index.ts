/**
 * The Agent Sharing API area of the sandbox (`/api/server/v1/agents/...`, root and `/o/`)
 * with WSO2's asynchronous semantics: writes answer 202 and are applied after
 * `shareDelayMs`; organizations created later receive agents through stored policies.
 */
import type { SandboxDeps } from '../deps';
import type { Org } from '../model';
import type { Router } from '../router';
import { SharingEngine } from './engine';
import { registerSharingRoutes } from './routes';
import { WorkScheduler } from './scheduler';

export interface SharingArea {
  register(router: Router): void;
  /** Cancels pending asynchronous work (on sandbox stop). */
  stop(): void;
  /** Applies every accepted but not yet applied request now. */
  flush?(): void;
  /** Number of accepted requests still waiting to be applied. */
  pending?(): number;
}

export function createSharing(deps: SandboxDeps): SharingArea {
  const logger = deps.logger.child('agent-sharing');
  const engine = new SharingEngine({ state: deps.state, logger, clock: deps.clock });
  const scheduler = new WorkScheduler(deps.shareDelayMs, logger);
  const onOrgCreated = (org: Org): void => {
    try {
      engine.organizationCreated(org);
    } catch (error) {
      logger.error('sharing with a new organization failed', { orgId: org.id, error });
    }
  };
  deps.state.events.on('orgCreated', onOrgCreated);

  return {
    register: (router) =>
      registerSharingRoutes(router, {
        state: deps.state,
        authority: deps.authority,
        engine,
        scheduler,
      }),
    stop: () => {
      scheduler.stop();
      deps.state.events.off('orgCreated', onOrgCreated);
    },
    flush: () => scheduler.flush(),
    pending: () => scheduler.size,
  };
}
