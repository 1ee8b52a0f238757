/**
 * Starts ShareDesk in the browser host (the same services the Electron shell uses) with a
 * fresh data folder, opens it in Chromium, and collects console errors and CSP violations.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAppContext, type AppContext } from '../../../main/app/context';
import { startBrowserHost, type BrowserHost } from '../../../main/host/server';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import type { SecretStore } from '../../../main/vault';
import { launchChromium } from './browser';

const root = resolve(__dirname, '..', '..', '..');
const screenshotDir = join(root, 'test-results', 'screenshots');

export interface RunningApp {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  app: AppContext;
  /** Pages the app opened for authorization (OBO consent), newest last. */
  authPages: Page[];
  host: BrowserHost;
  dataDir: string;
  logs: LogRecord[];
  /** Console errors and CSP violations seen by the page. */
  pageErrors: string[];
  screenshot(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** The app's vault; by default the OS keychain (memory when there is none). */
  vault?: SecretStore;
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sharedesk-e2e-'));
  const logs: LogRecord[] = [];
  const logger = createLogger('sharedesk', { level: 'debug', sinks: [(r) => logs.push(r)] });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const authPages: Page[] = [];
  let authContext: BrowserContext | undefined;
  const app = await createAppContext({
    host: 'browser',
    version: 'e2e',
    dataDir,
    logger,
    ...(options.vault ? { vault: options.vault } : {}),
    // Authorization pages open in the same Chromium, in a fresh context when isolated.
    // Authorization pages open in the same Chromium: the sandbox's certificate comes from a CA
    // made for this run, which a person would trust before signing in, so only these sign-in
    // contexts accept it; the app's own page stays strict.
    opener: {
      open: async (url, { isolated }) => {
        authContext ??= await browser.newContext({ ignoreHTTPSErrors: true });
        const target = isolated
          ? await browser.newContext({ ignoreHTTPSErrors: true })
          : authContext;
        const page = await target.newPage();
        authPages.push(page);
        await page.goto(url);
      },
    },
  });
  const host = await startBrowserHost({
    rendererDir: join(root, 'out', 'renderer'),
    handlers: app.handlers,
    logger: logger.child('host'),
  });
  app.onEvent((event, payload) => host.broadcast(event, payload));

  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.launchUrl);

  return {
    page,
    browser,
    context,
    app,
    authPages,
    host,
    dataDir,
    logs,
    pageErrors,
    screenshot: async (name) => {
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    },
    stop: async () => {
      await browser.close();
      await host.close();
      await app.dispose();
    },
  };
}
