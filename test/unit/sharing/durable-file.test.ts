import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../../../main/log/logger';
import { DurableFile, type FsShim, nodeFs } from '../../../main/sharing/durable-file';

const schema = z.object({ items: z.array(z.number()) });
type Doc = z.infer<typeof schema>;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recordingFs(log: string[], failWrite?: () => Error | undefined): FsShim {
  const short = (path: string) =>
    path
      .replace(dir, '')
      .replace(/tmp-(bak-)?[0-9a-f]+/, (_, bak: string | undefined) => `tmp-${bak ?? ''}X`);
  return {
    open: async (path, flags) => {
      log.push(`open(${short(path) || '/'},${flags})`);
      const handle = await nodeFs.open(path, flags);
      return {
        write: async (data) => {
          log.push(`write(${short(path)})`);
          const error = failWrite?.();
          if (error !== undefined) throw error;
          await handle.write(data);
        },
        sync: async () => {
          log.push(`fsync(${short(path) || '/'})`);
          await handle.sync();
        },
        close: async () => {
          log.push(`close(${short(path) || '/'})`);
          await handle.close();
        },
      };
    },
    readFile: (path) => nodeFs.readFile(path),
    rename: async (from, to) => {
      log.push(`rename(${short(from)},${short(to)})`);
      await nodeFs.rename(from, to);
    },
    link: async (existing, newPath) => {
      log.push(`link(${short(existing)},${short(newPath)})`);
      await nodeFs.link(existing, newPath);
    },
    unlink: async (path) => {
      log.push(`unlink(${short(path)})`);
      await nodeFs.unlink(path);
    },
    readdir: (path) => nodeFs.readdir(path),
    mkdir: (path) => nodeFs.mkdir(path),
  };
}

function store(fs?: FsShim): DurableFile<Doc> {
  return new DurableFile<Doc>({
    dir,
    name: 'doc.json',
    format: 'test.doc',
    schema,
    logger: silentLogger,
    clock: { now: () => Date.parse('2026-03-04T05:06:07.089Z') },
    ...(fs === undefined ? {} : { fs }),
  });
}

describe('DurableFile', () => {
  it('writes temp (wx) → fsync → rename → fsync(dir), keeping the previous generation', async () => {
    await store().save({ items: [1] });
    const log: string[] = [];
    await store(recordingFs(log)).save({ items: [1, 2] });
    expect(log).toEqual([
      'open(/doc.json.tmp-X,wx)',
      'write(/doc.json.tmp-X)',
      'fsync(/doc.json.tmp-X)',
      'close(/doc.json.tmp-X)',
      'link(/doc.json,/doc.json.tmp-bak-X)',
      'rename(/doc.json.tmp-bak-X,/doc.json.bak)',
      'rename(/doc.json.tmp-X,/doc.json)',
      'open(/,r)',
      'fsync(/)',
      'close(/)',
    ]);
    expect((await store().load()).value).toEqual({ items: [1, 2] });
    expect(await readFile(join(dir, 'doc.json.bak'), 'utf8')).toContain('[1]');
  });

  it('leaves the previous file intact and surfaces ENOSPC during the write', async () => {
    await store().save({ items: [7] });
    const log: string[] = [];
    const enospc = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    await expect(store(recordingFs(log, () => enospc)).save({ items: [8] })).rejects.toThrow(
      'no space',
    );
    expect(log).not.toContain('rename(/doc.json.tmp-X,/doc.json)');
    expect(await readdir(dir)).toEqual(['doc.json']);
    expect((await store().load()).value).toEqual({ items: [7] });
  });

  it('starts empty with no problem when there is no file', async () => {
    expect(await store().load()).toEqual({ value: undefined, problems: [], strayRemoved: [] });
  });

  it('removes stray temp files left by a crash', async () => {
    await store().save({ items: [1] });
    await writeFile(join(dir, 'doc.json.tmp-abc123'), '{"half');
    const result = await store().load();
    expect(result.strayRemoved).toEqual(['doc.json.tmp-abc123']);
    expect(result.value).toEqual({ items: [1] });
    expect(await readdir(dir)).not.toContain('doc.json.tmp-abc123');
  });

  it('quarantines a truncated file, keeps it, and uses the backup generation', async () => {
    await store().save({ items: [1] });
    await store().save({ items: [1, 2] });
    await writeFile(join(dir, 'doc.json'), '{"format":"test.doc","vers');
    const result = await store().load();
    expect(result.value).toEqual({ items: [1] });
    expect(result.problems.map((p) => p.kind)).toEqual(['corrupt', 'restored-from-backup']);
    const quarantined = result.problems[0]?.quarantinedTo ?? '';
    expect(quarantined).toMatch(/doc\.json\.corrupt-2026-03-04T05-06-07-089Z$/);
    expect(await readFile(quarantined, 'utf8')).toBe('{"format":"test.doc","vers');
    expect((await store().load()).value).toEqual({ items: [1] });
  });

  it('keeps the backup until a restored main file is in place (a crash mid-restore loses nothing)', async () => {
    await store().save({ items: [1] });
    await store().save({ items: [1, 2] });
    await writeFile(join(dir, 'doc.json'), 'garbage');
    const crashing: FsShim = {
      ...nodeFs,
      rename: async (from, to) => {
        if (to.endsWith('doc.json')) throw new Error('simulated crash');
        await nodeFs.rename(from, to);
      },
    };
    await expect(store(crashing).load()).rejects.toThrow('simulated crash');
    const result = await store().load();
    expect(result.value).toEqual({ items: [1] });
    expect(result.problems.map((p) => p.kind)).toEqual(['restored-from-backup']);
  });

  it('detects a body edited without its checksum', async () => {
    await store().save({ items: [1] });
    const text = await readFile(join(dir, 'doc.json'), 'utf8');
    await writeFile(join(dir, 'doc.json'), text.replace('[1]', '[9]'));
    const result = await store().load();
    expect(result.problems[0]).toMatchObject({ kind: 'corrupt', detail: 'checksum mismatch' });
  });

  it('names the failing field when the body does not match the schema', async () => {
    const other = new DurableFile<unknown>({
      dir,
      name: 'doc.json',
      format: 'test.doc',
      schema: z.unknown(),
      logger: silentLogger,
    });
    await other.save({ items: ['x'] });
    const result = await store().load();
    expect(result.problems[0]?.detail).toContain('items.0');
  });

  it('reports, and never silently resets, when no generation is valid', async () => {
    await writeFile(join(dir, 'doc.json'), 'garbage');
    await writeFile(join(dir, 'doc.json.bak'), 'more garbage');
    const result = await store().load();
    expect(result.value).toBeUndefined();
    expect(result.problems.map((p) => p.kind)).toEqual(['corrupt', 'corrupt', 'unrecoverable']);
    const files = await readdir(dir);
    expect(files.filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
  });

  it('serializes concurrent saves', async () => {
    const file = store();
    await Promise.all([1, 2, 3, 4, 5].map((n) => file.save({ items: [n] })));
    expect((await store().load()).value).toEqual({ items: [5] });
  });
});
