/**
 * mulberry32: a small seeded generator. Generated trees and fault decisions must repeat
 * exactly for a seed, which `Math.random` cannot promise.
 */
export interface Prng {
  /** A float in [0, 1). */
  next: () => number;
  /** An unsigned 32-bit integer. */
  word: () => number;
  /** An integer in [0, n). */
  below: (n: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const word = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => word() / 4294967296;
  return {
    next,
    word,
    below: (n) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
