import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import {
  createProfileService,
  openProfileStore,
  type ProfileInput,
  type SandboxEndpoint,
} from '../../../main/profiles';
import { openVault, memoryBackend, secretKey, type SecretStore } from '../../../main/vault';
import { makeTestCerts, type TestCerts } from '../http/support/certs';
import type { TestServer } from '../http/support/servers';
import { confFactory } from './support/conf-store';
import { ADMIN_CLIENT, startFakeIs } from './support/fake-is';

let certs: TestCerts;
let dir: string;
let vault: SecretStore;
const servers: TestServer[] = [];

beforeAll(async () => {
  certs = await makeTestCerts();
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sharedesk-service-'));
  vault = await openVault({
    keychain: memoryBackend(),
    platform: 'linux',
    preferMemory: true,
    logger: silentLogger,
  });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

function service(startSandbox?: () => Promise<SandboxEndpoint>) {
  const store = openProfileStore({ dataDir: dir, createStore: confFactory, logger: silentLogger });
  return createProfileService({
    store,
    vault,
    logger: silentLogger,
    ...(startSandbox === undefined ? {} : { startSandbox }),
  });
}

const input: ProfileInput = {
  name: 'Production',
  kind: 'wso2is',
  baseUrl: 'https://is.example.com/',
  rootOrgHandle: 'carbon.super',
  adminAuth: { type: 'client-credentials', clientId: 'mgmt-app' },
  trust: { type: 'system' },
};

describe('profiles', () => {
  it('has the Sandbox profile from the start', () => {
    expect(service().list()).toEqual([
      expect.objectContaining({ id: 'sandbox', name: 'Sandbox', sandbox: true, baseUrl: '' }),
    ]);
  });

  it('creates a profile, keeping its secret in the vault and out of the file', async () => {
    const profiles = service();
    const created = await profiles.save(input, { clientSecret: 'mgmt-app-secret-value' });

    expect(created.id).toMatch(/^p-[0-9a-f]{8}$/);
    expect(created.baseUrl).toBe('https://is.example.com');
    expect(service().get(created.id)).toEqual(created);
    expect(await vault.get(secretKey(created.id, 'client-secret', 'mgmt-app'))).toBe(
      'mgmt-app-secret-value',
    );
    expect(await profiles.secrets(created.id)).toEqual({
      clientSecret: { set: true, hint: '••••alue' },
      agents: {},
    });
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).not.toContain('mgmt-app-secret-value');
  });

  it('fills in the Asgardeo base URL for the region', async () => {
    const created = await service().save({
      ...input,
      kind: 'asgardeo-eu',
      baseUrl: 'https://anything.example',
      rootOrgHandle: 'acme',
    });
    expect(created.baseUrl).toBe('https://api.eu.asgardeo.io');
  });

  it('names the failing field of invalid input', async () => {
    await expect(
      service().save({ ...input, baseUrl: 'ftp://is.example.com' }),
    ).rejects.toMatchObject({
      code: 'INVALID',
      message: expect.stringContaining('baseUrl') as string,
    });
    await expect(
      service().save({ ...input, trust: { type: 'pin', sha256: 'nope' } }),
    ).rejects.toThrow(/trust\.sha256/);
    await expect(service().save({ ...input, id: 'sandbox' })).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
  });

  it('lists every failing field with its own message', async () => {
    const saving = service().save({
      ...input,
      name: ' ',
      baseUrl: 'ftp://is.example.com',
    });
    await expect(saving).rejects.toMatchObject({
      code: 'INVALID',
      field: 'name',
      fieldErrors: [
        { field: 'name', message: 'must not be empty' },
        { field: 'baseUrl', message: expect.stringContaining('https://') as string },
      ],
    });
  });

  it('keeps the stored secret on an edit without one and drops it when the client changes', async () => {
    const profiles = service();
    const created = await profiles.save(input, { clientSecret: 'first-secret-0001' });
    await profiles.save({ ...input, id: created.id, name: 'Renamed' });
    const oldKey = secretKey(created.id, 'client-secret', 'mgmt-app');
    expect(await vault.get(oldKey)).toBe('first-secret-0001');

    await profiles.save({
      ...input,
      id: created.id,
      adminAuth: { type: 'client-credentials', clientId: 'other-app' },
    });
    expect(await vault.get(oldKey)).toBeUndefined();
    expect((await profiles.secrets(created.id)).clientSecret).toEqual({ set: false });
  });

  it('manages agents and their secrets, and removes everything with the profile', async () => {
    const profiles = service();
    const { id } = await profiles.save(input, { clientSecret: 'client-secret-xyz9' });
    const agentId = '4f1c7d0e-2b9a-4c36-8d7e-5a1f0b9c3e21';
    await profiles.saveAgent(id, { agentId, label: 'Billing bot' }, 'agent-secret-value-1234');
    expect(profiles.get(id).agents).toEqual([{ agentId, label: 'Billing bot' }]);
    expect((await profiles.secrets(id)).agents).toEqual({
      [agentId]: { set: true, hint: '••••1234' },
    });
    expect(await profiles.agentSecret(id, agentId)).toBe('agent-secret-value-1234');

    await profiles.remove(id);
    expect(profiles.list().map((p) => p.id)).toEqual(['sandbox']);
    expect(await vault.get(secretKey(id, 'agent-secret', agentId))).toBeUndefined();
    expect(await vault.get(secretKey(id, 'client-secret', 'mgmt-app'))).toBeUndefined();
    await expect(profiles.remove('sandbox')).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});

describe('the Sandbox profile', () => {
  it('starts the sandbox once on first use and keeps its address out of the file', async () => {
    let starts = 0;
    const profiles = service(() => {
      starts += 1;
      return Promise.resolve({
        url: 'https://127.0.0.1:9443',
        caPem: certs.selfSigned.cert,
        fingerprint: certs.selfSigned.sha256,
        adminClient: { clientId: 'sharedesk-admin', clientSecret: 'sharedesk-admin-secret' },
      });
    });
    const [a, b] = await Promise.all([
      profiles.connectionFor('sandbox'),
      profiles.connectionFor('sandbox'),
    ]);
    expect(starts).toBe(1);
    expect(a).toEqual(b);
    expect(a).toMatchObject({
      baseUrl: 'https://127.0.0.1:9443',
      trust: { type: 'ca', pem: certs.selfSigned.cert },
      adminAuth: { type: 'client-credentials', clientId: 'sharedesk-admin' },
    });
    expect(await profiles.clientSecret('sandbox')).toBe('sharedesk-admin-secret');
    expect(profiles.get('sandbox').baseUrl).toBe('https://127.0.0.1:9443');
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).not.toContain('9443');
  });

  it('can retry after a failed start', async () => {
    let attempt = 0;
    const profiles = service(() => {
      attempt += 1;
      return attempt === 1
        ? Promise.reject(new Error('port in use'))
        : Promise.resolve({ url: 'https://127.0.0.1:1', caPem: certs.caPem, fingerprint: 'x' });
    });
    await expect(profiles.connectionFor('sandbox')).rejects.toThrow('port in use');
    await expect(profiles.connectionFor('sandbox')).resolves.toMatchObject({
      baseUrl: 'https://127.0.0.1:1',
    });
  });

  it('passes the connection test against a server started on first use', async () => {
    const profiles = service(async () => {
      const server = await startFakeIs({ tls: certs.selfSigned });
      servers.push(server);
      return {
        url: server.url,
        caPem: certs.selfSigned.cert,
        fingerprint: certs.selfSigned.sha256,
        adminClient: { clientId: ADMIN_CLIENT.id, clientSecret: ADMIN_CLIENT.secret },
      };
    });
    const report = await profiles.testConnection('sandbox');
    expect(report.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('tests a draft before it is saved', async () => {
    const server = await startFakeIs({ tls: certs.caSigned, tenants: ['acme'] });
    servers.push(server);
    const report = await service().testDraft(
      {
        ...input,
        baseUrl: server.url,
        rootOrgHandle: 'acme',
        adminAuth: { type: 'client-credentials', clientId: ADMIN_CLIENT.id },
        trust: { type: 'pin', sha256: certs.caSigned.sha256 },
      },
      ADMIN_CLIENT.secret,
    );
    expect(report.ok).toBe(true);
  });
});
