/**
 * The rows of the benchmark report: each a measured value with its spread, the baseline it is
 * compared with, the ratio between them and the goal that ratio (or value) is held to.
 */
import { summarize } from './stats';

/**
 * How a row is judged:
 * - `at-most-times`: value ÷ baseline must stay at or under `target` (overhead over a floor);
 * - `at-least-times`: baseline ÷ value must reach `target` (a speed-up or saving);
 * - `at-most`: the value itself must stay at or under `target` (no natural baseline; the
 *   ratio printed is value ÷ goal).
 */
export type GoalKind = 'at-most-times' | 'at-least-times' | 'at-most';

export interface Goal {
  kind: GoalKind;
  target: number;
}

/** Which way the ratio of a row without a goal is taken. */
export type RatioKind = 'value/baseline' | 'baseline/value' | 'value/goal';

export type Verdict = 'pass' | 'MISS' | 'info' | 'error' | 'skipped';

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  /** Median (or the statistic the metric names) of the samples. */
  value: number | null;
  spread: { min: number; max: number } | null;
  samples: number;
  baseline: number | null;
  baselineLabel: string | null;
  ratio: number | null;
  ratioKind: RatioKind | null;
  goal: Goal | null;
  verdict: Verdict;
  note?: string;
}

export interface RowInput {
  scenario: string;
  metric: string;
  unit: string;
  samples: readonly number[];
  baseline?: { label: string; samples: readonly number[] };
  goal?: Goal;
  /** Which order statistic of the samples (and the baseline's) the row reports. */
  statistic?: 'median' | 'p95';
  /** For rows without a goal: how to take the ratio (default value ÷ baseline). */
  ratioKind?: RatioKind;
  note?: string;
}

function ratioOf(kind: RatioKind, value: number, baseline: number | null, goal: Goal | undefined) {
  switch (kind) {
    case 'value/baseline':
      return baseline === null || baseline === 0 ? null : value / baseline;
    case 'baseline/value':
      return baseline === null || value === 0 ? null : baseline / value;
    case 'value/goal':
      return goal === undefined || goal.target === 0 ? null : value / goal.target;
  }
}

const RATIO_OF_GOAL: Record<GoalKind, RatioKind> = {
  'at-most-times': 'value/baseline',
  'at-least-times': 'baseline/value',
  'at-most': 'value/goal',
};

/** A row from raw samples: median, min–max, baseline median, ratio and verdict. */
export function row(input: RowInput): Row {
  const pick = input.statistic ?? 'median';
  const own = summarize(input.samples);
  const value = own[pick];
  const base = input.baseline === undefined ? null : summarize(input.baseline.samples)[pick];
  const ratioKind: RatioKind | null =
    input.goal !== undefined
      ? RATIO_OF_GOAL[input.goal.kind]
      : base === null
        ? null
        : (input.ratioKind ?? 'value/baseline');
  const ratio = ratioKind === null ? null : ratioOf(ratioKind, value, base, input.goal);
  let verdict: Verdict = 'info';
  if (input.goal !== undefined && ratio !== null) {
    const { kind: goalKind, target } = input.goal;
    const met =
      goalKind === 'at-least-times'
        ? ratio >= target
        : goalKind === 'at-most'
          ? ratio <= 1
          : ratio <= target;
    verdict = met ? 'pass' : 'MISS';
  }
  return {
    scenario: input.scenario,
    metric: input.metric,
    unit: input.unit,
    value,
    spread: own.count > 1 ? { min: own.min, max: own.max } : null,
    samples: own.count,
    baseline: base,
    baselineLabel: input.baseline?.label ?? null,
    ratio,
    ratioKind,
    goal: input.goal ?? null,
    verdict,
    ...(input.note === undefined ? {} : { note: input.note }),
  };
}

/** A row for a scenario that could not run, saying why. */
export function unavailableRow(
  scenario: string,
  metric: string,
  verdict: 'error' | 'skipped',
  note: string,
): Row {
  return {
    scenario,
    metric,
    unit: '',
    value: null,
    spread: null,
    samples: 0,
    baseline: null,
    baselineLabel: null,
    ratio: null,
    ratioKind: null,
    goal: null,
    verdict,
    note,
  };
}
