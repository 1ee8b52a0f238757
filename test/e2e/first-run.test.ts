import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app';

let app: RunningApp;

beforeAll(async () => {
  app = await launchApp();
});

afterAll(async () => {
  await app?.stop();
});

describe('first run', () => {
  it('opens on the Sandbox profile and shows its organization tree', async () => {
    const tree = app.page.getByRole('tree');
    await expect.poll(() => tree.count(), { timeout: 30_000 }).toBe(1);
    const business = app.page.getByRole('treeitem', { name: /^Business\b/ });
    await business.waitFor({ timeout: 30_000 });
    expect(await app.page.getByRole('treeitem').count()).toBeGreaterThan(3);
    await app.screenshot('first-run-tree');
    expect(app.pageErrors).toEqual([]);
  });

  it('finds an organization four levels down after a full sync and reveals it in the tree', async () => {
    const page = app.page;
    await page
      .getByRole('group', { name: 'Sync' })
      .getByRole('button', { name: 'Full sync' })
      .click();
    const search = page.getByRole('searchbox', { name: 'Search organizations' });
    const hits = page.getByRole('list', { name: 'Search results' });
    const hit = hits.getByRole('button', { name: /^Berlin Customer Care/ });
    // The sync runs in the background; search again until its tree holds the deep office.
    await expect
      .poll(
        async () => {
          await search.fill('');
          await search.fill('customer care');
          await page
            .getByRole('status')
            .filter({ hasText: /found|matches/ })
            .first()
            .waitFor();
          return hit.count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    // Its path from the root, read as a list; the › separators are hidden from screen readers.
    expect(
      await hits.getByRole('button', { name: /in Business, Business Europe, Berlin$/ }).count(),
    ).toBe(1);

    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    const row = page.getByRole('treeitem', { name: /^Berlin Customer Care\b/ });
    await row.waitFor();
    expect(await row.getAttribute('aria-level')).toBe('4');
    await expect.poll(() => row.evaluate((el) => el === document.activeElement)).toBe(true);
    await app.screenshot('first-run-search');
    expect(app.pageErrors).toEqual([]);
  });
});
