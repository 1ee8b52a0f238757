/**
 * WSO2 keeps an organization's creation time as a SQL `Timestamp` and pages with Base64 of its
 * `toString()` form (`2021-12-21 05:18:31.004348`). The sandbox holds microseconds since the
 * epoch and converts at the edges, in UTC.
 */

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `Timestamp.toString()`: trailing zeros of the fraction dropped, but at least one digit. */
export function formatTimestamp(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const date = new Date(millis);
  const fraction = String(micros - Math.floor(micros / 1_000_000) * 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day} ${time}.${fraction || '0'}`;
}

/** The ISO form used in single-organization responses (`2021-10-25T12:31:53.406Z`). */
export function isoFromMicros(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}

/** An instant with nanosecond precision: whole microseconds plus the leftover nanoseconds. */
export interface PreciseInstant {
  micros: number;
  extraNanos: number;
}

const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?$/;

/** Parses what `Timestamp.valueOf` accepts; undefined for anything else. */
export function parseTimestamp(text: string): PreciseInstant | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const nanos = Number((match[7] ?? '0').padEnd(9, '0'));
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  return { micros: millis * 1000 + Math.floor(nanos / 1000), extraNanos: nanos % 1000 };
}
