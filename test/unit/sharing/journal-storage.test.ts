import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeLogFs, type LogFs } from '../../../main/sharing/record-log';
import { journalEntry, journalFile, openJournal } from './support/journal-entries';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const path = (name: string) => join(dir, name);
const ids = (entries: { id: string }[]) => entries.map((entry) => entry.id);
const exists = (name: string) =>
  stat(path(name)).then(
    () => true,
    () => false,
  );

async function recordAll(numbers: number[], options = {}) {
  const { journal } = await openJournal(dir, options);
  for (const n of numbers) await journal.record(journalEntry(n));
}

describe('journal storage', () => {
  it('appends each entry to the log and leaves the snapshot alone', async () => {
    await recordAll([1]);
    const oneEntry = (await stat(path('journal.log'))).size;
    await recordAll([2, 3]);

    expect(await exists('journal.json')).toBe(false);
    expect((await stat(path('journal.log'))).size).toBeGreaterThan(2.5 * oneEntry);
    expect((await stat(path('journal.log'))).size).toBeLessThan(3.5 * oneEntry);
    const { journal, problems } = await openJournal(dir);
    expect(problems).toEqual([]);
    expect(ids(journal.list())).toEqual(['entry-3', 'entry-2', 'entry-1']);
  });

  it('refuses an id it already holds, across reopening', async () => {
    await recordAll([1]);
    const { journal } = await openJournal(dir);

    await expect(journal.record(journalEntry(1))).rejects.toThrow(/already exists/);
    expect(journal.list()).toHaveLength(1);
  });

  it('cuts an unfinished last record off, keeps its bytes aside and reports it', async () => {
    await recordAll([1, 2]);
    const whole = await readFile(path('journal.log'));
    await appendFile(path('journal.log'), 'J1 99999 0123');

    const { journal, problems } = await openJournal(dir);

    expect(ids(journal.list())).toEqual(['entry-2', 'entry-1']);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'corrupt', file: path('journal.log') }),
    ]);
    expect(problems[0]?.detail).toMatch(/unfinished last record.*2 complete entries kept/);
    expect(await readFile(problems[0]!.quarantinedTo!, 'utf8')).toBe('J1 99999 0123');
    expect(await readFile(path('journal.log'))).toEqual(whole);

    await journal.record(journalEntry(3));
    const again = await openJournal(dir);
    expect(again.problems).toEqual([]);
    expect(ids(again.journal.list())).toEqual(['entry-3', 'entry-2', 'entry-1']);
  });

  it('keeps the entries around a damaged one, copies the file aside and compacts', async () => {
    await recordAll([1, 2, 3]);
    const log = await readFile(path('journal.log'));
    const second = log.indexOf('J1 ', 1);
    log.writeUInt8(log.readUInt8(second + 200) ^ 0x01, second + 200);
    await writeFile(path('journal.log'), log);

    const { journal, problems } = await openJournal(dir);

    expect(ids(journal.list())).toEqual(['entry-3', 'entry-1']);
    expect(problems).toEqual([expect.objectContaining({ kind: 'corrupt' })]);
    expect(problems[0]?.detail).toMatch(/checksum does not match at byte \d+/);
    expect(await readFile(problems[0]!.quarantinedTo!)).toEqual(log);
    expect(await exists('journal.log')).toBe(false);
    const again = await openJournal(dir);
    expect(again.problems).toEqual([]);
    expect(ids(again.journal.list())).toEqual(['entry-3', 'entry-1']);
  });

  it('reports a checksummed record that is not a journal entry and keeps the rest', async () => {
    await recordAll([1]);
    const { frameRecord } = await import('../../../main/sharing/record-log');
    await appendFile(path('journal.log'), frameRecord({ id: 'x', note: 'from elsewhere' }));

    const { journal, problems } = await openJournal(dir);

    expect(ids(journal.list())).toEqual(['entry-1']);
    expect(problems[0]?.detail).toMatch(/not a journal entry/);
  });

  it('folds the log into the snapshot once it holds as many entries, keeping .prev', async () => {
    await recordAll([1, 2, 3], { compactAfter: 2 });
    const opened = await openJournal(dir, { compactAfter: 2 });

    expect(opened.problems).toEqual([]);
    expect(await exists('journal.log')).toBe(false);
    expect(await exists('journal.log.prev')).toBe(true);
    const snapshot = JSON.parse(await readFile(path('journal.json'), 'utf8')) as {
      body: { entries: { id: string }[] };
    };
    expect(ids(snapshot.body.entries)).toEqual(['entry-1', 'entry-2', 'entry-3']);

    await opened.journal.record(journalEntry(4));
    const again = await openJournal(dir, { compactAfter: 2 });
    expect(ids(again.journal.list())).toEqual(['entry-4', 'entry-3', 'entry-2', 'entry-1']);
    expect(await exists('journal.log')).toBe(true);
  });

  it('restores a damaged snapshot from .bak plus .prev without losing an entry', async () => {
    await recordAll([1, 2], { compactAfter: 1 });
    await openJournal(dir, { compactAfter: 1 });
    await recordAll([3, 4], { compactAfter: 100 });
    await openJournal(dir, { compactAfter: 1 });
    await writeFile(path('journal.json'), '{"format":"sharedesk.journal","version":1,"sha');

    const { journal, problems } = await openJournal(dir, { compactAfter: 100 });

    expect(problems.map((problem) => problem.kind)).toEqual(['corrupt', 'restored-from-backup']);
    expect(ids(journal.list())).toEqual(['entry-4', 'entry-3', 'entry-2', 'entry-1']);
  });

  it('opens a journal written as one snapshot file and appends after its entries', async () => {
    await journalFile(dir).save({ entries: [journalEntry(1), journalEntry(2)] });

    const { journal, problems } = await openJournal(dir);
    await journal.record(journalEntry(3));

    expect(problems).toEqual([]);
    expect(ids((await openJournal(dir)).journal.list())).toEqual(['entry-3', 'entry-2', 'entry-1']);
  });

  it('cuts a failed write back, so the next entry never follows a partial one', async () => {
    let failNext = false;
    const failing: LogFs = {
      ...nodeLogFs,
      openAppend: async (file) => {
        const handle = await nodeLogFs.openAppend(file);
        return {
          ...handle,
          append: async (data) => {
            if (!failNext) return handle.append(data);
            failNext = false;
            await handle.append(data.subarray(0, 40));
            throw new Error('disk full');
          },
        };
      },
    };
    const { journal } = await openJournal(dir, { logFs: failing });
    await journal.record(journalEntry(1));
    failNext = true;

    await expect(journal.record(journalEntry(2))).rejects.toThrow('disk full');
    await journal.record(journalEntry(3));

    const again = await openJournal(dir);
    expect(again.problems).toEqual([]);
    expect(ids(again.journal.list())).toEqual(['entry-3', 'entry-1']);
  });

  it('leaves no temp file behind', async () => {
    await recordAll([1, 2, 3], { compactAfter: 1 });
    await openJournal(dir, { compactAfter: 1 });

    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
