/**
 * Opens an authorization URL in an isolated, throw-away window. The window may navigate only
 * within the authorization server's origin and to the app's own loopback redirect; its
 * session lives in memory and is gone when the window closes.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { AuthorizationOpener } from '../flows';
import { allowAuthNavigation } from './guards';
import { createAuthWindow } from './window';

/** The origins an authorization window may visit: the server's and the loopback redirect's. */
export function authOrigins(authorizationUrl: string): Set<string> {
  const url = new URL(authorizationUrl);
  const origins = new Set([url.origin]);
  const redirect = url.searchParams.get('redirect_uri');
  if (redirect) {
    const target = new URL(redirect);
    if (target.protocol === 'http:' && target.hostname === '127.0.0.1') origins.add(target.origin);
  }
  return origins;
}

export function isolatedWindowOpener(deps: {
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  openExternal(url: string): Promise<void>;
}): AuthorizationOpener {
  return {
    open: async (url, { isolated }) => {
      if (new URL(url).protocol !== 'https:') throw new Error('authorization pages must be https');
      if (!isolated) return deps.openExternal(url);
      // No `persist:` prefix: the partition exists in memory only.
      const partition = `sharedesk-auth-${randomBytes(8).toString('hex')}`;
      const window = createAuthWindow(deps.Window, partition);
      const origins = authOrigins(url);
      allowAuthNavigation(window.webContents, (target) => {
        try {
          return origins.has(new URL(target).origin);
        } catch {
          return false;
        }
      });
      closeAfterRedirect(window.webContents, window, origins);
      await window.loadURL(url);
    },
  };
}

function closeAfterRedirect(contents: WebContents, window: BrowserWindow, origins: Set<string>) {
  const loopback = [...origins].find((origin) => origin.startsWith('http://127.0.0.1'));
  contents.on('did-navigate', (_event, url) => {
    if (loopback && url.startsWith(`${loopback}/`)) setTimeout(() => window.close(), 1500);
  });
}
