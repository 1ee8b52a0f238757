/**
 * Browser sessions of the authorize flow: an HttpOnly cookie naming a server-side session
 * with its CSRF token and, once logged in, its identity; and the pending authorization
 * requests that the login and consent forms continue.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestContext } from '../http';
import type { AuthorizationRequest } from './authorize-request';
import { secretsEqual } from './client-auth';
import type { Identity } from './identity';

/** WSO2's single-sign-on cookie name. */
export const SESSION_COOKIE = 'commonAuthId';
const SESSION_LIFETIME_SEC = 3600;
const PENDING_LIFETIME_SEC = 900;

export interface BrowserSession {
  id: string;
  csrf: string;
  identity: Identity | undefined;
  /** The organization the identity logged in to. */
  loginOrgId: string | undefined;
  exp: number;
}

export interface PendingAuthorization {
  /** `sessionDataKey` of the login form, `sessionDataKeyConsent` of the consent form. */
  key: string;
  sessionId: string;
  request: AuthorizationRequest;
  exp: number;
}

function readCookie(ctx: RequestContext, name: string): string | undefined {
  for (const part of (ctx.req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function cookieHeader(id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

export class BrowserSessions {
  private readonly sessions = new Map<string, BrowserSession>();
  private readonly pendings = new Map<string, PendingAuthorization>();

  constructor(private readonly nowSec: () => number) {}

  current(ctx: RequestContext): BrowserSession | undefined {
    const id = readCookie(ctx, SESSION_COOKIE);
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!session) return undefined;
    if (session.exp <= this.nowSec()) {
      this.sessions.delete(session.id);
      return undefined;
    }
    return session;
  }

  /** The request's session, or a new one with the `Set-Cookie` header that starts it. */
  ensure(ctx: RequestContext): { session: BrowserSession; setCookie: string | undefined } {
    const existing = this.current(ctx);
    if (existing) return { session: existing, setCookie: undefined };
    return this.create(undefined, undefined);
  }

  /** A fresh session id after login, so an id planted before login is worth nothing. */
  renew(
    old: BrowserSession,
    identity: Identity,
    loginOrgId: string,
  ): { session: BrowserSession; setCookie: string } {
    this.sessions.delete(old.id);
    const renewed = this.create(identity, loginOrgId);
    for (const pending of this.pendings.values()) {
      if (pending.sessionId === old.id) pending.sessionId = renewed.session.id;
    }
    return { session: renewed.session, setCookie: renewed.setCookie };
  }

  end(ctx: RequestContext): void {
    const session = this.current(ctx);
    if (session) this.sessions.delete(session.id);
  }

  csrfMatches(session: BrowserSession, presented: string | null): boolean {
    return presented !== null && secretsEqual(session.csrf, presented);
  }

  addPending(sessionId: string, request: AuthorizationRequest): PendingAuthorization {
    const now = this.nowSec();
    for (const [key, p] of this.pendings) if (p.exp <= now) this.pendings.delete(key);
    const pending = { key: randomUUID(), sessionId, request, exp: now + PENDING_LIFETIME_SEC };
    this.pendings.set(pending.key, pending);
    return pending;
  }

  /** The pending request behind a form, only for the session that started it. */
  pending(key: string | null, session: BrowserSession): PendingAuthorization | undefined {
    const pending = key === null ? undefined : this.pendings.get(key);
    if (!pending || pending.sessionId !== session.id || pending.exp <= this.nowSec()) {
      return undefined;
    }
    return pending;
  }

  finish(key: string): void {
    this.pendings.delete(key);
  }

  private create(
    identity: Identity | undefined,
    loginOrgId: string | undefined,
  ): { session: BrowserSession; setCookie: string } {
    const now = this.nowSec();
    for (const [id, s] of this.sessions) if (s.exp <= now) this.sessions.delete(id);
    const session: BrowserSession = {
      id: randomBytes(24).toString('base64url'),
      csrf: randomBytes(24).toString('base64url'),
      identity,
      loginOrgId,
      exp: now + SESSION_LIFETIME_SEC,
    };
    this.sessions.set(session.id, session);
    return { session, setCookie: cookieHeader(session.id) };
  }
}
