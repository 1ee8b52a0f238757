/**
 * Agent sharing in Chromium against the embedded sandbox: Support Assistant shared with
 * Business and its future children with "Org Viewer" — previewed with its blast radius and
 * requests, applied, verified — then seen on the Organizations overlay (Business direct, Berlin
 * inherited); a plan naming a grandchild blocked with its suggestion; the share undone from
 * the journal; axe on both screens.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app';
import { seriousViolations } from './support/axe';
import { goTo } from './support/navigation';

/** Expands the first tree row named `name` until a row named `child` shows. */
async function expandRow(tree: Locator, name: RegExp, child: RegExp): Promise<void> {
  const row = tree.getByRole('treeitem', { name }).first();
  if ((await row.getAttribute('aria-expanded')) !== 'true') {
    await row.click();
    await row.press('ArrowRight');
  }
  await tree.getByRole('treeitem', { name: child }).first().waitFor({ timeout: 30_000 });
}

async function pickOnly(page: Page, agent: string): Promise<void> {
  const agents = page.getByRole('group', { name: 'Agents' });
  for (const box of await agents.getByRole('checkbox').all()) await box.uncheck();
  await agents.getByRole('checkbox', { name: agent }).check();
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

describe('sharing an agent', () => {
  it('previews, applies and verifies Business with its future children', async () => {
    await goTo(page, 'Share editor');
    await pickOnly(page, 'Support Assistant');
    await page.getByText('Support Assistant is not shared with any organization now.').waitFor();
    await page.getByRole('radio', { name: 'Share with selected organizations' }).check();
    await page.getByRole('searchbox', { name: 'Find organizations at any level' }).fill('Business');
    await page.getByRole('button', { name: 'Add Business', exact: true }).click();

    const business = page
      .getByRole('list', { name: 'Selected organizations' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Business', exact: true }) });
    await business
      .getByRole('checkbox', { name: 'Also share with all existing and future children' })
      .check();
    await business.getByRole('checkbox', { name: 'Org Viewer' }).check();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const review = page.getByRole('region', { name: 'Preview' });
    const blast = review.getByRole('region', { name: 'Blast radius' });
    await blast.waitFor({ timeout: 30_000 });
    const gained = blast.getByRole('list').filter({ hasText: 'Business Europe' }).first();
    const gainedText = (await gained.textContent()) ?? '';
    for (const name of ['Business', 'Business Europe', 'Business Asia', 'Berlin']) {
      expect(gainedText).toContain(name);
    }
    expect(await blast.textContent()).toContain(
      'Future organizations: new organizations under Business',
    );
    const requests = review.getByRole('region', { name: 'Requests' });
    const requestText = (await requests.textContent()) ?? '';
    expect(requestText).toContain('POST /api/server/v1/agents/share');
    expect(requestText).toContain('SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN');
    expect(requestText).toContain('$TOKEN');
    expect(await review.getByRole('button', { name: 'Apply', exact: true }).isEnabled()).toBe(true);

    expect(await seriousViolations(page)).toEqual([]);
    await blast.scrollIntoViewIfNeeded();
    await app.screenshot('sharing-preview');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('sharing-preview-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await review.getByRole('button', { name: 'Apply', exact: true }).click();
    const result = review.getByRole('region', { name: 'Result for Support Assistant' });
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getByRole('heading').first().textContent()).toContain('Verified');
    const berlinRow = result.getByRole('row', { name: /^Berlin\b/ }).first();
    expect(await berlinRow.textContent()).toContain('Done');
    await result.scrollIntoViewIfNeeded();
    await app.screenshot('sharing-applied');
  });

  it('shows Business direct and Berlin inherited on the Organizations overlay', async () => {
    await goTo(page, 'Organizations');
    await page.getByLabel('Show the sharing of agent').selectOption({ label: 'Support Assistant' });
    await page.getByRole('group', { name: 'Sharing summary' }).waitFor({ timeout: 30_000 });

    const tree = page.getByRole('tree', { name: 'Organizations' });
    await expandRow(tree, /^Business\b/, /^Business Europe\b/);
    await expandRow(tree, /^Business Europe\b/, /^Berlin\b/);
    const businessRow = tree.getByRole('treeitem', { name: /^Business\b/ }).first();
    const berlinRow = tree.getByRole('treeitem', { name: /^Berlin\b/ }).first();
    expect(await businessRow.textContent()).toContain('Direct');
    expect(await businessRow.textContent()).toContain('Org Viewer');
    expect(await berlinRow.textContent()).toContain('Inherited from Business');
    const retail = tree.getByRole('treeitem', { name: /^Retail\b/ }).first();
    expect(await retail.textContent()).toContain('Not shared');
    await app.screenshot('sharing-overlay');
  });

  it('blocks a plan that names a grandchild and suggests its ancestor', async () => {
    await goTo(page, 'Share editor');
    await pickOnly(page, 'Travel Planner');
    await page.getByText('Travel Planner is not shared with any organization now.').waitFor();
    await page.getByRole('radio', { name: 'Share with selected organizations' }).check();
    await page.getByRole('searchbox', { name: 'Find organizations at any level' }).fill('Berlin');
    await page
      .getByRole('button', { name: 'Add Business › Business Europe › Berlin', exact: true })
      .click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const review = page.getByRole('region', { name: 'Preview' });
    const problems = review.getByRole('region', { name: 'Problems found' });
    await problems.waitFor({ timeout: 30_000 });
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('Berlin is not an immediate child');
    expect(text).toContain('Suggestion: Select Business with');
    expect(await review.getByRole('button', { name: 'Apply', exact: true }).isDisabled()).toBe(
      true,
    );
    await app.screenshot('sharing-blocked');
  });

  it('finds no serious accessibility issue on the Activity screen', async () => {
    await goTo(page, 'Activity');
    await page.getByRole('tab', { name: 'Journal' }).click();
    const journal = page.getByRole('table', { name: 'Applied plans, newest first' });
    await journal.getByRole('row', { name: /Support Assistant/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('activity-journal');
  });

  it('undoes the share from the journal and verifies it', async () => {
    await page.getByRole('button', { name: /^Undo the plan for Support Assistant/ }).click();
    const review = page.getByRole('region', { name: 'Undo plan' });
    await review.getByRole('region', { name: 'Blast radius' }).waitFor({ timeout: 30_000 });
    expect(await review.getByRole('region', { name: 'Requests' }).textContent()).toContain(
      'POST /api/server/v1/agents/unshare',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await review.getByRole('button', { name: 'Apply the undo' }).click();
    const result = review.getByRole('region', { name: 'Result for Support Assistant' });
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getByRole('heading').first().textContent()).toContain('Verified');
    const journal = page.getByRole('table', { name: 'Applied plans, newest first' });
    await journal.getByRole('row', { name: /Undo/ }).first().waitFor();
    await app.screenshot('activity-undo');
    expect(app.pageErrors).toEqual([]);
  });

  it('saves the journal as a CSV file holding the share and its undo', async () => {
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const save = page.getByRole('link', {
      name: /^Save sharedesk-journal-\d{4}-\d{2}-\d{2}\.csv$/,
    });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toMatch(/^sharedesk-journal-.*\.csv$/);
    const saved = readFileSync(await download.path(), 'utf8');
    // Every cell is quoted; the columns read here come before the free-text ones.
    const [header, ...rows] = saved
      .trimEnd()
      .split('\r\n')
      .map((line) => line.slice(1, -1).split('","'));
    const column = (name: string): number => header!.indexOf(name);
    // The undo, then the share it undid: newest first.
    expect(rows).toHaveLength(2);
    const [undo, share] = rows as [string[], string[]];
    expect(undo[column('source')]).toBe('undo');
    expect(undo[column('undoOf')]).toBe(share[column('id')]);
    expect(share[column('source')]).toBe('direct');
    expect(rows.map((row) => row[column('outcome')])).toEqual(['verified', 'verified']);
    expect(app.pageErrors).toEqual([]);
  });
});
