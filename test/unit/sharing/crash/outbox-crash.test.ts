/**
 * Crash safety of the outbox: a child process writing it is killed with SIGKILL at 200 points —
 * half of them exactly at a chosen file-system call of the write routine, half at a random
 * moment. After each kill the outbox loads without problems, equals the last acknowledged state
 * or the one being written, holds no duplicate, and no temp file is left behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../main/log/logger';
import { DurableFile } from '../../../../main/sharing/durable-file';
import { Outbox, type OutboxDoc, outboxDocSchema } from '../../../../main/sharing/outbox';
import { applyOp, nextOp, render, type Row } from './sequence';

const WRITER = resolve(__dirname, 'outbox-writer.ts');
const ROOT = resolve(__dirname, '../../../..');
const KILLS = 200;

/** A small seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Run {
  lastAck: string | undefined;
  stderr: string;
  exitCode: number | null;
}

function runWriter(dir: string, pauseAt: number | undefined, killAfterMs: number): Promise<Run> {
  return new Promise((done) => {
    const args = [
      '--import',
      'tsx',
      WRITER,
      dir,
      ...(pauseAt === undefined ? [] : [String(pauseAt)]),
    ];
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
        if (line.startsWith('ACK ')) run.lastAck = line.slice(4);
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

async function load(dir: string) {
  const file = new DurableFile<OutboxDoc>({
    dir,
    name: 'outbox.json',
    format: 'sharedesk.outbox',
    schema: outboxDocSchema,
    logger: silentLogger,
  });
  return Outbox.open(file);
}

describe('outbox crash safety', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-crash-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`loads one committed state after each of ${KILLS} SIGKILLs`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const sequence = [''];
    let rows: Row[] = [];
    const ensure = (length: number) => {
      while (sequence.length < length) {
        rows = applyOp(rows, nextOp(rows));
        sequence.push(render(rows));
      }
    };
    let committed = 0;
    let killedMidWrite = 0;

    for (let kill = 0; kill < KILLS; kill++) {
      const pauseAt = kill % 2 === 0 ? 1 + Math.floor(next() * 40) : undefined;
      const run = await runWriter(dir, pauseAt, Math.floor(next() * 60));
      const context = `seed ${seed}, kill ${kill}, pauseAt ${String(pauseAt)}`;
      expect(run.stderr.includes('Error'), `${context}: ${run.stderr}`).toBe(false);
      expect(run.exitCode, context).toBeNull();

      const { outbox, problems } = await load(dir);
      expect(problems, context).toEqual([]);
      const loaded = render(outbox.entries().map((e) => ({ id: e.id, status: e.status })));
      // The writer acknowledges states in sequence order, never more than a few per run.
      ensure(committed + 200);
      const acked = run.lastAck === undefined ? committed : sequence.indexOf(run.lastAck);
      expect(acked, context).toBeGreaterThanOrEqual(committed);
      ensure(acked + 2);
      const allowed = [sequence[acked], sequence[acked + 1]];
      expect(allowed, context).toContain(loaded);
      const ids = outbox.entries().map((e) => e.id);
      expect(new Set(ids).size, context).toBe(ids.length);
      expect(
        (await readdir(dir)).filter((f) => f.includes('.tmp-')),
        context,
      ).toEqual([]);

      if (loaded !== sequence[acked]) killedMidWrite += 1;
      committed = loaded === sequence[acked] ? acked : acked + 1;
    }
    expect(committed).toBeGreaterThan(KILLS / 4);
    console.log(
      `crash test: seed ${seed}, ${committed} committed changes, ${killedMidWrite} kills after a commit before its ACK`,
    );
  }, 600_000);
});
