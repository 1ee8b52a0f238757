/**
 * The only place a window is created. Every line of `webPreferences` is a security decision:
 * the renderer is an untrusted island with no Node, no Electron, and a sandbox, talking only
 * to the preload bridge.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_ORIGIN = 'app://sharedesk';

export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // The preload runs in its own world; the page cannot reach its objects.
    contextIsolation: true,
    // Chromium's OS sandbox for the renderer and a restricted preload.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'ShareDesk',
    show: false,
    backgroundColor: '#1e1f24',
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Creates the main window and loads the UI from the app protocol. */
export async function createMainWindow(
  Window: WindowConstructor,
  preloadPath: string,
): Promise<BrowserWindow> {
  const window = new Window(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * A throw-away window for an authorization page, for testing with test users without touching
 * the system browser's sessions: an in-memory partition (nothing persists), no preload, the
 * same sandboxing as the main window.
 */
export function authWindowOptions(partition: string): BrowserWindowConstructorOptions {
  const { preload: _preload, ...rest } = hardenedWebPreferences('');
  return {
    width: 520,
    height: 720,
    title: 'Sign in — ShareDesk test session',
    webPreferences: { ...rest, partition },
  };
}

export function createAuthWindow(Window: WindowConstructor, partition: string): BrowserWindow {
  return new Window(authWindowOptions(partition));
}
