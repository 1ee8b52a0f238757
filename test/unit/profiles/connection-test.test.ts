import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { type ConnectionTarget, REQUIRED_SCOPES, testConnection } from '../../../main/profiles';
import { makeTestCerts, type TestCerts } from '../http/support/certs';
import type { TestServer } from '../http/support/servers';
import { ADMIN_CLIENT, type FakeIsOptions, startFakeIs } from './support/fake-is';

let certs: TestCerts;
const servers: TestServer[] = [];

beforeAll(async () => {
  certs = await makeTestCerts();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function fakeIs(options: Partial<FakeIsOptions> = {}): Promise<TestServer> {
  const server = await startFakeIs({ tls: certs.caSigned, ...options });
  servers.push(server);
  return server;
}

function target(server: { url: string }, extra: Partial<ConnectionTarget> = {}): ConnectionTarget {
  return {
    profileId: 'prod',
    kind: 'wso2is',
    baseUrl: server.url,
    rootOrgHandle: 'carbon.super',
    trust: { type: 'ca', pem: certs.caPem },
    adminAuth: { type: 'client-credentials', clientId: ADMIN_CLIENT.id },
    ...extra,
  };
}

const withSecret = (secret: string | undefined) => ({
  logger: silentLogger,
  clientSecret: () => Promise.resolve(secret),
});

function summary(report: { checks: { id: string; status: string }[] }): string[] {
  return report.checks.map((check) => `${check.id}:${check.status}`);
}

describe('testConnection', () => {
  it('passes every check against a well-configured server and asks for the management scopes', async () => {
    const server = await fakeIs();
    const report = await testConnection(target(server), withSecret(ADMIN_CLIENT.secret));

    expect(summary(report)).toEqual([
      'discovery:pass',
      'tls:pass',
      'credentials:pass',
      'scopes:pass',
    ]);
    expect(report.ok).toBe(true);
    expect(server.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /t/carbon.super/oauth2/token/.well-known/openid-configuration',
      'GET /oauth2/token/.well-known/openid-configuration',
      'POST /t/carbon.super/oauth2/token',
    ]);
    const form = new URLSearchParams(server.seen[2]!.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')!.split(' ').sort()).toEqual([...REQUIRED_SCOPES].sort());
    expect(form.get('client_secret')).toBeNull();
  });

  it('asks only the tenant-qualified discovery URL for another root organization', async () => {
    const server = await fakeIs({ tenants: ['acme'] });
    const report = await testConnection(
      target(server, { rootOrgHandle: 'acme' }),
      withSecret(ADMIN_CLIENT.secret),
    );
    expect(report.ok).toBe(true);
    expect(server.seen.filter((r) => r.url.includes('.well-known'))).toHaveLength(1);
  });

  it('reports an untrusted self-signed certificate with its fingerprint and skips the rest', async () => {
    const server = await startFakeIs({ tls: certs.selfSigned });
    servers.push(server);
    const report = await testConnection(
      target(server, { trust: { type: 'system' } }),
      withSecret(ADMIN_CLIENT.secret),
    );

    expect(summary(report)).toEqual([
      'discovery:fail',
      'tls:fail',
      'credentials:skipped',
      'scopes:skipped',
    ]);
    const tls = report.checks[1]!;
    expect(tls.detail).toBe(
      `certificate not trusted: self-signed, SHA-256 ${certs.selfSigned.sha256}`,
    );
    expect(tls.data).toMatchObject({ sha256: certs.selfSigned.sha256, selfSigned: true });
    expect(server.seen).toHaveLength(0);
  });

  it('names a certificate issued for another host', async () => {
    const server = await startFakeIs({ tls: certs.wrongHost });
    servers.push(server);
    const report = await testConnection(target(server), withSecret(ADMIN_CLIENT.secret));
    expect(report.checks[1]!.detail).toMatch(/^certificate not issued for this host: issued by /);
  });

  it('reports a wrong client secret with the server’s OAuth error', async () => {
    const server = await fakeIs();
    const report = await testConnection(target(server), withSecret('not-the-secret'));
    expect(summary(report)).toEqual([
      'discovery:pass',
      'tls:pass',
      'credentials:fail',
      'scopes:skipped',
    ]);
    expect(report.checks[2]!.detail).toBe(
      'token request: HTTP 401 invalid_client — A valid OAuth client could not be found for client_id: mgmt-app',
    );
  });

  it('says which scopes the token lacks', async () => {
    const server = await fakeIs({
      grantedScopes: REQUIRED_SCOPES.filter((s) => s !== 'internal_agent_share'),
    });
    const report = await testConnection(target(server), withSecret(ADMIN_CLIENT.secret));
    expect(report.ok).toBe(false);
    expect(report.checks[3]).toMatchObject({
      status: 'fail',
      detail: 'token lacks internal_agent_share',
      data: { missing: ['internal_agent_share'] },
    });
  });

  it('reports a missing discovery document with its status, while TLS is fine', async () => {
    const server = await fakeIs({ discoveryHtml404: true });
    const report = await testConnection(target(server), withSecret(ADMIN_CLIENT.secret));
    expect(summary(report).slice(0, 2)).toEqual(['discovery:fail', 'tls:pass']);
    expect(report.checks[0]!.detail).toBe(
      'GET /t/carbon.super/oauth2/token/.well-known/openid-configuration: HTTP 404 (HTTP Status 404 – Not Found)',
    );
  });

  it('skips credentials for interactive sign-in', async () => {
    const server = await fakeIs();
    const report = await testConnection(
      target(server, { adminAuth: { type: 'interactive', clientId: 'console-app' } }),
      withSecret(undefined),
    );
    expect(summary(report)).toEqual([
      'discovery:pass',
      'tls:pass',
      'credentials:skipped',
      'scopes:skipped',
    ]);
    expect(report.ok).toBe(true);
  });

  it('fails credentials when no secret is stored', async () => {
    const server = await fakeIs();
    const report = await testConnection(target(server), withSecret(undefined));
    expect(report.checks[2]).toMatchObject({
      status: 'fail',
      detail: 'no client secret stored for mgmt-app',
    });
  });

  it('reports a refused connection without blaming TLS', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const report = await testConnection(
      target({ url: `https://127.0.0.1:${port}` }),
      withSecret(ADMIN_CLIENT.secret),
    );
    expect(summary(report)).toEqual([
      'discovery:fail',
      'tls:skipped',
      'credentials:skipped',
      'scopes:skipped',
    ]);
    expect(report.checks[0]!.detail).toMatch(/connection refused$/);
  });
});
