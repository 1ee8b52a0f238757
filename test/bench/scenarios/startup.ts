/**
 * Scenario 7 — startup: the browser host CLI from process start to the first painted tree row,
 * on a data folder with a cached tree (`node --import tsx main/host/cli.ts --no-open
 * --data-dir …`, its printed URL opened in an already running Chromium). No goal is set for
 * it; the baseline is the same runtime starting an empty script, the floor of any start.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { CHROMIUM_PATH, launchChromium } from '../../e2e/support/browser';
import { firstRow } from '../lib/page';
import { ensureRendererBuilt } from '../lib/renderer-build';
import { row, unavailableRow } from '../lib/report';
import { spawnUntil } from '../lib/spawn';
import { preparedDataDir } from './renderer';
import type { Scenario } from './types';

const URL_LINE = /ShareDesk is running at (\S+)/;

export const startupScenario: Scenario = {
  id: 'startup',
  title: 'Startup',
  run: async (context) => {
    if (!existsSync(CHROMIUM_PATH)) {
      return [unavailableRow('7 startup', 'all', 'skipped', `no Chromium at ${CHROMIUM_PATH}`)];
    }
    await ensureRendererBuilt(context.log);
    const size = context.quick ? 10_000 : 100_000;
    const reps = context.quick ? 1 : 5;
    const { dir, topLevel } = await preparedDataDir(size);
    const browser = await launchChromium();
    const toRow: number[] = [];
    const toUrl: number[] = [];
    const floor: number[] = [];

    const launch = async (record: boolean): Promise<void> => {
      const host = await spawnUntil(
        ['main/host/cli.ts', '--no-open', '--data-dir', dir],
        URL_LINE,
        60_000,
      );
      const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
      try {
        await page.goto(host.match[1]!);
        const timing = await firstRow(page, 60_000);
        const first = (await page.locator('[role="treeitem"]').first().textContent()) ?? '';
        if (!topLevel.some((name) => first.includes(name))) {
          throw new Error(`the first row "${first.slice(0, 60)}" is not from the cached tree`);
        }
        if (record) {
          toUrl.push(host.elapsedMs);
          toRow.push(timing.firstRowEpochMs - host.startedEpochMs);
        }
      } finally {
        await page.close();
        await host.stop();
      }
    };
    const empty = async (record: boolean): Promise<void> => {
      const run = await spawnUntil(['-e', 'process.stdout.write("ready\\n")'], /ready/, 30_000);
      await run.stop();
      if (record) floor.push(run.elapsedMs);
    };

    try {
      await launch(false);
      await empty(false);
      for (let i = 0; i < reps; i += 1) {
        const pair = [launch, empty];
        for (const step of i % 2 === 0 ? pair : pair.reverse()) await step(true);
      }
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }

    const scenario = `7 startup, ${size.toLocaleString('en-US')} cached`;
    const baseline = { label: 'node + tsx, empty script', samples: floor };
    return [
      row({
        scenario,
        metric: 'process start → first row',
        unit: 'ms',
        samples: toRow,
        baseline,
        note: 'Chromium is already running; the URL is opened as soon as it is printed',
      }),
      row({
        scenario,
        metric: 'process start → URL printed',
        unit: 'ms',
        samples: toUrl,
        baseline,
      }),
    ];
  },
};
