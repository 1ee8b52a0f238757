/** Rate and time left for a running sync, from how much was fetched since it started. */

export interface SyncStats {
  /** Organizations per second, or null before there is anything to measure. */
  readonly ratePerSecond: number | null;
  /** Seconds left, or null while the total or the rate is unknown. */
  readonly etaSeconds: number | null;
}

export function syncStats(
  fetched: number,
  total: number | null,
  startedAt: number,
  now: number,
): SyncStats {
  const elapsedSeconds = (now - startedAt) / 1000;
  if (fetched <= 0 || elapsedSeconds <= 0) return { ratePerSecond: null, etaSeconds: null };

  const ratePerSecond = fetched / elapsedSeconds;
  const etaSeconds = total === null ? null : Math.max(0, (total - fetched) / ratePerSecond);
  return { ratePerSecond, etaSeconds };
}
