/** Journal entries and a journal on a temp directory, for the journal's storage tests. */
import { silentLogger } from '../../../../main/log/logger';
import { DurableFile, type FsShim } from '../../../../main/sharing/durable-file';
import { Journal, journalDocSchema, type JournalDoc } from '../../../../main/sharing/journal';
import type { JournalStorageOptions } from '../../../../main/sharing/journal-storage';
import { plan } from '../../../../main/sharing/plan';
import type { JournalEntry } from '../../../../preload/contract/sharing-records';
import {
  SELECTED_ORG_ONLY,
  type DesiredSharing,
} from '../../../../preload/contract/sharing-domain';
import { planContext, snapshot, viewer } from './fixtures';

const base = snapshot({});
const desired: DesiredSharing = {
  mode: 'selected',
  organizations: [{ orgId: 'business', policy: SELECTED_ORG_ONLY, roles: [viewer] }],
};
const shared = plan(base, desired, planContext);

/** A valid entry; `n` makes its id and start time. */
export function journalEntry(n: number, agentId = 'agent-1'): JournalEntry {
  const at = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    id: `entry-${n}`,
    startedAt: at,
    finishedAt: at,
    profileId: 'profile-1',
    agentId,
    source: 'direct',
    undoOf: null,
    desired,
    before: base,
    plan: shared,
    steps: shared.steps.map((step) => ({
      index: step.index,
      kind: step.action.kind,
      status: 'accepted',
      attempts: 1,
      error: null,
    })),
    verification: null,
    outcome: 'verified',
    error: null,
  };
}

export function journalFile(dir: string, fs?: FsShim): DurableFile<JournalDoc> {
  return new DurableFile<JournalDoc>({
    dir,
    name: 'journal.json',
    format: 'sharedesk.journal',
    schema: journalDocSchema,
    logger: silentLogger,
    ...(fs === undefined ? {} : { fs }),
  });
}

export function openJournal(dir: string, options: JournalStorageOptions = {}) {
  return Journal.open(journalFile(dir), options);
}
