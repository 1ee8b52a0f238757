/**
 * How a profile decides which server certificates to accept, turned into TLS options and a
 * connector for undici: the system CAs, a custom CA, or one pinned leaf certificate.
 */
import * as tls from 'node:tls';
import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';
import { TlsError } from './errors';

export type Trust =
  { type: 'system' } | { type: 'ca'; pem: string } | { type: 'pin'; sha256: string };

const SHA256_HEX = /^[0-9A-F]{64}$/;

/** Canonical form of a SHA-256 fingerprint: upper-case hex pairs joined by colons. */
export function normalizeSha256(value: string): string {
  const hex = value.replace(/[:\s]/g, '').toUpperCase();
  if (!SHA256_HEX.test(hex)) {
    throw new TypeError('A SHA-256 fingerprint has 32 bytes written as 64 hex digits.');
  }
  return hex.replace(/(..)(?!$)/g, '$1:');
}

/** Shortened fingerprint for messages, e.g. `AB:CD:EF:…:90:12`. */
export function shortSha256(sha256: string): string {
  const pairs = sha256.split(':');
  return pairs.length <= 6
    ? sha256
    : `${pairs.slice(0, 4).join(':')}:…:${pairs.slice(-2).join(':')}`;
}

/**
 * Node's bundled Mozilla roots plus, where the runtime can list them (Node ≥ 22.15, as in
 * Electron), the roots of the operating system store; undefined keeps Node's default.
 * Known gap: on older runtimes a root installed only in the OS store is not seen, so such a
 * server needs the custom-CA trust instead.
 */
export function systemRoots(): string[] | undefined {
  const list = (tls as { getCACertificates?: (type: 'default' | 'system') => string[] })
    .getCACertificates;
  if (typeof list !== 'function') return undefined;
  return [...list('default'), ...list('system')];
}

/**
 * TLS options for one profile. `rejectUnauthorized: true` is written out so that
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` in the environment cannot weaken it.
 *
 * The pin mode is the one exception: a pinned certificate is usually self-signed, and Node
 * offers no hook that runs after a failed chain check, so chain verification is off at the
 * socket and `pinningConnector` accepts the connection only when the leaf is exactly the pinned
 * one, before undici sends a single byte. The hostname is not checked in that mode: the exact
 * leaf is already more specific than any name.
 */
export function tlsOptionsFor(trust: Trust, connectTimeoutMs: number): buildConnector.BuildOptions {
  switch (trust.type) {
    case 'system': {
      const ca = systemRoots();
      return { rejectUnauthorized: true, timeout: connectTimeoutMs, ...(ca ? { ca } : {}) };
    }
    case 'ca':
      return { rejectUnauthorized: true, ca: trust.pem, timeout: connectTimeoutMs };
    case 'pin':
      // No session resumption: every connection must present the leaf so it can be checked.
      return { rejectUnauthorized: false, maxCachedSessions: 0, timeout: connectTimeoutMs };
  }
}

function presentedFingerprint(socket: Socket): string | undefined {
  if (!(socket instanceof tls.TLSSocket)) return undefined;
  const certificate = socket.getPeerCertificate();
  return typeof certificate.fingerprint256 === 'string' && certificate.fingerprint256 !== ''
    ? normalizeSha256(certificate.fingerprint256)
    : undefined;
}

function isSelfSigned(socket: Socket): boolean | undefined {
  if (!(socket instanceof tls.TLSSocket)) return undefined;
  const certificate = socket.getPeerCertificate();
  const subject = JSON.stringify(certificate.subject ?? null);
  return subject !== 'null' && subject === JSON.stringify(certificate.issuer ?? null);
}

/** The error for a leaf that is not the pinned one; it names what was presented. */
export function pinMismatchError(presented: string | undefined, selfSigned?: boolean): TlsError {
  const what = selfSigned === true ? 'self-signed, ' : '';
  const message =
    presented === undefined
      ? 'certificate not trusted: the server presented no certificate to compare with the pin'
      : `certificate not trusted: ${what}SHA-256 ${presented} does not match the pinned certificate`;
  return new TlsError(message, {
    reason: 'pin-mismatch',
    ...(presented === undefined ? {} : { presentedSha256: presented }),
    ...(selfSigned === undefined ? {} : { selfSigned }),
  });
}

/** Wraps a connector so that only a leaf with the pinned SHA-256 fingerprint gets through. */
export function pinningConnector(
  inner: buildConnector.connector,
  pinnedSha256: string,
): buildConnector.connector {
  const expected = normalizeSha256(pinnedSha256);
  return (options, callback) => {
    inner(options, (...args) => {
      const [error, socket] = args;
      if (error !== null) {
        callback(error, null);
        return;
      }
      const presented = presentedFingerprint(socket);
      if (presented === expected) {
        callback(null, socket);
        return;
      }
      const selfSigned = isSelfSigned(socket);
      socket.destroy();
      callback(pinMismatchError(presented, selfSigned), null);
    });
  };
}
