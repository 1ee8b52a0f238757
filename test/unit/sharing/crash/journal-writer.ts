/**
 * Child process of the journal crash test: opens the journal in `dir` (which may compact it)
 * and keeps recording entries `entry-<n>` after those it holds, printing `ACK <n>` once each is
 * committed. Every file-system call is a numbered gate, and each append is written in two
 * pieces with a gate between, as a write cut short by a crash would leave it. With
 * `pauseAt=N` the writer stops dead at its N-th gate (printing `PAUSE`) so the parent can
 * SIGKILL it exactly there.
 */
import { silentLogger } from '../../../../main/log/logger';
import { DurableFile, type FsShim, nodeFs } from '../../../../main/sharing/durable-file';
import { Journal, journalDocSchema, type JournalDoc } from '../../../../main/sharing/journal';
import { nodeLogFs, type LogFs } from '../../../../main/sharing/record-log';
import { journalEntry } from '../support/journal-entries';

const [dir, compactArg, pauseArg] = process.argv.slice(2);
if (dir === undefined || compactArg === undefined) {
  throw new Error('usage: journal-writer <dir> <compactAfter> [pauseAt]');
}
const pauseAt = pauseArg === undefined ? Infinity : Number(pauseArg);
let calls = 0;

function gate(): Promise<void> {
  calls += 1;
  if (calls !== pauseAt) return Promise.resolve();
  process.stdout.write('PAUSE\n');
  setInterval(() => undefined, 1000);
  return new Promise(() => undefined);
}

function gated<A extends unknown[], R>(work: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    await gate();
    return work(...args);
  };
}

const pausingFs: FsShim = {
  ...nodeFs,
  open: async (path, flags) => {
    await gate();
    const handle = await nodeFs.open(path, flags);
    return { write: gated(handle.write), sync: gated(handle.sync), close: gated(handle.close) };
  },
  rename: gated(nodeFs.rename),
  link: gated(nodeFs.link),
  unlink: gated(nodeFs.unlink),
};

const pausingLogFs: LogFs = {
  ...nodeLogFs,
  openAppend: async (path) => {
    await gate();
    const handle = await nodeLogFs.openAppend(path);
    return {
      append: async (data) => {
        const half = Math.floor(data.length / 2);
        await gate();
        await handle.append(data.subarray(0, half));
        await gate();
        await handle.append(data.subarray(half));
      },
      sync: gated(handle.sync),
      truncate: gated(handle.truncate),
      close: gated(handle.close),
    };
  },
  writeNew: gated(nodeLogFs.writeNew),
  truncate: gated(nodeLogFs.truncate),
  rename: gated(nodeLogFs.rename),
  unlink: gated(nodeLogFs.unlink),
};

async function main(target: string): Promise<void> {
  const file = new DurableFile<JournalDoc>({
    dir: target,
    name: 'journal.json',
    format: 'sharedesk.journal',
    schema: journalDocSchema,
    fs: pausingFs,
    logger: silentLogger,
  });
  const { journal } = await Journal.open(file, {
    logFs: pausingLogFs,
    compactAfter: Number(compactArg),
  });
  process.stdout.write('READY\n');
  for (let n = journal.list().length; ; n++) {
    await journal.record(journalEntry(n));
    process.stdout.write(`ACK ${n}\n`);
  }
}

main(dir).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});
