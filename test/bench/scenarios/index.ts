/** Every scenario, in report order. */
import { searchScenario } from './search';
import { syncScenario } from './sync';
import { tokenExchangeScenario } from './token-exchange';
import type { Scenario } from './types';

export const SCENARIOS: readonly Scenario[] = [syncScenario, searchScenario, tokenExchangeScenario];
