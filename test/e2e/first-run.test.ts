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
});
