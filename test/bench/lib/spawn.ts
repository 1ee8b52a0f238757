/** Child processes timed from spawn until a line of their output appears. */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from './renderer-build';

export interface Spawned {
  child: ChildProcess;
  /** Epoch milliseconds (high resolution) just before the spawn. */
  startedEpochMs: number;
  /** From the spawn until the line appeared. */
  elapsedMs: number;
  match: RegExpMatchArray;
  stop(): Promise<void>;
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Spawns `node --import tsx <args>` and resolves when a stdout line matches `pattern`. */
export function spawnUntil(args: string[], pattern: RegExp, timeoutMs: number): Promise<Spawned> {
  const startedEpochMs = epochNow();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '' },
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise<Spawned>((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`no line matching ${pattern} within ${timeoutMs} ms: ${errors.slice(-500)}`),
      );
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({ child, startedEpochMs, elapsedMs: epochNow() - startedEpochMs, match, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`the process exited (${code}) before printing ${pattern}: ${errors.slice(-500)}`),
      );
    });
  });
}
