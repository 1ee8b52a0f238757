/**
 * Whether a profile's server answered recently, learned from the HTTP exchanges themselves:
 * any HTTP status means the server is reachable; a network, TLS or timeout failure means
 * it is not. The UI shows "offline" and the cache age from this.
 */
import type { HttpExchange } from '../http';

const UNREACHABLE = new Set(['NETWORK', 'TIMEOUT', 'TLS']);

export interface Connectivity {
  online(): boolean;
  /** Why the last request could not reach the server, while offline. */
  reason(): string | undefined;
  observe(exchange: HttpExchange): void;
  /** Marks the server unreachable from an error raised before any exchange was recorded. */
  markOffline(reason: string): void;
}

export function createConnectivity(): Connectivity {
  let online = true;
  let reason: string | undefined;
  return {
    online: () => online,
    reason: () => (online ? undefined : reason),
    observe: (exchange) => {
      if (exchange.status !== undefined) {
        online = true;
        reason = undefined;
      } else if (exchange.error && UNREACHABLE.has(exchange.error.code)) {
        online = false;
        reason = exchange.error.message;
      }
    },
    markOffline: (why) => {
      online = false;
      reason = why;
    },
  };
}
