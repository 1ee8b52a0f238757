import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { type CacheFs, nodeFs, writeFileAtomic } from '../../../main/orgs/atomic-file';
import { createProfileCache, profileDirName } from '../../../main/orgs/cache';
import { toSnapshot } from '../../../main/orgs/snapshot';
import { OrgTree } from '../../../main/orgs/tree';
import { orgId } from './support';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'orgs-cache-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Wraps the real file system and records each step of a write. */
function observedFs(fail?: { step: string; error: Error }) {
  const steps: string[] = [];
  const name = (file: string) =>
    path.relative(dir, file).replace(/\.[0-9a-f-]{36}\.tmp$/, '.<tmp>');
  const fs: CacheFs = {
    ...nodeFs,
    open: async (file, flags) => {
      const handle = await nodeFs.open(file, flags);
      steps.push(`open(${flags}) ${name(file)}`);
      return {
        writeFile: async (data, encoding) => {
          if (fail?.step === 'write') {
            steps.push('write failed');
            throw fail.error;
          }
          await handle.writeFile(data, encoding);
          steps.push(`write ${name(file)}`);
        },
        sync: async () => {
          await handle.sync();
          steps.push(`fsync ${name(file) || '.'}`);
        },
        close: async () => {
          await handle.close();
          steps.push(`close ${name(file) || '.'}`);
        },
      };
    },
    rename: async (from, to) => {
      await nodeFs.rename(from, to);
      steps.push(`rename ${name(from)} -> ${name(to)}`);
    },
    unlink: async (file) => {
      await nodeFs.unlink(file);
      steps.push(`unlink ${name(file)}`);
    },
  };
  return { fs, steps };
}

describe('atomic write', () => {
  it('writes a temp file, fsyncs it, renames it over the target, then fsyncs the directory', async () => {
    const { fs, steps } = observedFs();
    const file = path.join(dir, 'x.json');
    await writeFileAtomic(fs, file, '{"a":1}');
    expect(steps).toEqual([
      'open(wx) x.json.<tmp>',
      'write x.json.<tmp>',
      'fsync x.json.<tmp>',
      'close x.json.<tmp>',
      'rename x.json.<tmp> -> x.json',
      'open(r) ',
      'fsync .',
      'close .',
    ]);
    expect(await readFile(file, 'utf8')).toBe('{"a":1}');
  });

  it('leaves the previous file intact and no temp file when the write fails', async () => {
    const file = path.join(dir, 'x.json');
    await writeFile(file, 'previous');
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const { fs, steps } = observedFs({ step: 'write', error: full });
    await expect(writeFileAtomic(fs, file, 'next')).rejects.toBe(full);
    expect(await readFile(file, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['x.json']);
    expect(steps).toEqual([
      'open(wx) x.json.<tmp>',
      'write failed',
      'close x.json.<tmp>',
      'unlink x.json.<tmp>',
    ]);
  });
});

describe('profile cache', () => {
  function tree(): OrgTree {
    const t = new OrgTree({ id: '', name: 'Root', orgHandle: 'carbon.super' });
    t.setChildren('', [{ id: orgId(1), name: 'Org 1', orgHandle: 'org-1', status: 'ACTIVE' }]);
    return t;
  }

  it('round-trips every section with its fetch time', async () => {
    const cache = createProfileCache({ dir, profileId: 'work', logger: silentLogger });
    const snapshot = toSnapshot(tree());
    const agent = {
      id: orgId(9),
      userName: `AGENT/${orgId(9)}`,
      extension: { DisplayName: 'Bot' },
    };
    const role = {
      id: 'r1',
      displayName: 'Viewer',
      audience: { value: orgId(0), type: 'organization' as const },
    };
    const share = {
      agentId: orgId(9),
      organizations: [],
      pages: 1,
      sharingMode: {
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS' as const,
        roleAssignment: { mode: 'NONE' as const, roles: [] },
      },
    };
    await cache.tree.save({ fetchedAt: 1, value: { complete: true, syncedAt: 1, snapshot } });
    await cache.agents.save({ fetchedAt: 2, value: [agent] });
    await cache.roles.save({ fetchedAt: 3, value: [role] });
    await cache.shares.save({
      fetchedAt: 4,
      value: { [orgId(9)]: { fetchedAt: 4, state: share } },
    });

    const reopened = createProfileCache({ dir, profileId: 'work', logger: silentLogger });
    expect(await reopened.tree.load()).toEqual({
      status: 'loaded',
      entry: { fetchedAt: 1, value: { complete: true, syncedAt: 1, snapshot } },
    });
    expect(await reopened.agents.load()).toEqual({
      status: 'loaded',
      entry: { fetchedAt: 2, value: [agent] },
    });
    expect(await reopened.roles.load()).toEqual({
      status: 'loaded',
      entry: { fetchedAt: 3, value: [role] },
    });
    expect(await reopened.shares.load()).toEqual({
      status: 'loaded',
      entry: { fetchedAt: 4, value: { [orgId(9)]: { fetchedAt: 4, state: share } } },
    });
  });

  it('reports a missing file as missing', async () => {
    const cache = createProfileCache({ dir, profileId: 'new', logger: silentLogger });
    expect(await cache.tree.load()).toEqual({ status: 'missing' });
  });

  it('moves a corrupt file aside with a timestamp and reports it', async () => {
    const cache = createProfileCache({
      dir,
      profileId: 'work',
      logger: silentLogger,
      clock: () => Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    await cache.agents.save({ fetchedAt: 1, value: [] });
    await writeFile(cache.agents.file, '{"format":1,"fetchedAt":1,"value":[{"id":');
    const result = await cache.agents.load();
    expect(result).toEqual({
      status: 'quarantined',
      movedTo: `${cache.agents.file}.corrupt-2026-01-02T03-04-05-000Z`,
      reason: 'not valid JSON',
    });
    expect(
      await readFile(`${cache.agents.file}.corrupt-2026-01-02T03-04-05-000Z`, 'utf8'),
    ).toContain('"id":');
    expect(await cache.agents.load()).toEqual({ status: 'missing' });
  });

  it('quarantines a file that parses but fails the schema, naming the field', async () => {
    const cache = createProfileCache({
      dir,
      profileId: 'work',
      logger: silentLogger,
      clock: () => 0,
    });
    const snapshot = toSnapshot(tree());
    const bad = { ...snapshot, parents: [3] };
    await nodeFs.mkdir(cache.dir, { recursive: true });
    await writeFile(
      cache.tree.file,
      JSON.stringify({
        format: 1,
        fetchedAt: 5,
        value: { complete: true, syncedAt: 5, snapshot: bad },
      }),
    );
    const result = await cache.tree.load();
    expect(result).toMatchObject({
      status: 'quarantined',
      reason: expect.stringContaining('value.snapshot.parents[0]'),
    });
  });

  it('cleans up temp files a crash left behind', async () => {
    const cache = createProfileCache({ dir, profileId: 'work', logger: silentLogger });
    await cache.roles.save({ fetchedAt: 1, value: [] });
    await writeFile(`${cache.roles.file}.0b5e1a0e-1111-4222-8333-444455556666.tmp`, 'half');
    expect(await cache.roles.load()).toMatchObject({ status: 'loaded' });
    expect((await readdir(cache.dir)).sort()).toEqual(['roles.json']);
  });

  it('applies concurrent saves in call order', async () => {
    const cache = createProfileCache({ dir, profileId: 'work', logger: silentLogger });
    await Promise.all([1, 2, 3, 4, 5].map((n) => cache.roles.save({ fetchedAt: n, value: [] })));
    expect(await cache.roles.load()).toMatchObject({ entry: { fetchedAt: 5 } });
  });

  it('names profile directories safely', () => {
    expect(profileDirName('work-1')).toBe('work-1');
    expect(profileDirName('../../etc')).toMatch(/^p-[0-9a-f]{32}$/);
    expect(profileDirName('a/b')).not.toContain('/');
  });
});
