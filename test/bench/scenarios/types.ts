/** What a benchmark scenario is given and what it hands back. */
import type { Row } from '../lib/report';

export interface BenchContext {
  /** Small sizes and few repetitions: a smoke test that finishes within a minute. */
  quick: boolean;
  /** Progress lines for the terminal (not part of the report). */
  log(line: string): void;
}

export interface Scenario {
  id: string;
  title: string;
  run(context: BenchContext): Promise<Row[]>;
}
