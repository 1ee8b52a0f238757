/**
 * `npm run bench [-- --quick] [-- --only sync,search]`: ShareDesk's benchmarks. Each scenario
 * measures the app's code against a baseline run in the same process and the same minute, and
 * reports the ratio. Prints a table and writes `bench/results.json`. Goals are reported, never
 * asserted: the exit code is non-zero only when a scenario crashes.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { machineInfo, renderTable, writeResults } from './lib/output';
import { unavailableRow, type Row } from './lib/report';
import { SCENARIOS } from './scenarios';

const RESULTS_FILE = resolve(__dirname, '..', '..', 'bench', 'results.json');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string', default: RESULTS_FILE },
    },
  });
  const quick = values.quick;
  const only = values.only?.split(',').map((id) => id.trim());
  const selected = SCENARIOS.filter((s) => only === undefined || only.includes(s.id));
  if (selected.length === 0) {
    console.error(
      `No scenario matches --only ${values.only}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`,
    );
    return 2;
  }

  const machine = machineInfo();
  const started = performance.now();
  console.log(
    `ShareDesk bench (${quick ? 'quick' : 'full'}) on ${machine.cpus} × ${machine.cpuModel}, ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverage}`,
  );
  const rows: Row[] = [];
  let crashed = false;
  for (const scenario of selected) {
    console.log(`\n▶ ${scenario.title}`);
    const scenarioStarted = performance.now();
    try {
      rows.push(...(await scenario.run({ quick, log: (line) => console.log(line) })));
    } catch (error) {
      crashed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`  ${scenario.id} crashed: ${message}`);
      rows.push(unavailableRow(scenario.id, scenario.title, 'error', message.split('\n')[0]!));
    }
    console.log(`  (${((performance.now() - scenarioStarted) / 1000).toFixed(1)} s)`);
  }

  const durationMs = performance.now() - started;
  console.log(`\n${renderTable(rows)}\n`);
  const markdown = await writeResults(values.out, {
    mode: quick ? 'quick' : 'full',
    machine,
    loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    durationMs: Math.round(durationMs),
    rows,
  });
  console.log(`Wrote ${values.out} and ${markdown} in ${(durationMs / 1000).toFixed(0)} s.`);
  return crashed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
