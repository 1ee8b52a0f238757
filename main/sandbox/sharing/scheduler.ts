/**
 * Runs accepted sharing work after a delay, the way WSO2 runs it on a thread pool after
 * answering 202. Pending work can be run at once (tests) or dropped (sandbox stop).
 */
import type { Logger } from '../../log/logger';
import type { DeferredWork } from './commands';

interface Pending {
  label: string;
  work: DeferredWork;
}

export class WorkScheduler {
  private readonly pending = new Map<NodeJS.Timeout, Pending>();
  private stopped = false;

  constructor(
    private readonly delayMs: number,
    private readonly logger: Logger,
  ) {}

  schedule(label: string, work: DeferredWork): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      this.run({ label, work });
    }, this.delayMs);
    this.pending.set(timer, { label, work });
  }

  /** How many accepted requests have not been applied yet. */
  get size(): number {
    return this.pending.size;
  }

  /** Applies every pending request now, oldest first. */
  flush(): void {
    for (const [timer, item] of [...this.pending]) {
      clearTimeout(timer);
      this.pending.delete(timer);
      this.run(item);
    }
  }

  /** Drops pending work; later requests are accepted but never applied. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.pending.keys()) clearTimeout(timer);
    this.pending.clear();
  }

  private run(item: Pending): void {
    try {
      item.work();
      this.logger.debug(`${item.label} completed`);
    } catch (error) {
      // WSO2 logs failures of accepted work; the client only sees the state not change.
      this.logger.error(`${item.label} failed`, { error });
    }
  }
}
