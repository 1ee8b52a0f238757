/** Deterministic identifiers for initial data, so restarts and seeds give the same ids. */
import { createHash } from 'node:crypto';

function formatUuid(bytes: Uint8Array, version: number): string {
  const b = Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | (version << 4);
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A name-based UUID (version 5 layout over SHA-256): the same name always gives the same id. */
export function stableUuid(name: string): string {
  return formatUuid(createHash('sha256').update(`sharedesk-sandbox:${name}`).digest(), 5);
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const scratch = Buffer.alloc(36);

function writeHex(word: number, at: number): number {
  for (let shift = 28; shift >= 0; shift -= 4) {
    if (at === 8 || at === 13 || at === 18 || at === 23) scratch[at++] = 0x2d;
    scratch[at++] = HEX_DIGITS[(word >>> shift) & 0xf]!;
  }
  return at;
}

/**
 * A version 4 UUID drawn from a seeded generator of 32-bit words. Hot in large trees: it
 * writes into one buffer so each id is a single flat string, not a rope of slices.
 */
export function seededUuid(nextWord: () => number): string {
  let at = writeHex(nextWord(), 0);
  at = writeHex(((nextWord() & 0xffff0fff) | 0x4000) >>> 0, at);
  at = writeHex(((nextWord() & 0x3fffffff) | 0x80000000) >>> 0, at);
  writeHex(nextWord(), at);
  return scratch.toString('latin1');
}
