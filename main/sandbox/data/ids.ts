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

/** A version 4 UUID drawn from a seeded generator of 32-bit words. */
export function seededUuid(nextWord: () => number): string {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i += 4) {
    const word = nextWord();
    bytes[i] = word >>> 24;
    bytes[i + 1] = (word >>> 16) & 0xff;
    bytes[i + 2] = (word >>> 8) & 0xff;
    bytes[i + 3] = word & 0xff;
  }
  return formatUuid(bytes, 4);
}
