/**
 * Guards attached to every webContents, including ones the app did not create: no navigation
 * away from the app, no new windows, no webviews, and every permission denied. Only https
 * URLs on an allow-listed host may be handed to the system browser.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './window';

/** True only for a URL on the app's own origin (`app://sharedesk/...`). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'app:' && url.host === 'sharedesk';
  } catch {
    return false;
  }
}

/** True for `https:` URLs whose host is exactly one of the allowed hosts. */
export function isAllowedExternal(raw: string, allowedHosts: ReadonlySet<string>): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && allowedHosts.has(url.host);
  } catch {
    return false;
  }
}

export interface GuardDeps {
  openExternal(url: string): Promise<void>;
  /** Hosts (with port, as in `URL.host`) the user's profiles and the docs live on. */
  allowedExternalHosts(): ReadonlySet<string>;
}

/** Authorization windows may also visit their server and loopback redirect (see auth-window). */
const authPolicies = new WeakMap<WebContents, (url: string) => boolean>();

export function allowAuthNavigation(contents: WebContents, policy: (url: string) => boolean): void {
  authPolicies.set(contents, policy);
}

function mayNavigate(contents: WebContents, url: string): boolean {
  return isAppUrl(url) || authPolicies.get(contents)?.(url) === true;
}

export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(contents, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(contents, url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url, deps.allowedExternalHosts())) void deps.openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check, for every origin. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Forbids the app's own origin URL prefix from being confused with look-alike origins. */
export const APP_URL_PREFIX = `${APP_ORIGIN}/`;
