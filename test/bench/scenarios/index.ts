/** Every scenario, in report order. */
import { bulkShareScenario } from './bulk-share';
import { memoryScenario } from './memory';
import { searchScenario } from './search';
import { syncScenario } from './sync';
import { tokenExchangeScenario } from './token-exchange';
import type { Scenario } from './types';

export const SCENARIOS: readonly Scenario[] = [
  syncScenario,
  searchScenario,
  tokenExchangeScenario,
  bulkShareScenario,
  memoryScenario,
];
