/** A cache section whose first read is begun before anyone asks for it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { nodeFs } from '../../../main/orgs/atomic-file';
import { createCacheSection, withLoadStarted } from '../../../main/orgs/cache';
import { z } from 'zod';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'orgs-cache-started-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('withLoadStarted', () => {
  it('reads the file at once and hands that read to the first load only', async () => {
    const file = path.join(dir, 'roles.json');
    let reads = 0;
    const fs = {
      ...nodeFs,
      readFile: async (...args: Parameters<typeof nodeFs.readFile>) => {
        const text = await nodeFs.readFile(...args);
        reads += 1;
        return text;
      },
    };
    const plain = createCacheSection({
      dir,
      profileId: 'p',
      logger: silentLogger,
      fs,
      file,
      schema: z.array(z.string()),
    });
    await plain.save({ fetchedAt: 1, value: ['first'] });

    const section = withLoadStarted(plain);
    await vi.waitFor(() => expect(reads).toBe(1));
    await section.save({ fetchedAt: 2, value: ['second'] });

    // The read begun before the save: the first load gives what the file held then.
    expect(await section.load()).toMatchObject({ entry: { value: ['first'] } });
    expect(await section.load()).toMatchObject({ entry: { value: ['second'] } });
    expect(reads).toBe(2);
  });

  it('keeps a failed early read for the first load instead of leaving it unhandled', async () => {
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const section = withLoadStarted(
      createCacheSection({
        dir,
        profileId: 'p',
        logger: silentLogger,
        fs: { ...nodeFs, readFile: () => Promise.reject(denied) },
        file: path.join(dir, 'roles.json'),
        schema: z.array(z.string()),
      }),
    );
    await settled();
    await expect(section.load()).rejects.toBe(denied);
  });
});
