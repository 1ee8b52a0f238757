/**
 * Profiles in Chromium against the embedded sandbox: the built-in Sandbox profile and its
 * connection test, a refused base URL named on its field with nothing typed lost, a new
 * profile trusted by pinning the certificate it presents, switching to it, and the keychain
 * banner when secrets can only be kept in memory.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../main/log/logger';
import { DEMO } from '../../main/sandbox/data/demo-ids';
import { memoryBackend, openVault } from '../../main/vault';
import { launchApp, type RunningApp } from './support/app';

const CHECKS = ['Discovery', 'TLS certificate', 'Administrator credentials', 'Scopes'];

async function openProfiles(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /Profiles/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Profiles' }).waitFor();
}

/** The outcome badge of each check, in order, once the test has finished. */
async function checkOutcomes(scope: Locator): Promise<string[]> {
  await scope.locator('.connection-checks-summary').waitFor({ timeout: 30_000 });
  const items = scope.locator('.connection-check');
  const outcomes: string[] = [];
  for (let i = 0; i < (await items.count()); i += 1) {
    const name = await items.nth(i).locator('.connection-check-name').textContent();
    const badge = await items.nth(i).locator('.badge').textContent();
    outcomes.push(`${name}: ${badge}`);
  }
  return outcomes;
}

function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

describe('profiles', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    // The first tree load starts the sandbox.
    await page.getByRole('treeitem', { name: /^Business\b/ }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lists the built-in Sandbox and tests its connection: four passing checks', async () => {
    await openProfiles(page);
    const sandbox = page.getByRole('listitem', { name: 'Sandbox' });
    await sandbox.getByText('Built-in, read-only').waitFor();
    expect(await sandbox.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await sandbox.getByRole('button', { name: 'Remove' }).count()).toBe(0);

    await sandbox.getByRole('button', { name: 'Test connection' }).click();

    expect(await checkOutcomes(sandbox)).toEqual(CHECKS.map((name) => `${name}: Passed`));
    await app.screenshot('profiles-sandbox-test');
  });

  it('names a refused base URL on its field and keeps what was typed', async () => {
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Second sandbox');
    await page.getByLabel('Base URL').fill('http://127.0.0.1:9443');
    await page.getByLabel('Root organization handle').fill('carbon.super');
    await page.getByLabel('Client ID').fill(DEMO.apps.admin.clientId);
    await page.getByLabel('Client secret').fill(DEMO.apps.admin.clientSecret);

    await page.getByRole('button', { name: 'Save profile' }).click();

    // The profile service refuses it; its message names the field, which the form maps.
    const baseUrl = page.getByLabel('Base URL');
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await focusedId(page)).toBe('profile-field-baseUrl');
    expect(await baseUrl.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await baseUrl.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      describedBy.split(' '),
    );
    expect(description).toMatch(/Base URL: \S/);
    expect(await baseUrl.inputValue()).toBe('http://127.0.0.1:9443');
    expect(app.logs.some((record) => record.message.includes('saveProfile failed'))).toBe(true);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Second sandbox');
    expect(await page.getByLabel('Client ID').inputValue()).toBe(DEMO.apps.admin.clientId);
    expect(await page.getByLabel('Client secret').inputValue()).toBe(DEMO.apps.admin.clientSecret);
    await app.screenshot('profiles-form-error');
  });

  it('trusts a new profile by pinning the certificate its server presents', async () => {
    const sandbox = app.app.services.sandbox.current()!;
    await page.getByLabel('Base URL').fill(sandbox.url);

    await page.getByRole('button', { name: 'Check certificate' }).click();
    const details = page.getByRole('region', { name: /Certificate presented by/ });
    await details.getByText(sandbox.fingerprint256).waitFor();
    expect(await details.textContent()).toContain('Self-signed');

    await details.getByRole('button', { name: 'Pin this certificate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pin this certificate?' });
    await dialog.getByText(sandbox.fingerprint256).waitFor();
    await dialog.getByRole('button', { name: 'Pin certificate' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('A pinned certificate').isChecked()).toBe(true);
    expect(await page.getByLabel('Pinned SHA-256 fingerprint').inputValue()).toBe(
      sandbox.fingerprint256,
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Pin this certificate',
    );

    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit Second sandbox' }).waitFor();
    // The secret went to the vault; the form shows only that one is set.
    await page.getByText('Set ••••cret').waitFor();
    expect(await page.getByLabel('Client secret').count()).toBe(0);
    expect(await page.content()).not.toContain(DEMO.apps.admin.clientSecret);

    await page.getByRole('button', { name: 'Test connection' }).click();
    const form = page.locator('form.profile-form');
    expect(await checkOutcomes(form)).toEqual(CHECKS.map((name) => `${name}: Passed`));
    expect(await form.getByText('certificate trusted by the pinned certificate').count()).toBe(1);
    await app.screenshot('profiles-form');

    await page.getByRole('button', { name: 'Back to profiles' }).click();
    const second = page.getByRole('listitem', { name: 'Second sandbox' });
    await second.getByText(/^Pinned certificate /).waitFor();
    expect(await focusedId(page)).toMatch(/^profile-open-p-/);
    await app.screenshot('profiles');
  });

  it('switches the app to the new profile from the header picker', async () => {
    const picker = page.getByLabel('Profile', { exact: true });
    const id = await picker.locator('option', { hasText: 'Second sandbox' }).getAttribute('value');
    await picker.selectOption(id);

    await page
      .getByRole('listitem', { name: 'Second sandbox' })
      .getByText('Active', { exact: true })
      .waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /Organ/ })
      .click();
    await page.getByRole('treeitem', { name: /^Business\b/ }).waitFor({ timeout: 30_000 });
    expect(app.pageErrors).toEqual([]);
  });
});

describe('keychain banner', () => {
  let app: RunningApp;

  beforeAll(async () => {
    // A keychain that fails its probe: the vault falls back to memory, as on a machine
    // without a Secret Service.
    const vault = await openVault({
      keychain: memoryBackend(),
      probe: () => Promise.reject(new Error('no Secret Service on this bus')),
      platform: 'linux',
      logger: createLogger('e2e-vault', { level: 'error', sinks: [] }),
    });
    app = await launchApp({ vault });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('says that secrets are kept in memory for this run only, and why', async () => {
    const banner = app.page.getByRole('status').filter({
      hasText: 'Secrets are kept in memory for this run only:',
    });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('no Secret Service on this bus');
    await app.screenshot('keychain-banner');
    expect(app.pageErrors).toEqual([]);
  });
});
