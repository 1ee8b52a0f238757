import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import {
  CURRENT_SCHEMA_VERSION,
  openProfileStore,
  type Profile,
  ProfileStoreError,
  type StoreFactoryOptions,
} from '../../../main/profiles';
import { confFactory } from './support/conf-store';

const NOW = Date.parse('2026-12-03T10:15:30.123Z');
let dir: string;
let records: LogRecord[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sharedesk-profiles-'));
  records = [];
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(factory = confFactory) {
  return openProfileStore({
    dataDir: dir,
    createStore: factory,
    logger: createLogger('profiles', { sinks: [(r) => records.push(r)] }),
    clock: () => NOW,
  });
}

const file = () => join(dir, 'profiles.json');

const prod: Profile = {
  id: 'prod',
  name: 'Production IS',
  kind: 'wso2is',
  baseUrl: 'https://is.example.com',
  rootOrgHandle: 'carbon.super',
  adminAuth: { type: 'client-credentials', clientId: 'mgmt-app' },
  trust: { type: 'system' },
  agents: [],
};

describe('profile store', () => {
  it('starts empty in a new data folder and persists what it is given', () => {
    const store = open();
    expect(store.read()).toEqual([]);
    store.write([prod]);
    expect(open().read()).toEqual([prod]);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      profiles: [prod],
    });
  });

  it('asks the store factory never to clear an invalid file', () => {
    const seen: StoreFactoryOptions[] = [];
    open((options) => (seen.push(options), confFactory(options)));
    expect(seen).toEqual([{ cwd: dir, configName: 'profiles', clearInvalidConfig: false }]);
  });

  it('moves a file that is not JSON aside with a timestamp and reports it', () => {
    writeFileSync(file(), '{"schemaVersion": 2, "profiles": [ {"id": "pro');
    const store = open();

    const aside = join(dir, 'profiles.corrupt-2026-12-03T10-15-30-123Z.json');
    expect(readFileSync(aside, 'utf8')).toBe('{"schemaVersion": 2, "profiles": [ {"id": "pro');
    expect(store.health().quarantined).toEqual([
      {
        movedTo: aside,
        reason: expect.stringContaining('SyntaxError') as string,
        at: '2026-12-03T10:15:30.123Z',
      },
    ]);
    expect(store.read()).toEqual([]);
    expect(records.some((r) => r.level === 'error')).toBe(true);
    store.write([prod]);
    expect(open().read()).toEqual([prod]);
  });

  it('moves a well-formed file with an invalid profile aside, naming the field', () => {
    const bad = { ...prod, baseUrl: 'http://is.example.com' };
    writeFileSync(file(), JSON.stringify({ schemaVersion: 2, profiles: [prod, bad] }));
    const store = open();

    const [record] = store.health().quarantined;
    expect(record!.reason).toContain('profiles.1.baseUrl');
    expect(existsSync(record!.movedTo)).toBe(true);
    expect(existsSync(file())).toBe(false);
    expect(store.read()).toEqual([]);
  });

  it('leaves a file from a newer version alone', () => {
    const newer = JSON.stringify({ schemaVersion: 3, profiles: [{ id: 'x', future: true }] });
    writeFileSync(file(), newer);
    expect(() => open()).toThrow(ProfileStoreError);
    expect(readFileSync(file(), 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['profiles.json']);
  });

  it('migrates a version 1 file, keeps a backup and rewrites it as version 2', () => {
    const v1 = {
      schemaVersion: 1,
      profiles: [
        {
          id: 'acme-eu',
          name: 'Acme EU',
          serverUrl: 'https://api.eu.asgardeo.io/t/acme/',
          tenant: 'acme',
          clientId: 'acme-admin',
          agents: ['4f1c7d0e-2b9a-4c36-8d7e-5a1f0b9c3e21'],
        },
      ],
    };
    writeFileSync(file(), JSON.stringify(v1));
    const store = open();

    expect(store.health()).toMatchObject({ migratedFrom: 1, quarantined: [] });
    const backup = store.health().backup!;
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toEqual(v1);
    const onDisk = JSON.parse(readFileSync(file(), 'utf8')) as { schemaVersion: number };
    expect(onDisk.schemaVersion).toBe(2);
    expect(store.read()).toEqual([
      {
        id: 'acme-eu',
        name: 'Acme EU',
        kind: 'asgardeo-eu',
        baseUrl: 'https://api.eu.asgardeo.io',
        rootOrgHandle: 'acme',
        adminAuth: { type: 'client-credentials', clientId: 'acme-admin' },
        trust: { type: 'system' },
        agents: [
          {
            agentId: '4f1c7d0e-2b9a-4c36-8d7e-5a1f0b9c3e21',
            label: '4f1c7d0e-2b9a-4c36-8d7e-5a1f0b9c3e21',
          },
        ],
      },
    ]);
    // A second start finds version 2 and migrates nothing.
    expect(open().health().migratedFrom).toBeUndefined();
  });

  it('refuses to write an invalid profile list', () => {
    const store = open();
    expect(() => store.write([{ ...prod, rootOrgHandle: 'a/b' }])).toThrow(/rootOrgHandle/);
    expect(existsSync(file())).toBe(false);
  });
});
