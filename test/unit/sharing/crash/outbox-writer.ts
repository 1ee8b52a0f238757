/**
 * Child process of the crash test: opens the outbox in `dir` and keeps making the changes of
 * `sequence.ts`, printing `ACK <state>` after each one is committed. With `pauseAt=N` it stops
 * dead at its N-th file-system call (printing `PAUSE`) so the parent can SIGKILL it exactly
 * there.
 */
import { silentLogger } from '../../../../main/log/logger';
import { DurableFile, type FsShim, nodeFs } from '../../../../main/sharing/durable-file';
import { Outbox, type OutboxDoc, outboxDocSchema } from '../../../../main/sharing/outbox';
import { plan } from '../../../../main/sharing/plan';
import { snapshot, planContext } from '../support/fixtures';
import { applyOp, nextOp, render, type Row } from './sequence';

const [dir, pauseArg] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: outbox-writer <dir> [pauseAt]');
const pauseAt = pauseArg === undefined ? Infinity : Number(pauseArg);
let calls = 0;

function gate(): Promise<void> {
  calls += 1;
  if (calls !== pauseAt) return Promise.resolve();
  process.stdout.write('PAUSE\n');
  setInterval(() => undefined, 1000);
  return new Promise(() => undefined);
}

const pausingFs: FsShim = {
  open: async (path, flags) => {
    await gate();
    const handle = await nodeFs.open(path, flags);
    return {
      write: async (data) => {
        await gate();
        await handle.write(data);
      },
      sync: async () => {
        await gate();
        await handle.sync();
      },
      close: async () => {
        await gate();
        await handle.close();
      },
    };
  },
  readFile: (path) => nodeFs.readFile(path),
  rename: async (from, to) => {
    await gate();
    await nodeFs.rename(from, to);
  },
  link: async (existing, newPath) => {
    await gate();
    await nodeFs.link(existing, newPath);
  },
  unlink: async (path) => {
    await gate();
    await nodeFs.unlink(path);
  },
  readdir: (path) => nodeFs.readdir(path),
  mkdir: (path) => nodeFs.mkdir(path),
};

async function main(target: string): Promise<void> {
  const file = new DurableFile<OutboxDoc>({
    dir: target,
    name: 'outbox.json',
    format: 'sharedesk.outbox',
    schema: outboxDocSchema,
    fs: pausingFs,
    logger: silentLogger,
  });
  const { outbox, problems } = await Outbox.open(file);
  if (problems.length > 0) throw new Error(`unexpected load problems: ${JSON.stringify(problems)}`);
  const base = snapshot({});
  const draft = plan(base, { mode: 'none' }, planContext);
  let rows: Row[] = outbox.entries().map((entry) => ({ id: entry.id, status: entry.status }));
  process.stdout.write('READY\n');

  for (;;) {
    const op = nextOp(rows);
    if (op.kind === 'add') {
      await outbox.add({
        id: op.id,
        profileId: 'p',
        agentId: 'agent-1',
        desired: { mode: 'none' },
        base,
        plan: draft,
      });
    } else {
      await outbox.update(op.id, (entry) => ({ ...entry, status: 'discarded' }));
    }
    rows = applyOp(rows, op);
    process.stdout.write(`ACK ${render(rows)}\n`);
  }
}

main(dir).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(2);
});
