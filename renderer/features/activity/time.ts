/** Times in the journal and the outbox, in the user's time zone, to the minute. */

const pad = (value: number): string => String(value).padStart(2, '0');

/** "2026-01-05 14:03" in local time; the ISO text itself when it does not parse. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The start of a `YYYY-MM-DD` day in local time, as ISO; undefined for an empty field. */
export function dayStart(day: string): string | undefined {
  if (day === '') return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The last millisecond of a `YYYY-MM-DD` day in local time, as ISO. */
export function dayEnd(day: string): string | undefined {
  if (day === '') return undefined;
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
