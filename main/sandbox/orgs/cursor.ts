/**
 * Organization list cursors: Base64 of the `created` timestamp string. WSO2 decodes them with
 * Java's strict Base64 decoder and `Timestamp.valueOf`; anything either rejects is ORG-60026.
 */
import { parseTimestamp, type PreciseInstant } from './timestamps';

export function encodeCursor(created: string): string {
  return Buffer.from(created, 'utf8').toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/** The instant a cursor names, or undefined when it is not a valid cursor. */
export function decodeCursor(cursor: string): PreciseInstant | undefined {
  if (!BASE64.test(cursor)) return undefined;
  return parseTimestamp(Buffer.from(cursor, 'base64').toString('utf8'));
}

/** True when an organization created at `micros` lies strictly before the cursor's instant. */
export function isBefore(micros: number, cursor: PreciseInstant): boolean {
  return micros < cursor.micros || (micros === cursor.micros && cursor.extraNanos > 0);
}

/** True when an organization created at `micros` lies strictly after the cursor's instant. */
export function isAfter(micros: number, cursor: PreciseInstant): boolean {
  return micros > cursor.micros;
}
