/**
 * Scenario 5 — the renderer in Chromium through the browser host, on a data folder holding a
 * cached tree: time from navigation to the first tree row (goal ≤ 500 ms), frame times while
 * scrolling the expanded tree (goal p95 ≤ 16 ms of render work per scroll event; the frame
 * interval itself is reported beside it), and the page's JS heap (reported under scenario 6).
 * There is no natural baseline: values are reported against their goals, with the first
 * contentful paint of the app shell alongside the first row for scale.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../e2e/support/browser';
import { startBrowserApp } from '../lib/browser-app';
import { generateOrgFixture, writeCachedTree } from '../lib/org-fixture';
import { expandRows, firstRow, jsHeapUsed, scrollTree } from '../lib/page';
import { ensureRendererBuilt } from '../lib/renderer-build';
import { row, unavailableRow, type Row } from '../lib/report';
import type { BenchContext, Scenario } from './types';

export const SANDBOX_PROFILE = 'sandbox';
const VIEWPORT = { width: 1280, height: 820 };

interface Collected {
  firstRow: number[];
  /** Reloads with the profile runtime already up: the renderer and RPC path alone. */
  warmFirstRow: number[];
  firstPaint: number[];
  frameDeltas: number[];
  renderWork: number[];
  heap: number[];
  rows: number;
}

/** A data folder whose Sandbox profile has `size` organizations in its offline cache. */
export async function preparedDataDir(size: number): Promise<{ dir: string; topLevel: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'sharedesk-bench-data-'));
  const { tree } = generateOrgFixture(size);
  await writeCachedTree(join(dir, 'cache'), SANDBOX_PROFILE, tree);
  return { dir, topLevel: tree.children('').map((node) => node.name) };
}

async function oneRun(
  browser: Browser,
  dataDir: string,
  topLevel: readonly string[],
  into: Collected | undefined,
  quick: boolean,
): Promise<void> {
  const app = await startBrowserApp(dataDir);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(app.launchUrl);
    const timing = await firstRow(page, 60_000);
    const first = (await page.locator('[role="treeitem"]').first().textContent()) ?? '';
    if (!topLevel.some((name) => first.includes(name))) {
      throw new Error(`the first row "${first.slice(0, 60)}" is not from the cached tree`);
    }
    if (into === undefined) return;
    into.firstRow.push(timing.firstRowMs);
    if (timing.firstPaintMs !== null) into.firstPaint.push(timing.firstPaintMs);
    await page.reload();
    into.warmFirstRow.push((await firstRow(page, 60_000)).firstRowMs);
    into.rows = await expandRows(page, quick ? 300 : 2_000, quick ? 20 : 150);
    const frames = await scrollTree(page, quick ? 1_000 : 3_000, 160);
    into.frameDeltas.push(...frames.frameDeltas);
    into.renderWork.push(...frames.renderWork);
    into.heap.push(await jsHeapUsed(context, page));
  } finally {
    await context.close();
    await app.stop();
  }
}

function longFrames(deltas: readonly number[]): string {
  const long = deltas.filter((delta) => delta > 25).length;
  return `${((long / Math.max(1, deltas.length)) * 100).toFixed(1)} %`;
}

async function measure(context: BenchContext, browser: Browser, size: number): Promise<Row[]> {
  const { dir, topLevel } = await preparedDataDir(size);
  const reps = context.quick ? 1 : 5;
  const collected: Collected = {
    firstRow: [],
    warmFirstRow: [],
    firstPaint: [],
    frameDeltas: [],
    renderWork: [],
    heap: [],
    rows: 0,
  };
  try {
    // The first launch also creates the profile store; it is not recorded.
    await oneRun(browser, dir, topLevel, undefined, context.quick);
    for (let i = 0; i < reps; i += 1)
      await oneRun(browser, dir, topLevel, collected, context.quick);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const scenario = `5 renderer, ${size.toLocaleString('en-US')} cached`;
  const rows = [
    row({
      scenario,
      metric: 'navigation → first row, cold',
      unit: 'ms',
      samples: collected.firstRow,
      baseline: { label: 'first contentful paint', samples: collected.firstPaint },
      goal: { kind: 'at-most', target: 500 },
      note:
        'first load after the host starts: includes opening the profile (which starts the ' +
        'sandbox) and reading the cache; baseline column: first contentful paint of the shell',
    }),
    row({
      scenario,
      metric: 'navigation → first row, warm',
      unit: 'ms',
      samples: collected.warmFirstRow,
      goal: { kind: 'at-most', target: 500 },
      note: 'a reload with the profile already open: the renderer and the RPC path alone',
    }),
    row({
      scenario,
      metric: 'render work per scroll p95',
      unit: 'ms',
      statistic: 'p95',
      samples: collected.renderWork,
      goal: { kind: 'at-most', target: 16 },
      note:
        `the renderer's own measure, from each scroll event's dispatch to the next frame, by ` +
        `which its rows are rendered; ${collected.rows.toLocaleString('en-US')} rows expanded`,
    }),
    row({
      scenario,
      metric: 'frame interval p95',
      unit: 'ms',
      statistic: 'p95',
      samples: collected.frameDeltas,
      note:
        `requestAnimationFrame deltas while scrolling 160 px a frame (16.7 ms = every 60 Hz ` +
        `frame made); ${longFrames(collected.frameDeltas)} of frames took over 25 ms`,
    }),
    row({
      scenario: `6 renderer, ${size.toLocaleString('en-US')} cached`,
      metric: 'JS heap used',
      unit: 'MB',
      samples: collected.heap.map((bytes) => bytes / 2 ** 20),
      note: 'after expanding and scrolling, after a full collection (DevTools protocol)',
    }),
  ];
  return rows;
}

export const rendererScenario: Scenario = {
  id: 'renderer',
  title: 'Renderer',
  run: async (context) => {
    if (!existsSync(CHROMIUM_PATH)) {
      return [unavailableRow('5 renderer', 'all', 'skipped', `no Chromium at ${CHROMIUM_PATH}`)];
    }
    await ensureRendererBuilt(context.log);
    const browser = await launchChromium();
    try {
      return await measure(context, browser, context.quick ? 10_000 : 100_000);
    } finally {
      await browser.close();
    }
  },
};
