import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, eventNames, listenerName } from '../../preload/contract';
import { launchApp, type RunningApp } from './support/app';

let app: RunningApp;

beforeAll(async () => {
  app = await launchApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('renderer boundary', () => {
  it('has no Node, no require, and a bridge with exactly the contract keys', async () => {
    await app.page.waitForFunction(
      () => (window as unknown as { api?: unknown }).api !== undefined,
    );
    const seen = await app.page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      keys: Object.keys((window as unknown as { api?: object }).api ?? {}).sort(),
      frozen: Object.isFrozen((window as unknown as { api?: object }).api),
    }));
    const expected = [...callNames, ...eventNames.map((e) => listenerName(e))].sort();
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      keys: expected,
      frozen: true,
    });
    expect(seen.keys).not.toContain('invoke');
    expect(seen.keys).not.toContain('ipcRenderer');
  });

  it('serves the page with the strict CSP and reports no violation', async () => {
    const response = await app.page.request.get(app.host.origin + '/');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(app.pageErrors.filter((e) => /Content Security Policy|Trusted Type/i.test(e))).toEqual(
      [],
    );
  });
});
