import { describe, expect, it } from 'vitest';
import { migrateDocument } from '../../../main/profiles';

const base = {
  id: 'lab',
  name: 'Lab',
  serverUrl: 'https://is.lab.example:9443',
  tenant: 'carbon.super',
  clientId: 'lab-admin',
};

function migrateOne(profile: Record<string, unknown>) {
  const result = migrateDocument({ schemaVersion: 1, profiles: [profile] });
  if (!result.ok) throw new Error(`migration failed: ${JSON.stringify(result)}`);
  expect(result.migratedFrom).toBe(1);
  return result.document.profiles[0]!;
}

describe('schema migration 1 → 2', () => {
  it('maps the flat version 1 fields onto the version 2 shape', () => {
    expect(migrateOne({ ...base, proxy: 'http://proxy.lab.example:3128' })).toEqual({
      id: 'lab',
      name: 'Lab',
      kind: 'wso2is',
      baseUrl: 'https://is.lab.example:9443',
      rootOrgHandle: 'carbon.super',
      adminAuth: { type: 'client-credentials', clientId: 'lab-admin' },
      trust: { type: 'system' },
      proxyUrl: 'http://proxy.lab.example:3128',
      agents: [],
    });
  });

  it('strips a /t/{tenant} suffix but keeps a context path', () => {
    expect(migrateOne({ ...base, serverUrl: 'https://h.example/is/t/carbon.super' }).baseUrl).toBe(
      'https://h.example/is',
    );
  });

  it('recognises Asgardeo hosts', () => {
    const us = migrateOne({ ...base, serverUrl: 'https://api.asgardeo.io/t/acme', tenant: 'acme' });
    expect(us).toMatchObject({ kind: 'asgardeo-us', baseUrl: 'https://api.asgardeo.io' });
  });

  it('turns the interactive flag into interactive admin auth', () => {
    expect(migrateOne({ ...base, interactive: true }).adminAuth).toEqual({
      type: 'interactive',
      clientId: 'lab-admin',
    });
  });

  it('prefers a pin over a CA and normalises the fingerprint', () => {
    const hex = 'ab'.repeat(32);
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(migrateOne({ ...base, pinnedCertSha256: hex, caCertPem: pem }).trust).toEqual({
      type: 'pin',
      sha256: Array(32).fill('AB').join(':'),
    });
    expect(migrateOne({ ...base, caCertPem: pem }).trust).toEqual({ type: 'ca', pem });
  });

  it('treats a document without a version as version 1', () => {
    const result = migrateDocument({ schemaVersion: undefined, profiles: [base] });
    expect(result).toMatchObject({ ok: true, migratedFrom: 1 });
  });

  it('reports a damaged version 1 document instead of guessing', () => {
    expect(migrateDocument({ schemaVersion: 1, profiles: [{ ...base, tenant: 7 }] })).toEqual({
      ok: false,
      problem: 'invalid',
      reason: expect.stringContaining('profiles.0.tenant') as string,
    });
    expect(
      migrateDocument({ schemaVersion: 1, profiles: [{ ...base, pinnedCertSha256: 'xyz' }] }),
    ).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('passes a current document through and flags newer ones', () => {
    expect(migrateDocument({ schemaVersion: 2, profiles: [] })).toEqual({
      ok: true,
      document: { schemaVersion: 2, profiles: [] },
    });
    expect(migrateDocument({ schemaVersion: 9, profiles: [] })).toEqual({
      ok: false,
      problem: 'newer',
      version: 9,
    });
    expect(migrateDocument({ schemaVersion: 'two', profiles: [] })).toMatchObject({ ok: false });
  });
});
