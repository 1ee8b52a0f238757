/**
 * Reading and judging the NumericDate claims (`exp`, `nbf`, `iat`). Shared by verification,
 * explanations and the expiry summary so they all agree on what "absurd" means.
 */
import type { JsonObject, JsonValue } from './json';

export const TIME_CLAIMS = ['exp', 'nbf', 'iat'] as const;
export type TimeClaim = (typeof TIME_CLAIMS)[number];

/** 3000-01-01T00:00:00Z: no token issued by a real server lives past this. */
export const LATEST_SANE_SECONDS = Date.UTC(3000, 0, 1) / 1000;

export type TimeReading =
  | { kind: 'absent' }
  | { kind: 'ok'; seconds: number }
  | { kind: 'not_a_number'; value: JsonValue }
  | { kind: 'absurd'; seconds: number; why: string };

export function readTimeClaim(payload: JsonObject, claim: string): TimeReading {
  if (!Object.hasOwn(payload, claim)) return { kind: 'absent' };
  const value = payload[claim] as JsonValue;
  if (typeof value !== 'number') return { kind: 'not_a_number', value };
  return judgeSeconds(value);
}

export function judgeSeconds(seconds: number): TimeReading {
  if (!Number.isFinite(seconds)) return { kind: 'absurd', seconds, why: 'not a finite number' };
  if (seconds < 0) return { kind: 'absurd', seconds, why: 'negative' };
  if (seconds > LATEST_SANE_SECONDS) return { kind: 'absurd', seconds, why: 'after the year 3000' };
  return { kind: 'ok', seconds };
}

/** "in 12 min", "3 h ago", "just now": coarse on purpose, for people. */
export function formatRelative(targetSeconds: number, nowSeconds: number): string {
  const delta = Math.round(targetSeconds - nowSeconds);
  const size = Math.abs(delta);
  if (size < 5) return 'just now';

  let amount: string;
  if (size < 60) amount = `${size} s`;
  else if (size < 3600) amount = `${Math.floor(size / 60)} min`;
  else if (size < 48 * 3600) amount = `${Math.floor(size / 3600)} h`;
  else amount = `${Math.floor(size / 86400)} d`;
  return delta > 0 ? `in ${amount}` : `${amount} ago`;
}

/** ISO date for a sane NumericDate; undefined for anything Date cannot show. */
export function isoFromSeconds(seconds: number): string | undefined {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
