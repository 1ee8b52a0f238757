/**
 * Offline sharing in Chromium: with the sandbox stopped the Share editor offers Queue instead of
 * Apply; after the sandbox is back, someone changes the same organization's share behind the
 * app's back, so the replay from the Activity screen stops at a three-way conflict; Rebase
 * re-plans on the server's state and the next replay applies it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../main/sandbox/data/demo-ids';
import { launchApp, type RunningApp } from './support/app';
import { seriousViolations } from './support/axe';
import { goTo } from './support/navigation';

const AGENT = DEMO.agents.supportAssistant;
const RETAIL = DEMO.orgs.retail;

let app: RunningApp;
let page: Page;

beforeAll(async () => {
  app = await launchApp();
  page = app.page;
  await page.getByRole('treeitem', { name: /^Retail\b/ }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await app?.stop();
});

describe('a plan drafted offline', () => {
  it('is queued while the server is down', async () => {
    await goTo(page, 'Share editor');
    await page
      .getByRole('group', { name: 'Agents' })
      .getByRole('checkbox', { name: 'Support Assistant' })
      .check();
    await page.getByText('Support Assistant is not shared with any organization now.').waitFor();

    await app.app.services.sandbox.stop();

    await page.getByRole('radio', { name: 'Share with selected organizations' }).check();
    await page.getByRole('searchbox', { name: 'Find organizations at any level' }).fill('Retail');
    await page.getByRole('button', { name: 'Add Retail', exact: true }).click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    // The preview cannot read the server: the editor says so and offers Queue, not Apply.
    await page.getByText('The server cannot be reached.').waitFor({ timeout: 30_000 });
    const review = page.getByRole('region', { name: 'Preview' });
    expect(await review.getByRole('button', { name: 'Apply', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Queue in the outbox' }).first().click();
    const queued = page.getByRole('region', { name: 'Queued' });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('Support Assistant: the plan waits in the outbox');
    await app.screenshot('offline-queued');
  });

  it('shows a conflict after a change behind the app’s back, and applies once rebased', async () => {
    await app.app.services.sandbox.restart();
    const runtime = await app.app.services.runtimes.get('sandbox');
    await runtime.clients.agentSharing.share({
      agentIds: [AGENT],
      organizations: [
        { orgId: RETAIL, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' },
      ],
    });
    const sandbox = app.app.services.sandbox.current()!;
    await vi.waitFor(() => {
      const shared = [...sandbox.state.shareAssociations.values()].some(
        (association) => association.agentId === AGENT && association.orgId === RETAIL,
      );
      if (!shared) throw new Error('the change behind the app’s back has not landed yet');
    });

    await goTo(page, 'Activity');
    await page.getByRole('tab', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: 'Replay now' }).click();
    const conflict = page.getByRole('table', { name: /^Conflict for Support Assistant/ });
    await conflict.waitFor({ timeout: 60_000 });

    const retail = conflict.getByRole('row', { name: /^Retail Changed on the server/ });
    const cells = await retail.getByRole('cell').allTextContents();
    expect(await retail.getByRole('rowheader').textContent()).toContain('Changed on the server');
    expect(cells[0]).toBe('not shared');
    expect(cells[1]).toContain('holds “and children” policy');
    expect(cells[2]).toContain('share');
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('offline-conflict');

    await page.getByRole('button', { name: 'Rebase' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Replay now' }).click();
    const lastReplay = page.getByRole('region', { name: 'Last replay' });
    await lastReplay.getByText('Support Assistant: applied').waitFor({ timeout: 60_000 });
    expect(await page.getByText('No plan is waiting in the outbox.').count()).toBe(1);
    await app.screenshot('offline-replayed');
    expect(app.pageErrors).toEqual([]);
  });
});
