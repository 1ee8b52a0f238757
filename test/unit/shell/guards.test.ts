import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  denyAllPermissions,
  guardWebContents,
  isAllowedExternal,
  isAppUrl,
} from '../../../main/shell/guards';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url: string): boolean => {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return {
    contents: contents as unknown as WebContents,
    fire,
    open: (url: string) => openHandler!({ url }),
  };
}

const hostile = [
  'https://app.example.attacker/',
  'app://sharedesk.attacker/index.html',
  'app://sharedeskx/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://127.0.0.1:9443/',
  'https://localhost:9443/oauth2/authorize',
];

describe('navigation guard', () => {
  it('allows the app origin only', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, {
      openExternal: () => Promise.resolve(),
      allowedExternalHosts: () => new Set(),
    });
    expect(fire('will-navigate', 'app://sharedesk/index.html')).toBe(false);
    for (const url of hostile) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
  });

  it('blocks webviews', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, {
      openExternal: () => Promise.resolve(),
      allowedExternalHosts: () => new Set(),
    });
    expect(fire('will-attach-webview', '')).toBe(true);
  });

  it('denies every window.open and hands only allow-listed https URLs to the browser', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    guardWebContents(contents, {
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      allowedExternalHosts: () => new Set(['is.example.com', 'is.docs.wso2.com']),
    });
    const urls = [
      'https://is.example.com/console',
      'https://is.docs.wso2.com/en/latest/',
      'https://is.example.com.attacker.net/',
      'https://user@is.example.com/',
      'http://is.example.com/',
      'file:///etc/passwd',
      'smb://is.example.com/share',
      'ms-msdt:/id PCWDiagnostic',
      'sharedesk://callback',
    ];
    for (const url of urls) expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([
      'https://is.example.com/console',
      'https://is.docs.wso2.com/en/latest/',
    ]);
  });

  it('recognises look-alike origins', () => {
    expect(isAppUrl('app://sharedesk/x')).toBe(true);
    for (const url of hostile) expect(isAppUrl(url)).toBe(false);
    expect(isAllowedExternal('not a url', new Set(['a']))).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: (h: typeof device) => (device = h),
    };
    denyAllPermissions(session as unknown as Session);
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'midi',
      'pointerLock',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ];
    for (const permission of permissions) {
      let granted: boolean | undefined;
      request!({}, permission, (ok) => (granted = ok));
      expect(granted, permission).toBe(false);
      expect(check!({}, permission, 'app://sharedesk', {}), permission).toBe(false);
    }
    expect(device!()).toBe(false);
  });
});
