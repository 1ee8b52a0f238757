/** The state a sandbox starts from when no state file provides one. */
import type { SandboxState } from '../state';
import { buildDemoState } from './demo';
import { generateState, type GenerateOptions } from './generate';

export type SandboxData = 'demo' | GenerateOptions;

export function buildInitialState(data: SandboxData, nowMs: number): SandboxState {
  return data === 'demo' ? buildDemoState(nowMs) : generateState(data, nowMs);
}
