/** Folding the main process's progress events into per-step state and spoken messages. */
import { describe, expect, it } from 'vitest';
import {
  announceStep,
  announceVerify,
  EMPTY_PROGRESS,
  withStepEvent,
  withVerifyEvent,
} from '../../../../renderer/features/sharing/progress';

const step = (index: number, status: 'sending' | 'accepted' | 'settled' | 'failed') => ({
  type: 'step' as const,
  planId: 'plan-1',
  agentId: 'agent',
  index,
  count: 2,
  kind: 'share' as const,
  status,
  message: status === 'failed' ? 'HTTP 500' : null,
});

describe('plan progress', () => {
  it('keeps the latest status per step, in step order', () => {
    let progress = withStepEvent(EMPTY_PROGRESS, step(1, 'sending'));
    progress = withStepEvent(progress, step(0, 'sending'));
    progress = withStepEvent(progress, step(0, 'accepted'));
    expect(progress.count).toBe(2);
    expect(progress.steps.map((s) => [s.index, s.status])).toEqual([
      [0, 'accepted'],
      [1, 'sending'],
    ]);
  });

  it('records the latest verification attempt', () => {
    const progress = withVerifyEvent(EMPTY_PROGRESS, {
      type: 'verify',
      planId: 'plan-1',
      agentId: 'agent',
      attempt: 3,
      done: 4,
      total: 7,
    });
    expect(progress.verify).toEqual({ attempt: 3, done: 4, total: 7 });
  });

  it('says where a step is, with the server’s message', () => {
    expect(announceStep(step(1, 'failed'))).toBe(
      'Step 2 of 2, Share with organizations: Failed. HTTP 500',
    );
    expect(
      announceVerify({
        type: 'verify',
        planId: 'p',
        agentId: 'a',
        attempt: 2,
        done: 1,
        total: 3,
      }),
    ).toBe('Verifying, attempt 2: 1 of 3 organizations as planned.');
  });
});
