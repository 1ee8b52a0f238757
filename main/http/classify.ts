/**
 * Turns the errors Node and undici throw into the client's typed errors. The low-level error
 * is kept as `cause`; only its code and a fixed English message reach the typed error.
 */
import {
  AbortedError,
  HttpError,
  NetworkError,
  type NetworkFailure,
  TimeoutError,
  TlsError,
  type TlsFailure,
} from './errors';

interface RequestContext {
  method: string;
  url: string;
}

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'INVALID_CA',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const HOSTNAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

const NETWORK: Record<string, NetworkFailure> = {
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ETIMEDOUT: 'unreachable',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The error and its causes, outermost first (bounded: cause chains can be cyclic). */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && out.length < 5) {
    out.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return out;
}

function tlsReason(code: string): TlsFailure | undefined {
  if (UNTRUSTED.has(code)) return 'untrusted';
  if (EXPIRED.has(code)) return 'expired';
  if (HOSTNAME.has(code)) return 'hostname';
  if (code.startsWith('ERR_SSL_') || code === 'ERR_TLS_HANDSHAKE_TIMEOUT') return 'handshake';
  return undefined;
}

function tlsMessage(reason: TlsFailure, code: string): string {
  switch (reason) {
    case 'untrusted':
      return code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
        ? 'certificate not trusted: self-signed'
        : `certificate not trusted: ${code}`;
    case 'expired':
      return `certificate not valid now: ${code}`;
    case 'hostname':
      return 'certificate does not match the server name';
    case 'pin-mismatch':
      return 'certificate does not match the pinned fingerprint';
    case 'handshake':
      return `TLS handshake failed: ${code}`;
  }
}

/** Maps any error thrown while sending a request or reading its body to an `HttpError`. */
export function classifyError(error: unknown, context: RequestContext): HttpError {
  const links = chain(error);
  const direct = links.find((link) => link instanceof HttpError);
  if (direct instanceof HttpError) return direct;

  for (const link of links) {
    const code = codeOf(link);
    if (code === undefined) continue;
    const reason = tlsReason(code);
    if (reason !== undefined) {
      return new TlsError(tlsMessage(reason, code), {
        reason,
        verifyCode: code,
        ...(code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ? { selfSigned: true } : {}),
        ...context,
        cause: error,
      });
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new TimeoutError('connection timed out', {
        phase: 'connect',
        ...context,
        cause: error,
      });
    }
    if (code === 'UND_ERR_HEADERS_TIMEOUT') {
      return new TimeoutError('server sent no response headers in time', {
        phase: 'headers',
        ...context,
        cause: error,
      });
    }
    if (code === 'UND_ERR_BODY_TIMEOUT') {
      return new TimeoutError('server stopped sending the response body', {
        phase: 'body',
        ...context,
        cause: error,
      });
    }
    if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
      return new AbortedError('request cancelled', { ...context, cause: error });
    }
    const kind = NETWORK[code];
    if (kind !== undefined) {
      return new NetworkError(`network error: ${code}`, { kind, ...context, cause: error });
    }
  }

  const message = error instanceof Error ? error.message : '';
  if (error instanceof Error && error.name === 'AbortError') {
    return new AbortedError('request cancelled', { ...context, cause: error });
  }
  if (/Proxy response \(\d+\)/.test(message)) {
    return new NetworkError(`proxy refused the tunnel: ${message}`, {
      kind: 'proxy',
      ...context,
      cause: error,
    });
  }
  return new NetworkError('network error', { kind: 'other', ...context, cause: error });
}
