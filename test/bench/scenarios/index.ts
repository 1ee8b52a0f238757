/** Every scenario, in report order. */
import { bulkShareScenario } from './bulk-share';
import { journalScenario } from './journal';
import { memoryScenario } from './memory';
import { rendererScenario } from './renderer';
import { searchScenario } from './search';
import { startupScenario } from './startup';
import { syncScenario } from './sync';
import { tokenExchangeScenario } from './token-exchange';
import type { Scenario } from './types';

export const SCENARIOS: readonly Scenario[] = [
  syncScenario,
  searchScenario,
  tokenExchangeScenario,
  bulkShareScenario,
  rendererScenario,
  memoryScenario,
  startupScenario,
  journalScenario,
];
