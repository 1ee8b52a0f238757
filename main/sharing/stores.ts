/**
 * Opens the outbox and the journal of one profile from its data directory. Problems found on
 * the way (a quarantined file, a restored backup) are returned so the app can tell the user.
 */
import { join } from 'node:path';
import type { Logger } from '../log/logger';
import { DurableFile, type FsShim, type LoadProblem } from './durable-file';
import { Journal, type JournalDoc, journalDocSchema } from './journal';
import { Outbox, type OutboxDoc, outboxDocSchema } from './outbox';
import type { Clock } from './ports';

export interface SharingStores {
  outbox: Outbox;
  journal: Journal;
  problems: LoadProblem[];
}

export async function openSharingStores(options: {
  /** The profile's data directory; the files live in its `sharing/` folder. */
  dir: string;
  logger: Logger;
  fs?: FsShim;
  clock?: Clock;
}): Promise<SharingStores> {
  const common = {
    dir: join(options.dir, 'sharing'),
    logger: options.logger,
    ...(options.fs === undefined ? {} : { fs: options.fs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  };
  const opened = await Outbox.open(
    new DurableFile<OutboxDoc>({
      ...common,
      name: 'outbox.json',
      format: 'sharedesk.outbox',
      schema: outboxDocSchema,
    }),
    () => new Date((options.clock ?? { now: Date.now }).now()),
  );
  const journaled = await Journal.open(
    new DurableFile<JournalDoc>({
      ...common,
      name: 'journal.json',
      format: 'sharedesk.journal',
      schema: journalDocSchema,
    }),
  );
  for (const problem of [...opened.problems, ...journaled.problems]) {
    options.logger.warn('sharing store problem', { ...problem });
  }
  return {
    outbox: opened.outbox,
    journal: journaled.journal,
    problems: [...opened.problems, ...journaled.problems],
  };
}
