/**
 * One undici dispatcher per profile: keep-alive connections to the profile's server, its
 * trust settings at the TLS layer, and optionally a CONNECT proxy in front.
 */
import { Agent, type Dispatcher, Pool, ProxyAgent, buildConnector } from 'undici';
import { pinningConnector, tlsOptionsFor, type Trust } from './trust';

export interface Timeouts {
  /** TCP + TLS handshake. */
  connectMs: number;
  /** From sending the request until the response headers arrive. */
  headersMs: number;
  /** Longest silence between two chunks of the body. */
  bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export interface DispatcherOptions {
  trust: Trust;
  proxyUrl?: string | undefined;
  timeouts: Timeouts;
}

const KEEP_ALIVE = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 };

function connectorOf(options: object): buildConnector.connector {
  const connect = (options as { connect?: unknown }).connect;
  if (typeof connect !== 'function') {
    throw new TypeError('The proxy agent passed no connect function to its pool factory.');
  }
  return connect as buildConnector.connector;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { trust, proxyUrl, timeouts } = options;
  const tls = tlsOptionsFor(trust, timeouts.connectMs);
  const common = {
    ...KEEP_ALIVE,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    connectTimeout: timeouts.connectMs,
  };
  const guard = (connector: buildConnector.connector): buildConnector.connector =>
    trust.type === 'pin' ? pinningConnector(connector, trust.sha256) : connector;

  if (proxyUrl === undefined) {
    return new Agent({ ...common, connect: guard(buildConnector(tls)) });
  }

  return new ProxyAgent({
    uri: proxyUrl,
    ...common,
    requestTls: tls,
    proxyTls: { rejectUnauthorized: true, timeout: timeouts.connectMs },
    // The proxy agent tunnels, then runs the TLS handshake with `requestTls`; the pin check
    // has to wrap that whole step, which it hands to each origin's pool as `connect`.
    ...(trust.type === 'pin'
      ? {
          factory: (origin: string | URL, poolOptions: object) =>
            new Pool(origin, { ...poolOptions, connect: guard(connectorOf(poolOptions)) }),
        }
      : {}),
  });
}
