/** The printed table and `bench/results.json`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Goal, Row } from './report';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  platform: string;
  arch: string;
  /** 1-minute load average when the run started; other work on the machine shows here. */
  loadAverage: number;
  date: string;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  const gib = (bytes: number): number => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    date: new Date().toISOString(),
  };
}

export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function withUnit(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '–';
  return unit === '' ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}

export function formatGoal(goal: Goal | null, unit: string): string {
  if (goal === null) return '–';
  switch (goal.kind) {
    case 'at-most-times':
      return `≤ ${goal.target}×`;
    case 'at-least-times':
      return `≥ ${goal.target}×`;
    case 'at-most':
      return `≤ ${goal.target} ${unit}`.trim();
  }
}

export function formatRatio(row: Row): string {
  if (row.ratio === null) return '–';
  const text = `${row.ratio >= 100 ? Math.round(row.ratio) : row.ratio.toFixed(2)}×`;
  return row.ratioKind === 'value/goal' ? `${text} goal` : text;
}

export function formatSpread(row: Row): string {
  if (row.spread === null) return '–';
  return `${withUnit(row.spread.min, '')}–${withUnit(row.spread.max, row.unit)}`;
}

export const COLUMNS = [
  'scenario',
  'metric',
  'median',
  'spread (min–max)',
  'baseline',
  'ratio',
  'goal',
  'verdict',
] as const;

export function tableCells(row: Row): string[] {
  return [
    row.scenario,
    row.metric,
    withUnit(row.value, row.unit),
    formatSpread(row),
    row.baseline === null ? '–' : withUnit(row.baseline, row.unit),
    formatRatio(row),
    formatGoal(row.goal, row.unit),
    row.verdict,
  ];
}

/** A plain-text table for the terminal. */
export function renderTable(rows: readonly Row[]): string {
  const cells = [COLUMNS.slice(), ...rows.map(tableCells)];
  const widths = COLUMNS.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const lines = cells.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  const notes = rows
    .filter((r) => r.note !== undefined)
    .map((r) => `  ${r.scenario} / ${r.metric}: ${r.note}`);
  return [...lines, ...(notes.length > 0 ? ['', 'Notes:', ...notes] : [])].join('\n');
}

/** The same table in Markdown, for the README's Performance section. */
export function renderMarkdown(rows: readonly Row[]): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const lines = [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${tableCells(r).map(escape).join(' | ')} |`),
  ];
  return lines.join('\n');
}

export interface Results {
  mode: 'quick' | 'full';
  machine: MachineInfo;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: number;
  durationMs: number;
  rows: Row[];
}

/** Formats `text` as the repository's Prettier settings would, so the files pass its check. */
async function formatted(file: string, text: string, parser: 'json' | 'markdown'): Promise<string> {
  const config = (await resolveConfig(file)) ?? {};
  return format(text, { ...config, parser });
}

/** Writes the results as JSON, and the table as Markdown beside it (`.md`). */
export async function writeResults(file: string, results: Results): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await formatted(file, JSON.stringify(results, null, 2), 'json'));
  const { machine } = results;
  const markdown = file.replace(/\.json$/, '') + '.md';
  const heading =
    `${results.mode} run, ${machine.date.slice(0, 10)}: ${machine.cpus} × ${machine.cpuModel}, ` +
    `${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; load average ` +
    `${machine.loadAverage} at the start, ${results.loadAverageAtEnd} at the end; ` +
    `${Math.round(results.durationMs / 1000)} s.`;
  const notes = results.rows
    .filter((r) => r.note !== undefined)
    .map((r) => `- ${r.scenario} / ${r.metric}: ${r.note}`);
  const text = [heading, '', renderMarkdown(results.rows), '', ...notes, ''].join('\n');
  writeFileSync(markdown, await formatted(markdown, text, 'markdown'));
  return markdown;
}
