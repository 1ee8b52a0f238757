/**
 * Where the journal keeps its entries: a snapshot (`journal.json`, a DurableFile with its
 * `.bak`) and an append-only log beside it (`journal.log`) that takes each new entry, so that
 * recording costs the entry, not the journal. Opening merges both, by entry id. Once the log
 * holds as many entries as the snapshot, opening folds it into the snapshot (compaction): the
 * snapshot is rewritten a number of times logarithmic in the journal's growth, and a load
 * reads at most about twice the journal.
 *
 * A compaction keeps the entries it folded in as `journal.log.prev`: the snapshot's `.bak`
 * plus that file rebuild the current snapshot, so restoring the backup loses no entry.
 * Damage in either log is reported and its bytes are kept in a file beside it; only an
 * unfinished last record (what a crash mid-append leaves) is cut off the log itself.
 */
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { describeSchemaError } from '../../preload/contract/sharing-domain';
import { journalEntrySchema, type JournalEntry } from '../../preload/contract/sharing-records';
import { nodeFs, type DurableFile, type LoadProblem } from './durable-file';
import {
  asideName,
  errorCode,
  frameRecord,
  LogAppender,
  logFsOver,
  nodeLogFs,
  parseLog,
  type LogFs,
  type ReadLog,
} from './record-log';

export const journalDocSchema = z.object({ entries: z.array(journalEntrySchema) });
export type JournalDoc = z.infer<typeof journalDocSchema>;

export interface JournalStorageOptions {
  /** Defaults to node's file system, or to one over the snapshot store's injected one. */
  logFs?: LogFs;
  /**
   * Compact once the log holds this many entries. By default it waits until the log holds as
   * many as the snapshot (and at least 64), which keeps the rewriting amortized O(entry).
   */
  compactAfter?: number;
}

export interface OpenedJournal {
  entries: JournalEntry[];
  problems: LoadProblem[];
  appender: LogAppender;
}

/** The fewest logged entries worth rewriting the snapshot for, by default. */
const DEFAULT_COMPACT_AFTER = 64;

interface LogFile extends ReadLog {
  records: JournalEntry[];
  path: string;
  data: Buffer;
  /** Records that checksum fine but are not journal entries, with why. */
  foreign: string[];
}

/** `journal.json` → `journal.log`. */
export function logNameFor(snapshotName: string): string {
  return `${snapshotName.replace(/\.json$/, '')}.log`;
}

async function readLog(fs: LogFs, path: string): Promise<LogFile> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    data = Buffer.alloc(0);
  }
  const read = parseLog(data);
  const foreign: string[] = [];
  const records: JournalEntry[] = [];
  for (const record of read.records) {
    const parsed = journalEntrySchema.safeParse(record);
    if (parsed.success) records.push(parsed.data);
    else foreign.push(describeSchemaError(parsed.error));
  }
  return { ...read, records, path, data, foreign };
}

class JournalOpening {
  readonly problems: LoadProblem[] = [];
  private readonly fs: LogFs;
  private readonly logPath: string;
  private readonly prevPath: string;

  constructor(
    private readonly file: DurableFile<JournalDoc>,
    private readonly options: JournalStorageOptions,
  ) {
    const shim = file.options.fs;
    this.fs =
      options.logFs ?? (shim === undefined || shim === nodeFs ? nodeLogFs : logFsOver(shim));
    this.logPath = join(file.options.dir, logNameFor(file.options.name));
    this.prevPath = `${this.logPath}.prev`;
  }

  async open(): Promise<OpenedJournal> {
    const loaded = await this.file.load();
    this.problems.push(...loaded.problems);
    await this.removeStray();
    const snapshot = loaded.value?.entries ?? [];
    const prev = await readLog(this.fs, this.prevPath);
    const log = await readLog(this.fs, this.logPath);

    const entries = [...snapshot];
    const ids = new Set(snapshot.map((entry) => entry.id));
    const added: JournalEntry[] = [];
    for (const record of [...prev.records, ...log.records]) {
      if (ids.has(record.id)) continue;
      ids.add(record.id);
      entries.push(record);
      added.push(record);
    }

    const prevDamaged = await this.keepDamage(prev);
    const logDamaged = await this.keepDamage(log);
    const threshold = this.options.compactAfter ?? Math.max(DEFAULT_COMPACT_AFTER, snapshot.length);
    const due = log.records.length >= threshold;
    if (prevDamaged || logDamaged || due) {
      await this.compact(entries, added, prev);
      return {
        entries,
        problems: this.problems,
        appender: new LogAppender(this.fs, this.logPath, 0),
      };
    }
    return {
      entries,
      problems: this.problems,
      appender: new LogAppender(this.fs, this.logPath, log.validBytes),
    };
  }

  /**
   * Keeps a damaged log's bytes in a file beside it and reports them. A torn tail alone is cut
   * off in place; anything else asks for a compaction, which replaces the file. Returns
   * whether the file needs replacing.
   */
  private async keepDamage(log: LogFile): Promise<boolean> {
    const { damage } = log;
    if (damage === undefined && log.foreign.length === 0) return false;
    const now = (this.file.options.clock ?? { now: Date.now }).now();
    const kept = `${log.records.length} complete ${log.records.length === 1 ? 'entry' : 'entries'} kept`;

    if (damage?.kind === 'torn' && log.foreign.length === 0) {
      const aside = asideName(log.path, 'torn', now);
      await this.fs.writeNew(aside, log.data.subarray(damage.offset));
      await this.fs.truncate(log.path, damage.offset);
      this.report(log.path, aside, `an unfinished last record (a write cut short); ${kept}`);
      return false;
    }

    const aside = asideName(log.path, 'corrupt', now);
    await this.fs.writeNew(aside, log.data);
    const what = [
      ...(damage === undefined ? [] : [`${damage.reason} at byte ${damage.offset}`]),
      ...log.foreign.map((why) => `a record that is not a journal entry (${why})`),
    ].join('; ');
    this.report(log.path, aside, `${what}; the file was copied aside and ${kept}`);
    return true;
  }

  private report(file: string, quarantinedTo: string, detail: string): void {
    this.problems.push({ kind: 'corrupt', file, quarantinedTo, detail });
    this.file.options.logger.warn('journal log damaged', { file, quarantinedTo, detail });
  }

  /**
   * Folds the logs into the snapshot. Each step leaves a loadable state: the snapshot first
   * (the logs still hold what it now holds too; entries merge by id), then the new `.prev`,
   * then the log goes. The new `.prev` holds what `.bak` lacks: the entries folded in now, or,
   * when there are none and the snapshot stays as it is, the old `.prev`'s valid entries.
   */
  private async compact(entries: JournalEntry[], added: JournalEntry[], prev: LogFile) {
    if (added.length > 0) await this.file.save({ entries });
    const kept = added.length > 0 ? added : prev.records;
    if (added.length > 0 || prev.data.length > 0) {
      const temp = `${this.prevPath}.tmp-${randomBytes(6).toString('hex')}`;
      await this.fs.writeNew(temp, Buffer.concat(kept.map((entry) => frameRecord(entry))));
      await this.fs.rename(temp, this.prevPath);
    }
    try {
      await this.fs.unlink(this.logPath);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    await this.fs.syncDir(this.file.options.dir);
  }

  /** Temp files of a `.prev` write that a crash interrupted. */
  private async removeStray(): Promise<void> {
    const prefix = `${basename(this.prevPath)}.tmp-`;
    for (const name of await this.fs.readdir(this.file.options.dir)) {
      if (name.startsWith(prefix)) await this.fs.unlink(join(this.file.options.dir, name));
    }
  }
}

export function openJournalFiles(
  file: DurableFile<JournalDoc>,
  options: JournalStorageOptions = {},
): Promise<OpenedJournal> {
  return new JournalOpening(file, options).open();
}
