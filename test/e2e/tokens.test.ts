/**
 * The Token workbench in Chromium against the embedded sandbox: an OBO consent run signed in
 * and approved in the authorization page, the delegated token's act chain in the inspector, a
 * tampered token shown invalid, and a wrong agent secret answered with the attempts left.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../main/sandbox/data/demo-ids';
import { launchApp, type RunningApp } from './support/app';
import { seriousViolations } from './support/axe';

const PROFILE = 'sandbox';
const AGENT = DEMO.agents.supportAssistant;
const BUSINESS = DEMO.orgs.business;

let app: RunningApp;
let page: Page;

/** Shares the agent with Business through the Agent Sharing API, as an administrator would. */
async function shareAgentWithBusiness(): Promise<void> {
  const runtime = await app.app.services.runtimes.get(PROFILE);
  const admin = DEMO.apps.admin;
  const token = await runtime.http.request({
    method: 'POST',
    url: '/oauth2/token',
    basic: { username: admin.clientId, password: admin.clientSecret },
    form: { grant_type: 'client_credentials', scope: 'internal_agent_share' },
  });
  const accessToken = (token.body as { access_token: string }).access_token;
  await runtime.http.request({
    method: 'POST',
    url: '/api/server/v1/agents/share',
    bearer: accessToken,
    json: {
      agentCriteria: { agentIds: [AGENT] },
      organizations: [
        { orgId: BUSINESS, policy: 'SELECTED_ORG_ONLY', roleAssignment: { mode: 'NONE' } },
      ],
    },
  });
  const sandbox = app.app.services.sandbox.current()!;
  await vi.waitFor(() => {
    const shared = [...sandbox.state.shareAssociations.values()].some(
      (a) => a.agentId === AGENT && a.orgId === BUSINESS,
    );
    if (!shared) throw new Error('the share has not been applied yet');
  });
}

async function openWorkbench(tab: 'Flows' | 'Inspector' | 'Compare'): Promise<void> {
  await page.getByRole('button', { name: /^Token workbench/ }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** The OBO token the app holds, raw, as the user's explicit copy action gives it. */
async function heldOboToken(): Promise<string> {
  const tokens = await app.app.handlers.listTokens({ profileId: PROFILE });
  const obo = tokens.find((token) => token.source === 'obo');
  if (!obo) throw new Error('no OBO token is held');
  return (await app.app.handlers.copyToken({ profileId: PROFILE, tokenRef: obo.tokenRef })).token;
}

/** Changes one character of the decoded payload and re-encodes it; the signature stays. */
function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const json = Buffer.from(payload!, 'base64url').toString('utf8');
  const at = json.indexOf('Business');
  if (at < 0) throw new Error('payload has no org name to change');
  const changed = `${json.slice(0, at)}Busines$${json.slice(at + 'Business'.length)}`;
  return [header, Buffer.from(changed, 'utf8').toString('base64url'), signature].join('.');
}

beforeAll(async () => {
  app = await launchApp();
  page = app.page;
  await page.getByRole('treeitem', { name: /^Business\b/ }).waitFor({ timeout: 30_000 });
  await shareAgentWithBusiness();
});

afterAll(async () => {
  await app?.stop();
});

describe('Token workbench', () => {
  it('runs an OBO consent run and shows the agent as current actor in the inspector', async () => {
    await openWorkbench('Flows');
    await page.getByRole('radio', { name: 'OBO consent run' }).check();
    await page.getByRole('searchbox', { name: 'Child organization' }).fill('Business');
    await page.getByRole('button', { name: 'Business', exact: true }).click();
    await page
      .getByRole('combobox', { name: 'Shared agent (requested actor)' })
      .selectOption({ label: 'Support Assistant' });
    await page.getByRole('radio', { name: 'Sign in the agent now' }).check();
    await page.getByRole('button', { name: 'Start OBO run' }).click();

    await expect.poll(() => app.authPages.length, { timeout: 30_000 }).toBe(1);
    const auth = app.authPages.at(-1)!;
    await auth.getByLabel('Username').fill('alice');
    await auth.getByLabel('Password').fill('alice-password');
    await auth.getByRole('button', { name: 'Sign in' }).click();
    await auth.getByRole('button', { name: 'Approve' }).click();

    const outcome = page.getByRole('form', { name: 'OBO consent run' }).getByRole('status');
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toMatch(/Delegated/);
    expect(await outcome.textContent()).toContain(`Support Assistant acts on behalf of user`);
    const timeline = page.getByRole('region', { name: 'Timeline: OBO consent run' });
    expect(await timeline.textContent()).toContain(
      'Exchange the authorization code with the actor token',
    );

    await outcome.getByRole('button', { name: 'Inspect this token' }).click();
    const chain = page.getByRole('list', { name: 'Delegation chain as text' });
    await chain.waitFor({ timeout: 30_000 });
    const links = await chain.getByRole('listitem').allTextContents();
    expect(links[0]).toContain(DEMO.users.alice.id);
    expect(links[1]).toMatch(/^Current actor \(depth 1\): /);
    expect(links[1]).toContain(AGENT);
    const node = page.getByRole('img', { name: new RegExp(`^Current actor, depth 1: ${AGENT}`) });
    expect(await node.count()).toBe(1);
    expect(await page.getByRole('heading', { name: /^Verification: / }).textContent()).toBe(
      'Verification: Verified',
    );
    await chain.scrollIntoViewIfNeeded();
    await app.screenshot('tokens-obo-inspector');
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('shows a tampered token as invalid with the signature reason, never echoing it', async () => {
    const tampered = tamper(await heldOboToken());
    await openWorkbench('Inspector');
    await page.getByRole('radio', { name: 'Paste a token' }).check();
    await page.getByRole('textbox', { name: 'Token' }).fill(tampered);
    await page.getByRole('button', { name: 'Inspect', exact: true }).click();

    const verdict = page.getByRole('heading', { name: /^Verification: / });
    await expect
      .poll(() => verdict.textContent(), { timeout: 30_000 })
      .toBe('Verification: Invalid');
    const section = page.getByRole('region', { name: 'Verification: Invalid' });
    expect(await section.textContent()).toContain('signature does not verify');
    expect(await page.content()).not.toContain(tampered);
    await app.screenshot('tokens-tampered');
  });

  it('shows the server’s words and the attempts left for a wrong agent secret', async () => {
    const agent = DEMO.agents.travelPlanner;
    await app.app.handlers.saveAgentCredential({
      profileId: PROFILE,
      agentId: agent,
      label: 'Travel Planner',
      secret: 'not-the-secret',
    });
    await openWorkbench('Flows');
    await page.getByRole('radio', { name: 'Agent login' }).check();
    await page.getByRole('combobox', { name: 'Agent' }).selectOption({ label: 'Travel Planner' });
    await page.getByRole('button', { name: 'Sign in the agent' }).click();

    const alert = page.getByRole('form', { name: 'Agent login' }).getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.textContent();
    expect(text).toContain('The agent could not sign in');
    expect(text).toContain('Invalid username or password.');
    expect(text).toMatch(/\d+ attempts? remaining before the agent is locked\./);
    await app.screenshot('tokens-wrong-secret');
  });
});
