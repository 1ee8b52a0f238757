/** What every sandbox area receives: shared state, the token authority, time and logging. */
import type { Logger } from '../log/logger';
import type { TokenAuthority } from './auth';
import type { SandboxState } from './state';

export interface SandboxDeps {
  state: SandboxState;
  authority: TokenAuthority;
  /** Milliseconds since the epoch; injected so tests can move time. */
  clock: () => number;
  logger: Logger;
  /** `https://127.0.0.1:<port>`, known once the server listens. */
  origin: () => string;
  rootHandle: string;
  /** How long accepted sharing work waits before it is applied (WSO2 runs it in a pool). */
  shareDelayMs: number;
}
