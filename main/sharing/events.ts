/**
 * Progress events of the sharing services, emitted through an injected function so the app can
 * forward them to the renderer. Plain data only.
 */
import type { StepKind } from './plan-types';

export type StepStatus = 'sending' | 'accepted' | 'reconciling' | 'retrying' | 'settled' | 'failed';

export type SharingEvent =
  | {
      type: 'step';
      planId: string;
      agentId: string;
      index: number;
      count: number;
      kind: StepKind;
      status: StepStatus;
      message: string | null;
    }
  | {
      type: 'verify';
      planId: string;
      agentId: string;
      attempt: number;
      done: number;
      total: number;
    }
  | { type: 'bulk'; batchId: string; finished: number; total: number; failed: number }
  | {
      type: 'outbox';
      entryId: string;
      agentId: string;
      status: string;
    };

export type SharingEmitter = (event: SharingEvent) => void;

export const ignoreEvents: SharingEmitter = () => undefined;
