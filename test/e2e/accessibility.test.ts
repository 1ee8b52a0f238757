/**
 * axe-core on every screen in Chromium, under the app's own strict CSP and Trusted Types:
 * no serious or critical violation on Organizations (collapsed, and expanded three levels),
 * Profiles (list, the form, the form with errors and a certificate), and the other screens
 * as they exist, in the light and the dark theme.
 *
 * How axe gets in: `page.addScriptTag` adds an inline or same-page script, which the CSP
 * (`script-src 'self'`, `require-trusted-types-for 'script'`) refuses, and the test must not
 * weaken the CSP (no `bypassCSP`). Playwright's `page.evaluate` with the source as a string
 * runs it through the DevTools protocol (`Runtime.evaluate`), which the page's CSP does not
 * govern; axe then runs in the page's own world without needing eval or a script element.
 * The page must report no CSP or Trusted Types violation while it does.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app';
import { seriousViolations } from './support/axe';
import { goTo } from './support/navigation';

/** Expands the first row matching `name` (a parent comes before its children). */
async function expandRow(page: Page, name: RegExp, child: RegExp): Promise<void> {
  const row = page.getByRole('treeitem', { name }).first();
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    await row.click();
    await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('treeitem', { name: child }).first().waitFor({ timeout: 30_000 });
}

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await launchApp();
  page = app.page;
  await page.getByRole('treeitem', { name: /^Business\b/ }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await app?.stop();
});

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (theme) => {
  beforeAll(async () => {
    await page.emulateMedia({ colorScheme: theme });
    await goTo(page, 'Organizations');
  });

  it('Organizations, collapsed', async () => {
    const expanded = page.locator('[role="treeitem"][aria-expanded="true"]');
    for (let left = await expanded.count(); left > 0; left = await expanded.count()) {
      await expanded.first().click();
      await page.keyboard.press('ArrowLeft');
    }
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot(`a11y-${theme}-orgs-collapsed`);
  });

  it('Organizations, expanded three levels', async () => {
    await expandRow(page, /^Business\b/, /^Business Europe\b/);
    await expandRow(page, /^Business Europe\b/, /^Berlin\b/);
    await expandRow(page, /^Berlin\b/, /^Berlin Customer Care\b/);
    expect(await page.locator('[role="treeitem"][aria-level="4"]').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot(`a11y-${theme}-orgs-expanded`);
  });

  it('Profiles, the list with a connection test', async () => {
    await goTo(page, 'Profiles');
    const sandbox = page.getByRole('listitem', { name: 'Sandbox' });
    await sandbox.getByRole('button', { name: 'Test connection' }).click();
    await sandbox.locator('.connection-checks-summary').waitFor({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot(`a11y-${theme}-profiles-list`);
  });

  it('Profiles, the form with errors and a certificate', async () => {
    await page.getByRole('button', { name: 'Add profile' }).click();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Base URL').fill(app.app.services.sandbox.current()!.url);
    await page.getByLabel('A pinned certificate').check();
    await page.getByRole('button', { name: 'Check certificate' }).click();
    await page.getByRole('button', { name: 'Pin this certificate' }).waitFor();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot(`a11y-${theme}-profiles-form`);

    await page.getByRole('button', { name: 'Pin this certificate' }).click();
    await page.getByRole('dialog', { name: 'Pin this certificate?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Back to profiles' }).click();
  });

  it('Sandbox details with its agent credentials', async () => {
    await page
      .getByRole('listitem', { name: 'Sandbox' })
      .getByRole('button', { name: 'View details' })
      .click();
    await page.getByRole('table', { name: 'Agents with kept credentials' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot(`a11y-${theme}-sandbox-details`);
    await page.getByRole('button', { name: 'Back to profiles' }).click();
  });

  it.each([
    ['Share editor', 'share'],
    ['Activity', 'activity'],
    ['Token workbench', 'tokens'],
  ])('%s', async (screen, slug) => {
    await goTo(page, screen);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot(`a11y-${theme}-${slug}`);
  });

  it('the keyboard shortcuts dialog', async () => {
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('would report a violation: an image without a text alternative', async () => {
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.id = 'planted-violation';
      image.src = 'data:,';
      document.querySelector('main')?.append(image);
    });
    const found = await seriousViolations(page);
    await page.evaluate(() => document.getElementById('planted-violation')?.remove());
    expect(found.some((line) => line.includes('image-alt'))).toBe(true);
  });

  it('reported no CSP or Trusted Types violation while axe ran', () => {
    expect(app.pageErrors).toEqual([]);
  });
});
