/**
 * Reads the certificate a server presents, without sending any request, so the UI can show
 * its fingerprint and offer to trust it on first use. The handshake accepts any certificate
 * on purpose: nothing is sent over this connection and it is closed right away.
 */
import * as http from 'node:http';
import type { Socket } from 'node:net';
import * as tls from 'node:tls';
import { NetworkError, TimeoutError } from './errors';
import { normalizeSha256, systemRoots, type Trust } from './trust';

export interface CertificateProbe {
  sha256: string;
  subject: string;
  issuer: string;
  selfSigned: boolean;
  validFrom: string;
  validTo: string;
  /** Whether the certificate passes the given trust (CA chain and name, or the pin). */
  trusted: boolean;
  /** Node's verification code when the chain or name check failed. */
  verifyCode?: string;
  pem: string;
}

export interface ProbeOptions {
  url: string;
  trust?: Trust;
  proxyUrl?: string | undefined;
  timeoutMs?: number;
}

function nameOf(entity: tls.Certificate | undefined): string {
  if (entity === undefined) return '';
  return Object.entries(entity)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function toPem(raw: Buffer): string {
  const lines = raw.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Opens a CONNECT tunnel through an HTTP proxy to `host:port`. */
function tunnel(proxyUrl: string, host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const proxy = new URL(proxyUrl);
    const req = http.request({
      host: proxy.hostname,
      port: Number(proxy.port || 80),
      method: 'CONNECT',
      path: `${host}:${port}`,
      headers: { host: `${host}:${port}` },
      timeout: timeoutMs,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(
        new NetworkError(`proxy refused the tunnel: HTTP ${res.statusCode}`, { kind: 'proxy' }),
      );
    });
    req.once('timeout', () =>
      req.destroy(new TimeoutError('proxy did not answer', { phase: 'connect' })),
    );
    req.once('error', (cause) =>
      reject(
        cause instanceof TimeoutError
          ? cause
          : new NetworkError('proxy unreachable', { kind: 'proxy', cause }),
      ),
    );
    req.end();
  });
}

function trustOptions(trust: Trust | undefined): tls.ConnectionOptions {
  if (trust?.type === 'ca') return { ca: trust.pem };
  const roots = systemRoots();
  return roots === undefined ? {} : { ca: roots };
}

export async function probeCertificate(options: ProbeOptions): Promise<CertificateProbe> {
  const url = new URL(options.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const socket =
    options.proxyUrl === undefined
      ? undefined
      : await tunnel(options.proxyUrl, host, port, timeoutMs);

  return new Promise((resolve, reject) => {
    const tlsSocket = tls.connect({
      host,
      port,
      ...(socket === undefined ? {} : { socket }),
      ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }),
      ...trustOptions(options.trust),
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    tlsSocket.once('timeout', () =>
      tlsSocket.destroy(new TimeoutError('TLS handshake timed out', { phase: 'connect' })),
    );
    tlsSocket.once('error', (cause) =>
      reject(
        cause instanceof TimeoutError
          ? cause
          : new NetworkError('could not reach the server', { kind: 'other', cause }),
      ),
    );
    tlsSocket.once('secureConnect', () => {
      const certificate = tlsSocket.getPeerCertificate();
      // Node documents an Error here but stores the verification code as a string.
      const authorizationError = tlsSocket.authorizationError as unknown;
      const verifyCode =
        authorizationError instanceof Error
          ? authorizationError.message
          : typeof authorizationError === 'string'
            ? authorizationError
            : undefined;
      tlsSocket.destroy();
      if (certificate.raw === undefined) {
        reject(new NetworkError('the server presented no certificate', { kind: 'other' }));
        return;
      }
      const sha256 = normalizeSha256(certificate.fingerprint256);
      const selfSigned = nameOf(certificate.subject) === nameOf(certificate.issuer);
      const trusted =
        options.trust?.type === 'pin'
          ? normalizeSha256(options.trust.sha256) === sha256
          : tlsSocket.authorized;
      resolve({
        sha256,
        subject: nameOf(certificate.subject),
        issuer: nameOf(certificate.issuer),
        selfSigned,
        validFrom: certificate.valid_from,
        validTo: certificate.valid_to,
        trusted,
        ...(verifyCode === undefined ? {} : { verifyCode }),
        pem: toPem(certificate.raw),
      });
    });
  });
}
