import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, hardenedWebPreferences } from '../../../main/shell/window';

describe('window factory', () => {
  it('hardens every window it creates', async () => {
    const created: BrowserWindowConstructorOptions[] = [];
    const loaded: string[] = [];
    class FakeWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        created.push(options);
      }
      once(): void {}
      show(): void {}
      loadURL(url: string): Promise<void> {
        loaded.push(url);
        return Promise.resolve();
      }
    }
    await createMainWindow(
      FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
      '/app/preload.js',
    );
    const prefs = created[0]!.webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(loaded).toEqual(['app://sharedesk/index.html']);
  });

  it('never enables a Node or isolation escape hatch', () => {
    const prefs = hardenedWebPreferences('/p.js');
    const dangerous = Object.entries(prefs).filter(
      ([key, value]) =>
        (['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames'].includes(
          key,
        ) &&
          value !== false) ||
        (['contextIsolation', 'sandbox', 'webSecurity'].includes(key) && value !== true),
    );
    expect(dangerous).toEqual([]);
  });
});
