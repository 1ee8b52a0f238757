/**
 * The per-profile offline cache: the organization tree, the agents, the roles and each
 * agent's share state, each in its own file with the time it was fetched, so the app can
 * start offline and say how old each part is. Files are validated on load; a file that does
 * not parse is moved aside with a timestamp and reported, never silently emptied.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { agentShareStateSchema } from '../wso2/agent-sharing-model';
import { agentSchema } from '../wso2/agents';
import { formatPath } from '../wso2/schema';
import { roleSchema } from '../wso2/roles';
import { type CacheFs, isNotFound, nodeFs, removeStrayTemps, writeFileAtomic } from './atomic-file';
import { treeSnapshotSchema } from './snapshot';

const FORMAT = 1;

export interface CachedValue<T> {
  /** Epoch milliseconds when the value was fetched from the server. */
  fetchedAt: number;
  value: T;
}

export type CacheLoad<T> =
  | { status: 'missing' }
  | { status: 'loaded'; entry: CachedValue<T> }
  /** The file was unreadable; it now lives at `movedTo` and the section starts empty. */
  | { status: 'quarantined'; movedTo: string; reason: string };

export interface CacheSection<T> {
  readonly file: string;
  load(): Promise<CacheLoad<T>>;
  /** Atomic replace; concurrent saves of one section are applied in call order. */
  save(entry: CachedValue<T>): Promise<void>;
}

export const cachedTreeSchema = z.object({
  /** False when some parents could not be listed during the sync. */
  complete: z.boolean(),
  /** When the last complete full sync finished, if the tree came from one. */
  syncedAt: z.number().nullable(),
  snapshot: treeSnapshotSchema,
});
export type CachedTree = z.infer<typeof cachedTreeSchema>;

export const cachedSharesSchema = z.record(
  z.string(),
  z.object({ fetchedAt: z.number(), state: agentShareStateSchema }),
);
export type CachedShares = z.infer<typeof cachedSharesSchema>;

export interface ProfileCache {
  readonly dir: string;
  tree: CacheSection<CachedTree>;
  agents: CacheSection<z.infer<typeof agentSchema>[]>;
  roles: CacheSection<z.infer<typeof roleSchema>[]>;
  /** Share state per agent id, each with its own fetch time. */
  shares: CacheSection<CachedShares>;
}

export interface ProfileCacheDeps {
  /** The cache root; each profile gets a directory below it. */
  dir: string;
  profileId: string;
  fs?: CacheFs;
  clock?: () => number;
  logger: Logger;
}

const SAFE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** A directory name for the profile: its id when plain, otherwise a hash of it. */
export function profileDirName(profileId: string): string {
  if (SAFE_NAME.test(profileId)) return profileId;
  return `p-${createHash('sha256').update(profileId).digest('hex').slice(0, 32)}`;
}

export function createProfileCache(deps: ProfileCacheDeps): ProfileCache {
  const dir = path.join(deps.dir, profileDirName(deps.profileId));
  const section = <T>(name: string, schema: z.ZodType<T>): CacheSection<T> =>
    createCacheSection({ ...deps, file: path.join(dir, `${name}.json`), schema });
  return {
    dir,
    tree: section('org-tree', cachedTreeSchema),
    agents: section('agents', z.array(agentSchema)),
    roles: section('roles', z.array(roleSchema)),
    shares: section('agent-shares', cachedSharesSchema),
  };
}

interface SectionDeps<T> extends ProfileCacheDeps {
  file: string;
  schema: z.ZodType<T>;
}

export function createCacheSection<T>(deps: SectionDeps<T>): CacheSection<T> {
  const fs = deps.fs ?? nodeFs;
  const clock = deps.clock ?? Date.now;
  const log = deps.logger.child('cache');
  const entrySchema = z.object({
    format: z.literal(FORMAT),
    fetchedAt: z.number().finite().nonnegative(),
    value: deps.schema,
  });
  let writing: Promise<void> = Promise.resolve();

  const quarantine = async (reason: string): Promise<CacheLoad<T>> => {
    const stamp = new Date(clock()).toISOString().replace(/[:.]/g, '-');
    const movedTo = `${deps.file}.corrupt-${stamp}`;
    await fs.rename(deps.file, movedTo);
    log.error('cache file unreadable; moved aside', { file: path.basename(deps.file), reason });
    return { status: 'quarantined', movedTo, reason };
  };

  const load = async (): Promise<CacheLoad<T>> => {
    await removeStrayTemps(fs, deps.file);
    let text: string;
    try {
      text = await fs.readFile(deps.file, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return { status: 'missing' };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return quarantine('not valid JSON');
    }
    const parsed = entrySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined ? '' : formatPath(issue.path);
      return quarantine(`${where === '' ? '(file)' : where}: ${issue?.message ?? 'invalid'}`);
    }
    return {
      status: 'loaded',
      entry: { fetchedAt: parsed.data.fetchedAt, value: parsed.data.value },
    };
  };

  const save = (entry: CachedValue<T>): Promise<void> => {
    const run = async (): Promise<void> => {
      await fs.mkdir(path.dirname(deps.file), { recursive: true });
      const data = JSON.stringify({
        format: FORMAT,
        fetchedAt: entry.fetchedAt,
        value: entry.value,
      });
      await writeFileAtomic(fs, deps.file, data);
    };
    const next = writing.then(run, run);
    writing = next.catch(() => undefined);
    return next;
  };

  return { file: deps.file, load, save };
}

/**
 * The section with its first `load` already under way, so a file can be read while something
 * slower (a server starting) is awaited. That first call gets the read begun here; later calls
 * read the file again.
 */
export function withLoadStarted<T>(section: CacheSection<T>): CacheSection<T> {
  let started: Promise<CacheLoad<T>> | undefined = section.load();
  // A failed read is reported to whoever awaits the load, not as an unhandled rejection.
  started.catch(() => undefined);
  return {
    file: section.file,
    save: (entry) => section.save(entry),
    load: () => {
      const first = started ?? section.load();
      started = undefined;
      return first;
    },
  };
}
