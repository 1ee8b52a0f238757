/**
 * Timing runs side by side. Every variant of a comparison runs in the same process within the
 * same minute, in alternating order (AB, BA, AB, …) after a warm-up, so slow drift of the
 * machine (other processes, thermal state, JIT) falls on both sides alike.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One timed run; resolves the milliseconds it measured (setup it does inside is excluded). */
export type TimedRun = () => Promise<number>;

export interface Variant {
  label: string;
  run: TimedRun;
  /** Recorded runs of this variant; defaults to the comparison's `reps`. */
  reps?: number;
  /** Warm-up runs; defaults to the comparison's `warmup`. */
  warmup?: number;
}

export interface AlternateOptions {
  reps: number;
  warmup: number;
  /** Called between runs, e.g. to reset server state; not timed. */
  between?: () => Promise<void>;
}

let gcFunction: (() => void) | undefined;

/** Runs a full garbage collection when the engine allows it, so runs start alike. */
export function collectGarbage(): void {
  if (gcFunction === undefined) {
    // `--expose-gc` cannot be passed through the npm script; V8 accepts it at run time and
    // the `gc` function then exists in contexts created afterwards.
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
}

/** Times `work` with the monotonic clock. */
export async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Recorded samples per variant label, in milliseconds. */
export interface Samples {
  /** Wall-clock time each run reported. */
  wall(label: string): number[];
  /**
   * CPU time (user + system) of this whole process during each run, setup inside the run
   * included. Less sensitive than wall time to other work on the machine; it counts the
   * in-process sandbox's work too.
   */
  cpu(label: string): number[];
}

/**
 * Runs every variant `warmup` times, then `reps` rounds in which the order of the variants is
 * reversed every other round. Returns the recorded milliseconds per label.
 */
export async function alternate(
  variants: readonly Variant[],
  options: AlternateOptions,
): Promise<Samples> {
  const wall = new Map<string, number[]>(variants.map((v) => [v.label, []]));
  const cpu = new Map<string, number[]>(variants.map((v) => [v.label, []]));
  const step = async (variant: Variant, record: boolean): Promise<void> => {
    await options.between?.();
    collectGarbage();
    const before = process.cpuUsage();
    const ms = await variant.run();
    const used = process.cpuUsage(before);
    if (!record) return;
    wall.get(variant.label)!.push(ms);
    cpu.get(variant.label)!.push((used.user + used.system) / 1000);
  };

  const warmups = Math.max(...variants.map((v) => v.warmup ?? options.warmup), 0);
  for (let round = 0; round < warmups; round += 1) {
    for (const variant of variants) {
      if (round < (variant.warmup ?? options.warmup)) await step(variant, false);
    }
  }
  const rounds = Math.max(...variants.map((v) => v.reps ?? options.reps), 0);
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      if (round < (variant.reps ?? options.reps)) await step(variant, true);
    }
  }
  return {
    wall: (label) => wall.get(label) ?? [],
    cpu: (label) => cpu.get(label) ?? [],
  };
}
