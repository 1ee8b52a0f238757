/**
 * What the renderer scenarios read from the page: its own user-timing marks (first tree row,
 * render work per scroll event), `requestAnimationFrame` deltas while scrolling, and the JS
 * heap through the DevTools protocol.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { FIRST_ROW_MARK, SCROLL_FRAME_MEASURE } from '../../../renderer/features/orgs/perfMarks';

export interface FirstRow {
  /** Milliseconds from navigation start to the first-row mark. */
  firstRowMs: number;
  /** First contentful paint (the app shell), when the browser reports it. */
  firstPaintMs: number | null;
  /** The mark as epoch milliseconds, to compare with a clock outside the page. */
  firstRowEpochMs: number;
}

export async function firstRow(page: Page, timeoutMs: number): Promise<FirstRow> {
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    FIRST_ROW_MARK,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return page.evaluate((mark) => {
    const entry = performance.getEntriesByName(mark)[0]!;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      firstRowMs: entry.startTime,
      firstPaintMs: paint?.startTime ?? null,
      firstRowEpochMs: performance.timeOrigin + entry.startTime,
    };
  }, FIRST_ROW_MARK);
}

/** Rows the tree currently lays out (all visible rows, not only those in the DOM). */
export function treeRowCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tree = document.querySelector<HTMLElement>('[role="tree"]');
    const row = document.querySelector<HTMLElement>('[role="treeitem"]');
    if (!tree || !row || row.offsetHeight === 0) return 0;
    return Math.round(tree.offsetHeight / row.offsetHeight);
  });
}

/**
 * Expands the tree with the keyboard (`*` expands every sibling of the focused row, ArrowDown
 * moves on) until at least `target` rows are laid out or `maxSteps` steps are taken.
 */
export async function expandRows(page: Page, target: number, maxSteps: number): Promise<number> {
  await page.locator('[role="treeitem"]').first().click();
  for (let step = 0; step < maxSteps; step += 1) {
    await page.keyboard.press('*');
    // Moving a few rows between expansions reaches new sibling groups sooner than leaves.
    for (let move = 0; move < 5; move += 1) await page.keyboard.press('ArrowDown');
    if (step % 10 === 9 && (await treeRowCount(page)) >= target) break;
  }
  await page.keyboard.press('Home');
  return treeRowCount(page);
}

export interface ScrollFrames {
  /** Time between consecutive animation frames while scrolling. */
  frameDeltas: number[];
  /**
   * The app's own measure per scroll event (`sharedesk:scroll-frame`): from the event's
   * dispatch to the next frame, by which the rows for it have been rendered.
   */
  renderWork: number[];
  scrolledPx: number;
}

/**
 * The in-page scroll loop, as plain JavaScript source: functions handed to `page.evaluate` are
 * serialized, and the TypeScript loader's name-keeping helpers would not exist in the page.
 */
const SCROLL_SCRIPT = `({ durationMs, pxPerFrame, measure }) => new Promise((resolve, reject) => {
  const scroller = document.querySelector('.org-tree-scroll');
  if (!scroller) return reject(new Error('no tree scroll container'));
  performance.clearMeasures(measure);
  const frameDeltas = [];
  let direction = 1;
  let scrolledPx = 0;
  let last = -1;
  let end = -1;
  const frame = (now) => {
    if (last >= 0) frameDeltas.push(now - last);
    else end = now + durationMs;
    last = now;
    const max = scroller.scrollHeight - scroller.clientHeight;
    if (scroller.scrollTop >= max - 1) direction = -1;
    else if (scroller.scrollTop <= 0) direction = 1;
    scroller.scrollTop += direction * pxPerFrame;
    scrolledPx += pxPerFrame;
    if (now < end) requestAnimationFrame(frame);
    else {
      const renderWork = performance.getEntriesByName(measure).map((e) => e.duration);
      resolve({ frameDeltas, renderWork, scrolledPx });
    }
  };
  requestAnimationFrame(frame);
})`;

/** Scrolls the tree `pxPerFrame` every frame for `durationMs`, reversing at either end. */
export async function scrollTree(
  page: Page,
  durationMs: number,
  pxPerFrame: number,
): Promise<ScrollFrames> {
  const run = await page.evaluateHandle(SCROLL_SCRIPT);
  try {
    const result: unknown = await run.evaluate(
      (script, args) => (script as (a: typeof args) => Promise<unknown>)(args),
      { durationMs, pxPerFrame, measure: SCROLL_FRAME_MEASURE },
    );
    return result as ScrollFrames;
  } finally {
    await run.dispose();
  }
}

/** The page's JS heap in use after a full collection, through the DevTools protocol. */
export async function jsHeapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (used === undefined) throw new Error('the browser reported no JSHeapUsedSize');
    return used.value;
  } finally {
    await cdp.detach();
  }
}
