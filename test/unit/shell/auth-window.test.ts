import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { authOrigins, isolatedWindowOpener } from '../../../main/shell/auth-window';
import { guardWebContents } from '../../../main/shell/guards';

const redirect = 'http://127.0.0.1:53124/callback';
const authorize =
  'https://is.example.com:9443/oauth2/authorize?client_id=obo-client&redirect_uri=' +
  encodeURIComponent(redirect) +
  '&requested_actor=7a1b7d63-8cfc-4dc9-9332-3f84641b72d8';

type Listener = (event: { preventDefault(): void }, url: string) => void;

interface Created {
  options: BrowserWindowConstructorOptions;
  loaded: string[];
  contents: WebContents;
  /** Fires an event on the fake webContents; true when a listener prevented it. */
  fire(name: string, url: string): boolean;
}

function fakeWindowClass() {
  const created: Created[] = [];
  class FakeWindow {
    readonly webContents: WebContents;
    constructor(options: BrowserWindowConstructorOptions) {
      const listeners = new Map<string, Listener[]>();
      const contents = {
        on: (name: string, listener: Listener) => {
          listeners.set(name, [...(listeners.get(name) ?? []), listener]);
          return contents;
        },
        setWindowOpenHandler: () => undefined,
      };
      this.webContents = contents as unknown as WebContents;
      const loaded: string[] = [];
      created.push({
        options,
        loaded,
        contents: this.webContents,
        fire: (name, url) => {
          let prevented = false;
          for (const listener of listeners.get(name) ?? []) {
            listener({ preventDefault: () => (prevented = true) }, url);
          }
          return prevented;
        },
      });
      this.loadURL = (url: string) => {
        loaded.push(url);
        return Promise.resolve();
      };
    }
    loadURL: (url: string) => Promise<void>;
    close(): void {}
  }
  return {
    Window: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    created,
  };
}

function opener(
  Window: new (o: BrowserWindowConstructorOptions) => BrowserWindow,
  external: string[],
) {
  return isolatedWindowOpener({
    Window,
    openExternal: (url) => {
      external.push(url);
      return Promise.resolve();
    },
  });
}

describe('isolated authorization window', () => {
  it('allows only the server origin and the loopback redirect origin', () => {
    expect([...authOrigins(authorize)].sort()).toEqual([
      'http://127.0.0.1:53124',
      'https://is.example.com:9443',
    ]);
    const elsewhere = authorize.replace(
      encodeURIComponent(redirect),
      encodeURIComponent('https://evil.example/cb'),
    );
    expect([...authOrigins(elsewhere)]).toEqual(['https://is.example.com:9443']);
  });

  it('opens a sandboxed window on a throw-away in-memory partition without a preload', async () => {
    const { Window, created } = fakeWindowClass();
    const external: string[] = [];
    await opener(Window, external).open(authorize, { isolated: true });
    await opener(Window, external).open(authorize, { isolated: true });
    expect(external).toEqual([]);
    const [first, second] = created;
    const prefs = first!.options.webPreferences!;
    expect(prefs.partition).toMatch(/^sharedesk-auth-[0-9a-f]{16}$/);
    expect(second!.options.webPreferences!.partition).not.toBe(prefs.partition);
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.preload).toBeUndefined();
    expect(first!.loaded).toEqual([authorize]);
  });

  it('uses the system browser unless isolation is asked for, and only for https', async () => {
    const { Window, created } = fakeWindowClass();
    const external: string[] = [];
    await opener(Window, external).open(authorize, { isolated: false });
    await expect(
      opener(Window, external).open('http://is.example.com/oauth2/authorize', { isolated: true }),
    ).rejects.toThrow(/https/);
    expect(external).toEqual([authorize]);
    expect(created).toEqual([]);
  });

  it('lets the app-wide guard allow navigation within those origins only', async () => {
    const { Window, created } = fakeWindowClass();
    await opener(Window, []).open(authorize, { isolated: true });
    const window = created[0]!;
    guardWebContents(window.contents, {
      openExternal: () => Promise.resolve(),
      allowedExternalHosts: () => new Set(),
    });
    expect(window.fire('will-navigate', 'https://is.example.com:9443/commonauth')).toBe(false);
    expect(window.fire('will-redirect', `${redirect}?code=abc&state=xyz`)).toBe(false);
    expect(window.fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(window.fire('will-navigate', 'http://127.0.0.1:9999/other')).toBe(true);
    expect(window.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
  });
});
