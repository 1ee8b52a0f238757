/**
 * The journal of applied plans: when, in which profile, for which agent, the state before, the
 * plan, each step's result and the verification. Each entry is appended to a log and synced
 * before it is acknowledged (journal-storage.ts); filterable by agent, time range and outcome;
 * exportable as JSON or spreadsheet-safe CSV. Nothing is pruned automatically because the
 * journal is the audit trail.
 */
import { toCsv } from './csv';
import type { DurableFile, LoadProblem } from './durable-file';
import {
  journalDocSchema,
  openJournalFiles,
  type JournalDoc,
  type JournalStorageOptions,
} from './journal-storage';
import type { LogAppender } from './record-log';
import { type ApplyOutcome } from '../../preload/contract/sharing-results';
import type { ExportFormat } from '../../preload/contract/sharing-views';
import {
  journalEntrySchema,
  journalFilterSchema,
  type JournalEntry,
  type JournalFilter,
} from '../../preload/contract/sharing-records';
export type { ExportFormat };

export { journalDocSchema, type JournalDoc };

const CSV_HEADER = [
  'id',
  'startedAt',
  'finishedAt',
  'profileId',
  'agentId',
  'source',
  'undoOf',
  'outcome',
  'steps',
  'orgsGained',
  'orgsLost',
  'roleChanges',
  'summary',
  'error',
];

export class Journal {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly byId: Map<string, JournalEntry>;

  private constructor(
    private readonly log: LogAppender,
    private readonly entries: JournalEntry[],
  ) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
  }

  static async open(
    file: DurableFile<JournalDoc>,
    options: JournalStorageOptions = {},
  ): Promise<{ journal: Journal; problems: LoadProblem[] }> {
    const opened = await openJournalFiles(file, options);
    return { journal: new Journal(opened.appender, opened.entries), problems: opened.problems };
  }

  /** Appends one entry; resolves once it is on disk. */
  record(entry: JournalEntry): Promise<JournalEntry> {
    const parsed = journalEntrySchema.parse(entry);
    const run = this.chain.then(async () => {
      if (this.byId.has(parsed.id)) throw new Error(`journal entry ${parsed.id} already exists`);
      await this.log.append(parsed);
      this.entries.push(parsed);
      this.byId.set(parsed.id, parsed);
      return structuredClone(parsed);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  get(id: string): JournalEntry | undefined {
    const entry = this.byId.get(id);
    return entry === undefined ? undefined : structuredClone(entry);
  }

  /** Matching entries, newest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const outcomes: readonly ApplyOutcome[] | undefined = filter.outcomes;
    // Reversed first so that entries with the same start time keep newest-recorded first.
    return [...this.entries]
      .reverse()
      .filter(
        (entry) =>
          (filter.agentId === undefined || entry.agentId === filter.agentId) &&
          (filter.from === undefined || entry.startedAt >= filter.from) &&
          (filter.to === undefined || entry.startedAt <= filter.to) &&
          (outcomes === undefined || outcomes.includes(entry.outcome)),
      )
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
      .map((entry) => structuredClone(entry));
  }

  export(format: ExportFormat, filter: JournalFilter = {}): string {
    const entries = this.list(filter);
    if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
    return toCsv(
      CSV_HEADER,
      entries.map((entry) => [
        entry.id,
        entry.startedAt,
        entry.finishedAt,
        entry.profileId,
        entry.agentId,
        entry.source,
        entry.undoOf,
        entry.outcome,
        entry.steps.map((step) => `${step.kind}:${step.status}`).join('; '),
        entry.plan.blastRadius.gained.map((org) => org.orgName).join('; '),
        entry.plan.blastRadius.lost.map((org) => org.orgName).join('; '),
        entry.plan.blastRadius.roleChanges.length,
        entry.plan.summary.join(' '),
        entry.error,
      ]),
    );
  }
}

export { journalEntrySchema, journalFilterSchema };
export type { JournalEntry, JournalFilter };
