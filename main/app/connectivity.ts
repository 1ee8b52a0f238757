/**
 * Whether a profile's server answered recently, learned from the HTTP exchanges themselves:
 * any HTTP status means the server is reachable; a network, TLS or timeout failure means
 * it is not. The UI shows "offline" and the cache age from this.
 */
import type { AttemptOutcome } from '../http';

const UNREACHABLE = new Set(['NETWORK', 'TIMEOUT', 'TLS']);

export interface Connectivity {
  online(): boolean;
  /** Why the last request could not reach the server, while offline. */
  reason(): string | undefined;
  observe(outcome: AttemptOutcome): void;
  /** Marks the server unreachable from an error raised before any exchange was recorded. */
  markOffline(reason: string): void;
}

export function createConnectivity(): Connectivity {
  let online = true;
  let reason: string | undefined;
  return {
    online: () => online,
    reason: () => (online ? undefined : reason),
    observe: (outcome) => {
      if ('status' in outcome) {
        online = true;
        reason = undefined;
      } else if (UNREACHABLE.has(outcome.error.code)) {
        online = false;
        reason = outcome.error.message;
      }
    },
    markOffline: (why) => {
      online = false;
      reason = why;
    },
  };
}
