/**
 * Crash safety of the journal: a child process recording entries is killed with SIGKILL at 60
 * points — half of them exactly at a chosen file-system call (opening and compacting included,
 * and between the two halves of an append), half at a random moment. After each kill the
 * journal holds every acknowledged entry, at most one more, in order and without duplicates;
 * the only problem it may report is an unfinished last record, whose bytes are kept aside; no
 * temp file is left behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../support/journal-entries';

const WRITER = resolve(__dirname, 'journal-writer.ts');
const ROOT = resolve(__dirname, '../../../..');
const KILLS = 60;
/** Journals are started afresh past this size, so compactions (at 3, 6, 12 … entries) stay frequent. */
const RESTART_AT = 24;
/** Small, so that the writer's opening compacts often and is killed while doing it too. */
const COMPACT_AFTER = 3;

/** A small seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Run {
  lastAck: number | undefined;
  stderr: string;
  exitCode: number | null;
}

function runWriter(dir: string, pauseAt: number | undefined, killAfterMs: number): Promise<Run> {
  return new Promise((done) => {
    const args = ['--import', 'tsx', WRITER, dir, String(COMPACT_AFTER)];
    if (pauseAt !== undefined) args.push(String(pauseAt));
    const child: ChildProcess = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { lastAck: undefined, stderr: '', exitCode: null };
    let buffer = '';
    const kill = () => child.kill('SIGKILL');
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('ACK ')) run.lastAck = Number(line.slice(4));
        if (line === 'PAUSE') kill();
        if (line === 'READY' && pauseAt === undefined) setTimeout(kill, killAfterMs);
        newline = buffer.indexOf('\n');
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      run.stderr += chunk.toString('utf8');
    });
    // A pause point past the end of what the writer does within the time box still ends.
    const guard = setTimeout(kill, 3_000);
    child.on('exit', (code) => {
      clearTimeout(guard);
      run.exitCode = code;
      done(run);
    });
  });
}

describe('journal crash safety', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'journal-crash-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(`keeps every acknowledged entry after each of ${KILLS} SIGKILLs`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    let committed = 0;
    let total = 0;
    let tornTails = 0;
    let dir = join(root, '0');

    for (let kill = 0; kill < KILLS; kill++) {
      if (committed >= RESTART_AT) {
        total += committed;
        committed = 0;
        dir = join(root, String(kill));
      }
      const pauseAt = kill % 2 === 0 ? 1 + Math.floor(next() * 40) : undefined;
      const run = await runWriter(dir, pauseAt, Math.floor(next() * 60));
      const context = `seed ${seed}, kill ${kill}, pauseAt ${String(pauseAt)}`;
      expect(run.stderr.includes('Error'), `${context}: ${run.stderr}`).toBe(false);
      expect(run.exitCode, context).toBeNull();

      // Reading only: compactions are left to the writer, so that kills land in them too.
      const { journal, problems } = await openJournal(dir, { compactAfter: Infinity });
      for (const problem of problems) {
        expect(problem, context).toMatchObject({ kind: 'corrupt' });
        expect(problem.detail, context).toMatch(/^an unfinished last record/);
        await access(problem.quarantinedTo ?? '');
        tornTails += 1;
      }
      const ids = journal
        .list()
        .map((entry) => entry.id)
        .reverse();
      const acked = run.lastAck === undefined ? committed : run.lastAck + 1;
      expect(acked, context).toBeGreaterThanOrEqual(committed);
      expect([acked, acked + 1], context).toContain(ids.length);
      expect(ids, context).toEqual(ids.map((_id, n) => `entry-${n}`));
      expect(
        (await readdir(dir)).filter((name) => name.includes('.tmp-')),
        context,
      ).toEqual([]);
      committed = ids.length;
    }
    total += committed;
    expect(total).toBeGreaterThan(KILLS / 4);
    console.log(`journal crash test: seed ${seed}, ${total} entries, ${tornTails} torn tails`);
  }, 300_000);
});
