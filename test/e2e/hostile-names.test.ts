import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app';

let app: RunningApp;
const hostile = '<img src=x onerror=alert(1)>';
const bidi = 'Payroll\u202Etxt.exe';

beforeAll(async () => {
  app = await launchApp();
  const runtime = await app.app.services.runtimes.get('sandbox');
  await runtime.clients.organizations.create({ name: hostile, orgHandle: 'hostile-img' });
  await runtime.clients.organizations.create({ name: bidi, orgHandle: 'bidi-name' });
  // The app lists children once; fetch the top level again so it holds the new orgs.
  await app.app.handlers.listOrgChildren({ profileId: 'sandbox', parentId: null, refresh: true });
  await app.page.reload();
});

afterAll(async () => {
  await app?.stop();
});

describe('server text is rendered as text', () => {
  it('shows a hostile organization name as characters, runs nothing and violates no CSP', async () => {
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const row = app.page.getByRole('treeitem', {
      name: new RegExp(hostile.replace(/[()]/g, '\\$&')),
    });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain(hostile);
    expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    expect(await app.page.evaluate(() => document.querySelectorAll('[onerror]').length)).toBe(0);

    // The invisible right-to-left override is shown as a visible marker, never applied.
    const marked = app.page.getByRole('treeitem').filter({ hasText: 'Payroll' });
    expect(await marked.innerText()).toContain('PayrollU+202Etxt.exe');

    await app.screenshot('hostile-names');
    expect(dialogs).toEqual([]);
    expect(app.pageErrors.filter((e) => /Content Security Policy|Trusted Type/i.test(e))).toEqual(
      [],
    );
  });
});
