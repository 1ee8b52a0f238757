/**
 * The outbox: plans drafted offline, each with the share state it was drafted on, kept in a
 * durable file and applied later in order per agent. Every change of an entry is written before
 * the work it announces (the intent to send a step is on disk before the request leaves), so
 * after a crash an entry is never lost and never blindly sent twice.
 */
import { z } from 'zod';
import type { DurableFile, LoadProblem } from './durable-file';
import {
  OUTBOX_STATUSES,
  outboxEntrySchema,
  type OutboxEntry,
  type OutboxStatus,
} from '../../preload/contract/sharing-records';

export const outboxDocSchema = z.object({
  nextSeq: z.number().int().nonnegative(),
  entries: z.array(outboxEntrySchema),
});
export type OutboxDoc = z.infer<typeof outboxDocSchema>;

export type OutboxDraft = Pick<
  OutboxEntry,
  'id' | 'profileId' | 'agentId' | 'desired' | 'base' | 'plan'
>;

/** Entries still to be dealt with (not applied, not discarded). */
export const OPEN_STATUSES: readonly OutboxStatus[] = ['queued', 'applying', 'conflict', 'failed'];

export class Outbox {
  private constructor(
    private readonly file: DurableFile<OutboxDoc>,
    private doc: OutboxDoc,
    private readonly now: () => Date,
  ) {}

  private chain: Promise<unknown> = Promise.resolve();

  /** Loads the outbox; problems (a quarantined file, a restored backup) are for the user. */
  static async open(
    file: DurableFile<OutboxDoc>,
    now: () => Date = () => new Date(),
  ): Promise<{ outbox: Outbox; problems: LoadProblem[] }> {
    const loaded = await file.load();
    const doc = loaded.value ?? { nextSeq: 0, entries: [] };
    return { outbox: new Outbox(file, doc, now), problems: loaded.problems };
  }

  entries(): OutboxEntry[] {
    return structuredClone(this.doc.entries);
  }

  get(id: string): OutboxEntry | undefined {
    const entry = this.doc.entries.find((candidate) => candidate.id === id);
    return entry === undefined ? undefined : structuredClone(entry);
  }

  /** Open entries of one agent, in enqueue order. */
  openFor(agentId: string): OutboxEntry[] {
    return this.entries()
      .filter((entry) => entry.agentId === agentId && OPEN_STATUSES.includes(entry.status))
      .sort((a, b) => a.seq - b.seq);
  }

  async add(draft: OutboxDraft): Promise<OutboxEntry> {
    return this.mutate((doc) => {
      if (doc.entries.some((entry) => entry.id === draft.id)) {
        throw new Error(`outbox entry ${draft.id} already exists`);
      }
      const at = this.now().toISOString();
      const entry: OutboxEntry = {
        ...draft,
        seq: doc.nextSeq,
        createdAt: at,
        updatedAt: at,
        status: 'queued',
        forced: false,
        startedFrom: null,
        sentSteps: [],
        acceptedSteps: [],
        conflict: null,
        result: null,
        journalId: null,
      };
      return { doc: { nextSeq: doc.nextSeq + 1, entries: [...doc.entries, entry] }, result: entry };
    });
  }

  /** Replaces one entry with `change(entry)` and writes the outbox before returning. */
  async update(id: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<OutboxEntry> {
    return this.mutate((doc) => {
      const index = doc.entries.findIndex((entry) => entry.id === id);
      const current = doc.entries[index];
      if (current === undefined) throw new Error(`no outbox entry ${id}`);
      const next = { ...change(structuredClone(current)), id, seq: current.seq };
      next.updatedAt = this.now().toISOString();
      const entries = [...doc.entries];
      entries[index] = next;
      return { doc: { ...doc, entries }, result: next };
    });
  }

  /** Drops applied and discarded entries last changed before `before` (ISO time). */
  async prune(before: string): Promise<number> {
    return this.mutate((doc) => {
      const entries = doc.entries.filter(
        (entry) => OPEN_STATUSES.includes(entry.status) || entry.updatedAt >= before,
      );
      return { doc: { ...doc, entries }, result: doc.entries.length - entries.length };
    });
  }

  /** Changes run one at a time; memory follows the file only after the write succeeded. */
  private mutate<R>(change: (doc: OutboxDoc) => { doc: OutboxDoc; result: R }): Promise<R> {
    const run = this.chain.then(async () => {
      const { doc, result } = change(this.doc);
      await this.file.save(doc);
      this.doc = doc;
      return structuredClone(result);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}

export { OUTBOX_STATUSES, outboxEntrySchema };
export type { OutboxEntry, OutboxStatus };
