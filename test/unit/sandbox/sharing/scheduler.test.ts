import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../main/log/logger';
import type { SandboxDeps } from '../../../../main/sandbox/deps';
import { createSharing } from '../../../../main/sandbox/sharing';
import { WorkScheduler } from '../../../../main/sandbox/sharing/scheduler';
import { AGENT, ORG, ROOT_ROLE, buildState, copyRoles, org, recordingLogger } from './fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('work scheduler', () => {
  it('applies accepted work only after the delay', () => {
    const scheduler = new WorkScheduler(200, silentLogger);
    const done: string[] = [];
    scheduler.schedule('first', () => done.push('first'));
    vi.advanceTimersByTime(199);
    expect(done).toEqual([]);
    expect(scheduler.size).toBe(1);
    vi.advanceTimersByTime(1);
    expect(done).toEqual(['first']);
    expect(scheduler.size).toBe(0);
  });

  it('runs pending work at once, oldest first, when flushed', () => {
    const scheduler = new WorkScheduler(1000, silentLogger);
    const done: number[] = [];
    scheduler.schedule('one', () => done.push(1));
    scheduler.schedule('two', () => done.push(2));
    scheduler.flush();
    expect(done).toEqual([1, 2]);
    vi.advanceTimersByTime(1000);
    expect(done).toEqual([1, 2]);
  });

  it('drops pending work and ignores new work once stopped', () => {
    const scheduler = new WorkScheduler(10, silentLogger);
    const done: string[] = [];
    scheduler.schedule('pending', () => done.push('pending'));
    scheduler.stop();
    scheduler.schedule('late', () => done.push('late'));
    vi.advanceTimersByTime(100);
    expect(done).toEqual([]);
  });

  it('logs a failure of accepted work instead of throwing', () => {
    const { logger, records } = recordingLogger();
    const scheduler = new WorkScheduler(0, logger);
    scheduler.schedule('agent share', () => {
      throw new Error('boom');
    });
    expect(() => vi.advanceTimersByTime(1)).not.toThrow();
    expect(records).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'agent share failed' }),
    );
  });
});

describe('sharing area', () => {
  function deps(): SandboxDeps {
    return {
      state: buildState(),
      authority: { authenticate: () => undefined },
      clock: () => 0,
      logger: silentLogger,
      origin: () => 'https://127.0.0.1:1',
      rootHandle: 'carbon.super',
      shareDelayMs: 50,
    };
  }

  it('shares with organizations announced by the state until stopped', () => {
    const d = deps();
    d.state.sharePolicies.push({
      agentId: AGENT.travel,
      initiatingOrgId: ORG.root,
      policyHoldingOrgId: ORG.root,
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleIds: [ROOT_ROLE.viewer],
    });
    const area = createSharing(d);
    const announce = (id: string): void => {
      const created = org(id, id, ORG.b);
      d.state.addOrg(created);
      copyRoles(d.state, created, [ROOT_ROLE.viewer]);
      d.state.events.emit('orgCreated', created);
    };
    announce('b0000000-0000-4000-8000-0000000000b1');
    area.stop();
    announce('b0000000-0000-4000-8000-0000000000b2');
    const shared = [...d.state.shareAssociations.values()].map((a) => a.orgId);
    expect(shared).toEqual(['b0000000-0000-4000-8000-0000000000b1']);
  });
});
