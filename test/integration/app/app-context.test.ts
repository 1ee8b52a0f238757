import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app/context';
import { rotatingFileSink } from '../../../main/log/file-sink';
import { dispatchCall } from '../../../main/app/dispatch';
import { createLogger, silentLogger } from '../../../main/log/logger';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestApp, type TestApp } from './support';

let app: AppContext;
let dataDir: string;
let call: TestApp['call'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  // The log goes to a file in the data folder, so the final scan covers it too.
  const started = await startTestApp({
    sandbox: { data: { orgs: 5000, seed: 7 } },
    logger: (dir) =>
      createLogger('it', { level: 'debug', sinks: [rotatingFileSink({ dir: join(dir, 'logs') })] }),
  });
  ({ app, dataDir, call } = started);
});

afterAll(async () => {
  await app?.dispose();
});

describe('the app services on the sandbox', () => {
  it('starts on the Sandbox profile and passes every connection check', async () => {
    const state = await call('listProfiles', {});
    expect(state.activeProfileId).toBe('sandbox');
    expect(state.profiles.map((p) => p.id)).toEqual(['sandbox']);
    const report = await call('testConnection', { profileId: 'sandbox' });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['discovery', 'pass'],
      ['tls', 'pass'],
      ['credentials', 'pass'],
      ['scopes', 'pass'],
    ]);
    const profile = (await call('listProfiles', {})).profiles[0]!;
    expect(profile.clientSecret.set).toBe(true);
    expect(profile.agents.map((a) => a.label)).toContain('Support Assistant');
  });

  it('syncs a generated 5 000-organization tree, searches it and lists agents and roles', async () => {
    const outcome = await call('syncOrgTree', { profileId: 'sandbox' });
    expect(outcome.status).toBe('completed');
    const expected = app.services.sandbox.current()!.state.orgs.size - 1;
    expect(outcome.fetched).toBe(expected);
    const status = await call('getTreeStatus', { profileId: 'sandbox' });
    expect(status).toMatchObject({ online: true, orgCount: expected, source: 'server' });

    const someOrg = [...app.services.sandbox.current()!.state.orgs.values()].at(-1)!;
    const found = await call('searchOrgs', {
      profileId: 'sandbox',
      query: someOrg.orgHandle,
      limit: 10,
    });
    expect(found.hits.map((h) => h.node.id)).toContain(someOrg.id);

    const agents = await call('listAgents', { profileId: 'sandbox' });
    expect(agents.map((a) => a.id)).toContain(DEMO.agents.supportAssistant);
    const roles = await call('listRoles', { profileId: 'sandbox' });
    expect(roles.length).toBeGreaterThan(0);
  });

  it('refuses a profile with an envelope that names each failing field', async () => {
    const envelope = await dispatchCall(
      app.handlers,
      'saveProfile',
      {
        profile: {
          name: ' ',
          kind: 'wso2is',
          baseUrl: 'http://is.example.com',
          rootOrgHandle: 'carbon.super',
          adminAuth: { type: 'client-credentials', clientId: 'm2m' },
          trust: { type: 'system' },
        },
      },
      silentLogger,
    );
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('invalid-input');
    expect(envelope.error.fieldErrors?.map((issue) => issue.field)).toEqual(['name', 'baseUrl']);
  });

  it('runs agent login and an organization switch and keeps tokens out of every result', async () => {
    const login = await call('agentLogin', {
      profileId: 'sandbox',
      agentId: DEMO.agents.supportAssistant,
      clientId: DEMO.apps.agentLogin.clientId,
      redirectUri: 'http://127.0.0.1/callback',
      scopes: ['openid'],
    });
    expect(login.ok).toBe(true);
    const tokens = await call('listTokens', { profileId: 'sandbox' });
    expect(tokens).toHaveLength(1);
    expect(JSON.stringify(tokens)).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);

    const report = await call('inspectToken', {
      source: { kind: 'held', tokenRef: tokens[0]!.tokenRef },
      profileId: 'sandbox',
      introspect: true,
    });
    expect(report.verification.state).toBe('verified');
    expect(report.claims.find((c) => c.claim === 'aut')?.value).toBe('AGENT');
    expect(report.introspection?.state).toBe('active');
  });

  it('keeps working from the offline cache when the server goes away', async () => {
    const agentsOnline = await call('listAgents', { profileId: 'sandbox' });
    const top = await call('listOrgChildren', { profileId: 'sandbox', parentId: null });
    await app.services.sandbox.stop();

    const agentsOffline = await call('listAgents', { profileId: 'sandbox' });
    expect(agentsOffline).toEqual(agentsOnline);
    expect(await call('listOrgChildren', { profileId: 'sandbox', parentId: null })).toEqual(top);
    const status = await call('getTreeStatus', { profileId: 'sandbox' });
    expect(status.online).toBe(false);
    expect(status.offlineReason).toBeTruthy();
    const found = await call('searchOrgs', { profileId: 'sandbox', query: top[0]!.name, limit: 5 });
    expect(found.hits[0]?.node.id).toBe(top[0]!.id);
  });

  it('leaves no secret or token in any file of the data folder', async () => {
    await app.services.runtimes.peek('sandbox')?.orgs.flush();
    const raw = (
      await call('copyToken', {
        profileId: 'sandbox',
        tokenRef: (await call('listTokens', { profileId: 'sandbox' }))[0]!.tokenRef,
      })
    ).token;
    const secrets = [
      raw,
      DEMO.apps.admin.clientSecret,
      DEMO.apps.agentLogin.clientSecret,
      ...Object.values(DEMO.agentSecrets),
    ];
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `${file}`).toBe(false);
      expect(text, file).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]+/);
    }
  });
});
