/**
 * One-shot loopback redirect listener for native-app OAuth (RFC 8252 §7.3). It binds the IPv4
 * loopback literal on an ephemeral port, takes exactly one callback on the exact path, and then
 * closes. The page it answers is fixed text: nothing from the request is ever echoed back.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger';

export interface LoopbackOptions {
  /** Callback path, e.g. `/callback`. */
  path: string;
  expectedState: string;
  /** When set, an `iss` parameter (RFC 9207) must equal it. */
  expectedIssuer?: string;
  timeoutMs: number;
  logger: Logger;
}

export type CallbackErrorKind =
  | 'state_missing'
  | 'state_mismatch'
  | 'issuer_mismatch'
  | 'duplicate_parameter'
  | 'authorization_error'
  | 'missing_code'
  | 'timeout'
  | 'cancelled'
  | 'listener_failed';

export interface CallbackError {
  kind: CallbackErrorKind;
  message: string;
  /** The server's own `error`, `error_description` and `error_uri`, as text, never opened. */
  error?: string;
  errorDescription?: string;
  errorUri?: string;
}

export type CallbackResult =
  { ok: true; code: string; state: string; iss?: string } | { ok: false; error: CallbackError };

export interface LoopbackListener {
  redirectUri: string;
  /** Settles once: with the callback, an error, a timeout, or a cancellation. Never rejects. */
  result: Promise<CallbackResult>;
  /** Cancels the flow if it is still waiting and resolves once the port is closed. */
  close(): Promise<void>;
}

const LOOPBACK_HOST = '127.0.0.1';
const SINGLE_VALUED = ['state', 'code', 'iss', 'error', 'error_description', 'error_uri'];
const TEXT_LIMIT = 1000;

const PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ShareDesk</title></head>' +
  '<body><p>You can close this window and return to ShareDesk.</p></body></html>';

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  Connection: 'close',
};

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const { path, logger } = options;
  if (!path.startsWith('/') || /[?#]/.test(path)) throw new RangeError('path must be a bare path');
  if (options.expectedState === '') throw new RangeError('expectedState must not be empty');

  const server = createServer();
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_HOST, port: 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const expectedHost = `${LOOPBACK_HOST}:${port}`;

  let settled = false;
  let resolveResult: (result: CallbackResult) => void = () => undefined;
  const result = new Promise<CallbackResult>((resolve) => (resolveResult = resolve));
  let closed: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  const finish = (outcome: CallbackResult): Promise<void> => {
    if (settled) return shutdown();
    settled = true;
    clearTimeout(timer);
    return shutdown().then(() => resolveResult(outcome));
  };

  const timer = setTimeout(() => {
    logger.warn('authorization callback timed out', { timeoutMs: options.timeoutMs });
    void finish(failure('timeout', 'no authorization response arrived in time'));
  }, options.timeoutMs);
  server.on('error', (error) => {
    logger.error('loopback listener failed', { error });
    void finish(failure('listener_failed', 'the redirect listener failed'));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (settled) return plain(res, 410, 'Gone');
    if (req.headers.host !== expectedHost) return plain(res, 400, 'Bad request');
    // Compared as raw text: URL resolution would turn `//host/callback` into `/callback`.
    const target = req.url ?? '';
    const queryStart = target.indexOf('?');
    const requestPath = queryStart === -1 ? target : target.slice(0, queryStart);
    if (requestPath !== path) return plain(res, 404, 'Not found');
    if (req.method !== 'GET') return plain(res, 405, 'Method not allowed', { Allow: 'GET' });

    // Known shortcoming: any local process that finds the port can end the flow with a bad
    // callback; it can never obtain or inject a code, so the user just starts over.
    settled = true;
    clearTimeout(timer);
    const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
    const outcome = judgeCallback(query, options);
    logger.info('authorization callback received', {
      outcome: outcome.ok ? 'code' : outcome.error.kind,
    });
    res.once('close', () => void shutdown().then(() => resolveResult(outcome)));
    res.writeHead(outcome.ok ? 200 : 400, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
    });
    res.end(PAGE);
  });

  logger.info('loopback listener started', { port });
  return {
    redirectUri: `http://${expectedHost}${path}`,
    result,
    close: () => finish(failure('cancelled', 'the flow was cancelled')),
  };
}

/** Checks a callback's parameters; only a response bound to our state can yield a code. */
export function judgeCallback(
  params: URLSearchParams,
  expected: Pick<LoopbackOptions, 'expectedState' | 'expectedIssuer'>,
): CallbackResult {
  const repeated = SINGLE_VALUED.find((name) => params.getAll(name).length > 1);
  if (repeated !== undefined) {
    return failure('duplicate_parameter', `parameter "${repeated}" appears more than once`);
  }
  const state = params.get('state');
  if (state === null || state === '') return failure('state_missing', 'the response has no state');
  if (!sameSecret(state, expected.expectedState)) {
    return failure('state_mismatch', 'the response belongs to another sign-in attempt');
  }
  const iss = params.get('iss');
  if (iss !== null && expected.expectedIssuer !== undefined && iss !== expected.expectedIssuer) {
    return failure('issuer_mismatch', 'the response comes from a different issuer');
  }

  const error = params.get('error');
  if (error !== null) {
    const outcome = failure('authorization_error', 'the server refused the authorization');
    outcome.error.error = clip(error);
    const description = params.get('error_description');
    const uri = params.get('error_uri');
    if (description !== null) outcome.error.errorDescription = clip(description);
    if (uri !== null) outcome.error.errorUri = clip(uri);
    return outcome;
  }

  const code = params.get('code');
  if (code === null || code === '') return failure('missing_code', 'the response has no code');
  return iss === null ? { ok: true, code, state } : { ok: true, code, state, iss };
}

function failure(kind: CallbackErrorKind, message: string): { ok: false; error: CallbackError } {
  return { ok: false, error: { kind, message } };
}

function sameSecret(received: string, expected: string): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function clip(text: string): string {
  return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}…` : text;
}

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
  });
  res.end(text);
}
