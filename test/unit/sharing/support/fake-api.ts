/**
 * A `SharingApi` over the in-test server model, with the server's asynchrony (writes take
 * effect only after `lag` further reads) and scripted faults per call.
 */
import type { AgentShareView, SharingApi } from '../../../../main/sharing/ports';
import type { ServerModel } from './server-model';

export type Fault =
  | { kind: 'none' }
  | { kind: 'reject'; status?: number }
  | { kind: 'throttle' }
  /** The server acts on the request, but the answer is lost. */
  | { kind: 'timeout-after-apply' }
  /** The request fails and the server does not act on it. */
  | { kind: 'server-error' };

export class HttpLikeError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

type Method = 'share' | 'shareWithAll' | 'unshare' | 'unshareWithAll' | 'patchRoles';

export class FakeSharingApi implements SharingApi {
  readonly calls: { method: Method | 'getShare'; input: unknown }[] = [];
  /** Scripted faults, consumed in order, per method. */
  readonly faults = new Map<Method, Fault[]>();
  /** Scripted faults for the next writes of any method (used before `faults`). */
  nextFaults: Fault[] = [];
  /** Told about every write: whether the server will act on it. */
  onWrite?: (method: Method, input: unknown, acted: boolean) => void;
  /** Reads that still show the old state after a write. */
  lag = 1;
  /** When false, writes never take effect (a stuck server). */
  processing = true;
  /** Reads fail while > 0. */
  failReads = 0;
  private queue: { due: number; run: () => void }[] = [];
  private reads = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(readonly model: ServerModel) {}

  private async write(method: Method, input: unknown, run: () => void): Promise<unknown> {
    this.calls.push({ method, input });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await Promise.resolve();
      const fault = this.nextFaults.shift() ?? this.faults.get(method)?.shift();
      const acted =
        this.processing &&
        (fault === undefined || fault.kind === 'none' || fault.kind === 'timeout-after-apply');
      this.onWrite?.(method, input, acted);
      if (fault?.kind === 'reject') {
        throw new HttpLikeError('Bad request', fault.status ?? 400, 'ASM-60000');
      }
      if (fault?.kind === 'throttle') throw new HttpLikeError('Too many requests', 429);
      if (fault?.kind === 'server-error') throw new HttpLikeError('Internal error', 500);
      if (this.processing) this.queue.push({ due: this.reads + this.lag, run });
      if (fault?.kind === 'timeout-after-apply') {
        throw Object.assign(new Error('headers timeout'), { code: 'TIMEOUT' });
      }
      return { status: 'Processing', details: 'triggered' };
    } finally {
      this.inFlight -= 1;
    }
  }

  share(input: Parameters<SharingApi['share']>[0]) {
    return this.write('share', input, () => this.model.share(input.agentIds, input.organizations));
  }
  shareWithAll(input: Parameters<SharingApi['shareWithAll']>[0]) {
    return this.write('shareWithAll', input, () =>
      this.model.shareWithAll(input.agentIds, input.roleAssignment),
    );
  }
  unshare(input: Parameters<SharingApi['unshare']>[0]) {
    return this.write('unshare', input, () => this.model.unshare(input.agentIds, input.orgIds));
  }
  unshareWithAll(input: Parameters<SharingApi['unshareWithAll']>[0]) {
    return this.write('unshareWithAll', input, () => this.model.unshareWithAll(input.agentIds));
  }
  patchRoles(input: Parameters<SharingApi['patchRoles']>[0]) {
    return this.write('patchRoles', input, () =>
      this.model.patch(input.agentIds, input.operations),
    );
  }

  /** Runs every queued write now. */
  settle(): void {
    for (const item of this.queue.splice(0)) item.run();
  }

  async getShare(agentId: string): Promise<AgentShareView> {
    this.calls.push({ method: 'getShare', input: agentId });
    await Promise.resolve();
    if (this.failReads > 0) {
      this.failReads -= 1;
      throw new HttpLikeError('Service unavailable', 503);
    }
    this.reads += 1;
    const due = this.queue.filter((item) => item.due <= this.reads);
    this.queue = this.queue.filter((item) => item.due > this.reads);
    for (const item of due) item.run();
    return this.model.view(agentId);
  }

  writes(): { method: string; input: unknown }[] {
    return this.calls.filter((call) => call.method !== 'getShare');
  }
}

/** A clock whose sleep advances time instantly. */
export function fakeTime(start = Date.parse('2026-01-01T00:00:00Z')) {
  const time = { now: start, slept: 0 };
  return {
    clock: { now: () => time.now },
    sleep: (ms: number) => {
      time.now += ms;
      time.slept += ms;
      return Promise.resolve();
    },
    time,
  };
}
