/**
 * Who may talk to the browser host. It listens on 127.0.0.1 only, and a request must carry
 * the exact Host (defeats DNS rebinding), an exact Origin on state-changing calls (defeats
 * cross-site requests), and the per-launch session cookie that the launch URL's token buys.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'sharedesk_session';

export interface HostSecrets {
  /** In the printed launch URL; exchanged once for the session cookie. */
  launchToken: string;
  sessionId: string;
}

export function createHostSecrets(): HostSecrets {
  return {
    launchToken: randomBytes(32).toString('base64url'),
    sessionId: randomBytes(32).toString('base64url'),
  };
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export type GuardVerdict = 'ok' | 'bad-host' | 'bad-origin' | 'no-session';

export function checkRequest(
  req: IncomingMessage,
  expectedHost: string,
  secrets: HostSecrets,
  stateChanging: boolean,
): GuardVerdict {
  if (req.headers.host !== expectedHost) return 'bad-host';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${expectedHost}`) return 'bad-origin';
  if (stateChanging && origin === undefined) return 'bad-origin';
  const session = readCookie(req, SESSION_COOKIE);
  if (session === undefined || !sameSecret(session, secrets.sessionId)) return 'no-session';
  return 'ok';
}

export function sessionCookie(secrets: HostSecrets): string {
  return `${SESSION_COOKIE}=${secrets.sessionId}; HttpOnly; SameSite=Strict; Path=/`;
}
