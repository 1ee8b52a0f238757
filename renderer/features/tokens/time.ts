/** Times as people read them: "in 12 min", "3 h ago", and a ticking "11 min 32 s" countdown. */

export function formatRelativeTime(targetMs: number, nowMs: number): string {
  const delta = Math.round((targetMs - nowMs) / 1000);
  const size = Math.abs(delta);
  if (size < 5) return 'just now';
  let amount: string;
  if (size < 60) amount = `${size} s`;
  else if (size < 3600) amount = `${Math.floor(size / 60)} min`;
  else if (size < 48 * 3600) amount = `${Math.floor(size / 3600)} h`;
  else amount = `${Math.floor(size / 86400)} d`;
  return delta > 0 ? `in ${amount}` : `${amount} ago`;
}

/** Seconds left as "1 h 02 min", "11 min 32 s", "45 s"; "expired" at or past zero. */
export function formatCountdown(targetMs: number, nowMs: number): string {
  const left = Math.floor((targetMs - nowMs) / 1000);
  if (left <= 0) return 'expired';
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** A date for people in their locale, or the raw text when it is not a date. */
export function formatDate(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toLocaleString();
}

/** Epoch ms of an ISO date string, or null when it does not parse. */
export function parseIso(value: string | undefined): number | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** The JWT NumericDate claims that name a moment. */
export const TIME_CLAIMS: ReadonlySet<string> = new Set(['exp', 'nbf', 'iat', 'auth_time']);
