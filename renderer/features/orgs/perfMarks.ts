/**
 * User-timing marks the benchmark reads: when the first tree row is painted, and how long the
 * tree takes to re-render for one scroll event. Both are no-ops where the API is missing.
 */

export const FIRST_ROW_MARK = 'sharedesk:first-row';
export const SCROLL_FRAME_MEASURE = 'sharedesk:scroll-frame';

/** Measures kept in the timeline before it is cleared; observers still see every one. */
const MAX_SCROLL_MEASURES = 1000;
let scrollMeasures = 0;

function hasUserTiming(): boolean {
  return typeof performance !== 'undefined' && typeof performance.mark === 'function';
}

export function markFirstRow(): void {
  if (!hasUserTiming()) return;
  if (performance.getEntriesByName(FIRST_ROW_MARK).length > 0) return;
  performance.mark(FIRST_ROW_MARK);
}

/** From `start` (a scroll event's dispatch) to now, when the rows for it have been rendered. */
export function measureScrollFrame(start: number): void {
  if (!hasUserTiming() || typeof performance.measure !== 'function') return;
  scrollMeasures += 1;
  if (scrollMeasures > MAX_SCROLL_MEASURES) {
    performance.clearMeasures(SCROLL_FRAME_MEASURE);
    scrollMeasures = 1;
  }
  performance.measure(SCROLL_FRAME_MEASURE, { start, end: performance.now() });
}
