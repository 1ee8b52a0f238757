/** Wording of counts, durations, ages and progress. */
import { describe, expect, it } from 'vitest';
import { syncStats } from '../../../renderer/features/orgs/syncStats';
import { formatAge, formatCount, formatDuration } from '../../../renderer/ui/format';
import { progressText } from '../../../renderer/ui/ProgressBar';

describe('format', () => {
  it('words ages the way the offline badge shows them', () => {
    expect(formatAge(30_000)).toBe('just now');
    expect(formatAge(5 * 60_000)).toBe('5 min ago');
    expect(formatAge(3 * 3_600_000 + 59 * 60_000)).toBe('3 h ago');
    expect(formatAge(72 * 3_600_000)).toBe('3 d ago');
    expect(formatAge(-5_000)).toBe('just now');
  });

  it('words durations for the time left', () => {
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(150)).toBe('3 min');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    expect(formatDuration(3600)).toBe('1 h');
  });

  it('groups thousands', () => {
    expect(formatCount(100_000)).toBe('100,000');
  });
});

describe('syncStats and progressText', () => {
  it('measures rate since the start and the time left from the total', () => {
    const stats = syncStats(20_000, 100_000, 1_000, 11_000);
    expect(stats.ratePerSecond).toBe(2_000);
    expect(stats.etaSeconds).toBe(40);
    expect(progressText({ value: 20_000, max: 100_000, unit: 'organizations', ...stats })).toBe(
      '20,000 of 100,000 organizations · 2,000/s · about 40 s left',
    );
  });

  it('has no rate before anything arrived and no time left while the total is unknown', () => {
    expect(syncStats(0, 100, 0, 5_000)).toEqual({ ratePerSecond: null, etaSeconds: null });
    const stats = syncStats(500, null, 0, 1_000);
    expect(stats).toEqual({ ratePerSecond: 500, etaSeconds: null });
    expect(progressText({ value: 500, max: null, unit: 'organizations', ...stats })).toBe(
      '500 organizations · 500/s',
    );
  });
});
