/**
 * The profile file (`profiles.json` in the data folder), read through a `conf`-compatible
 * store the caller passes in: electron-store in the shell, `conf` in Node. A file that cannot
 * be read or validated is moved aside under a timestamped name and reported — never reset in
 * place, so nothing the user configured disappears without a trace.
 */
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Logger } from '../log/logger';
import { migrateDocument } from './migrations';
import {
  CURRENT_SCHEMA_VERSION,
  type Profile,
  storeDocumentSchema,
  type StoreDocument,
} from './schema';

/** The part of the `conf` / electron-store API used here. */
export interface KeyValueStore {
  get(key: string): unknown;
  /** Sets several keys in one write of the file. */
  set(values: Record<string, unknown>): void;
  readonly path: string;
}

export interface StoreFactoryOptions {
  cwd: string;
  configName: string;
  /** Always false: a store that empties itself on a parse error would lose profiles silently. */
  clearInvalidConfig: false;
}

export type StoreFactory = (options: StoreFactoryOptions) => KeyValueStore;

export interface QuarantineRecord {
  /** Where the unreadable file now is. */
  movedTo: string;
  reason: string;
  at: string;
}

export interface StoreHealth {
  quarantined: QuarantineRecord[];
  migratedFrom?: number;
  /** Copy of the file taken before a migration rewrote it. */
  backup?: string;
}

export class ProfileStoreError extends Error {
  readonly code: 'NEWER_SCHEMA' | 'UNREADABLE';

  constructor(code: 'NEWER_SCHEMA' | 'UNREADABLE', message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ProfileStoreError';
    this.code = code;
  }
}

export interface ProfileStore {
  read(): Profile[];
  write(profiles: Profile[]): void;
  health(): StoreHealth;
}

export interface OpenStoreOptions {
  dataDir: string;
  createStore: StoreFactory;
  logger: Logger;
  clock?: () => number;
}

const CONFIG_NAME = 'profiles';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function asideName(file: string, label: string, ms: number): string {
  const name = basename(file).replace(/\.json$/, '');
  return join(dirname(file), `${name}.${label}-${stamp(ms)}.json`);
}

export function openProfileStore(options: OpenStoreOptions): ProfileStore {
  const clock = options.clock ?? Date.now;
  const log = options.logger;
  const file = join(options.dataDir, `${CONFIG_NAME}.json`);
  const factoryOptions: StoreFactoryOptions = {
    cwd: options.dataDir,
    configName: CONFIG_NAME,
    clearInvalidConfig: false,
  };
  const health: StoreHealth = { quarantined: [] };

  const quarantine = (reason: string): void => {
    const movedTo = asideName(file, 'corrupt', clock());
    renameSync(file, movedTo);
    health.quarantined.push({ movedTo, reason, at: new Date(clock()).toISOString() });
    log.error('the profile file was unreadable and has been moved aside', { movedTo, reason });
  };

  let store: KeyValueStore;
  try {
    store = options.createStore(factoryOptions);
  } catch (error) {
    if (!existsSync(file))
      throw new ProfileStoreError('UNREADABLE', 'cannot open the profile store', error);
    quarantine(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    store = options.createStore(factoryOptions);
  }

  let document: StoreDocument;
  const result = migrateDocument({
    schemaVersion: store.get('schemaVersion'),
    profiles: store.get('profiles'),
  });
  if (result.ok) {
    document = result.document;
    if (result.migratedFrom !== undefined) {
      const backup = asideName(file, `v${result.migratedFrom}-backup`, clock());
      copyFileSync(file, backup);
      health.migratedFrom = result.migratedFrom;
      health.backup = backup;
      store.set({ schemaVersion: CURRENT_SCHEMA_VERSION, profiles: document.profiles });
      log.info(`migrated the profile file from version ${result.migratedFrom}`, { backup });
    }
  } else if (result.problem === 'newer') {
    throw new ProfileStoreError(
      'NEWER_SCHEMA',
      `the profile file was written by a newer ShareDesk (schema ${result.version}); not touching it`,
    );
  } else {
    quarantine(result.reason);
    document = { schemaVersion: CURRENT_SCHEMA_VERSION, profiles: [] };
  }

  return {
    read: () => document.profiles.map((profile) => structuredClone(profile)),
    write: (profiles) => {
      const next = storeDocumentSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, profiles });
      store.set({ schemaVersion: next.schemaVersion, profiles: next.profiles });
      document = next;
    },
    health: () => structuredClone(health),
  };
}
