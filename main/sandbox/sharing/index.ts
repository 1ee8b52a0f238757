/**
 * The Agent Sharing API area of the sandbox (`/api/server/v1/agents/...`) with WSO2's
 * asynchronous semantics.
 */
import type { SandboxDeps } from '../deps';
import type { Router } from '../router';

export interface SharingArea {
  register(router: Router): void;
  /** Cancels pending asynchronous work (on sandbox stop). */
  stop(): void;
}

export function createSharing(_deps: SandboxDeps): SharingArea {
  // Not yet implemented: the agent sharing routes land with the sharing area.
  return { register: () => undefined, stop: () => undefined };
}
