/**
 * Claim-by-claim comparison of two tokens, e.g. a root token against its organization-switched
 * or on-behalf-of sibling. Values are compared in a canonical form (sorted keys), so nested
 * claims such as `act` compare by content, and scopes compare as sets.
 */
import type { JsonObject, JsonValue } from './json';

export type ClaimChange = 'added' | 'removed' | 'changed' | 'same';

export interface ClaimDiff {
  claim: string;
  change: ClaimChange;
  before?: JsonValue;
  after?: JsonValue;
  /** Claims that tell which identity, organization and delegation a token carries. */
  highlight: boolean;
  /** For list claims (scope, aud): entries gained and lost. */
  entries?: { added: string[]; removed: string[] };
}

export interface TokenDiff {
  claims: ClaimDiff[];
  counts: Record<ClaimChange, number>;
}

export const HIGHLIGHT_CLAIMS = ['sub', 'aut', 'org_id', 'org_handle', 'act', 'scope'] as const;
const LIST_CLAIMS = new Set(['scope', 'aud']);
const MAX_COMPARE_DEPTH = 64;

export function diffTokens(a: JsonObject, b: JsonObject): TokenDiff {
  const highlight = new Set<string>(HIGHLIGHT_CLAIMS);
  const all = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const ordered = [
    ...HIGHLIGHT_CLAIMS.filter((claim) => all.includes(claim)),
    ...all.filter((claim) => !highlight.has(claim)),
  ];

  const claims = ordered.map((claim) => compareClaim(claim, a, b, highlight.has(claim)));
  const counts: Record<ClaimChange, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const entry of claims) counts[entry.change]++;
  return { claims, counts };
}

function compareClaim(claim: string, a: JsonObject, b: JsonObject, highlight: boolean): ClaimDiff {
  const before = Object.hasOwn(a, claim) ? a[claim] : undefined;
  const after = Object.hasOwn(b, claim) ? b[claim] : undefined;
  const entry: ClaimDiff = { claim, change: 'same', highlight };
  if (before !== undefined) entry.before = before;
  if (after !== undefined) entry.after = after;
  if (before === undefined || after === undefined) {
    entry.change = before === undefined ? 'added' : 'removed';
    return entry;
  }

  const left = LIST_CLAIMS.has(claim) ? asList(claim, before) : undefined;
  const right = LIST_CLAIMS.has(claim) ? asList(claim, after) : undefined;
  if (left !== undefined && right !== undefined) {
    const added = right.filter((item) => !left.includes(item));
    const removed = left.filter((item) => !right.includes(item));
    entry.entries = { added, removed };
    if (added.length > 0 || removed.length > 0) entry.change = 'changed';
  } else if (canonical(before, 0) !== canonical(after, 0)) {
    entry.change = 'changed';
  }
  return entry;
}

/** `scope` is space-separated text (an array when so configured); `aud` a string or array. */
function asList(claim: string, value: JsonValue): string[] | undefined {
  if (typeof value === 'string') {
    const items = claim === 'scope' ? value.split(/\s+/).filter((s) => s !== '') : [value];
    return [...new Set(items)];
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return [...new Set(value)];
  }
  return undefined;
}

/** JSON with sorted keys; non-finite numbers keep their name so Infinity differs from null. */
export function canonical(value: JsonValue, depth: number): string {
  if (depth > MAX_COMPARE_DEPTH) return '"[too deep]"';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `#${value}`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item, depth + 1)).join(',')}]`;
  const keys = Object.keys(value).sort();
  const members = keys.map(
    (key) => `${JSON.stringify(key)}:${canonical(value[key] as JsonValue, depth + 1)}`,
  );
  return `{${members.join(',')}}`;
}
