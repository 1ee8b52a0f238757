/** Handlers for agent sharing: effective state, plans, apply, outbox, journal and drift. */
import type { DesiredSharing, Handlers } from '../../../preload/contract';
import { SharingServiceError } from '../../sharing/service-types';
import { AppFailure } from '../errors';
import type { ProfileRuntime } from '../runtime';
import type { Runtimes } from '../runtimes';

type SharingCalls =
  | 'getEffectiveSharing'
  | 'previewSharing'
  | 'applySharing'
  | 'queueSharing'
  | 'listOutbox'
  | 'replayOutbox'
  | 'resolveConflict'
  | 'listJournal'
  | 'exportJournal'
  | 'undoJournalEntry'
  | 'checkDrift'
  | 'sharingStorageProblems';

/** The sharing service's own error codes in the UI's terms. */
async function described<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SharingServiceError)) throw error;
    switch (error.code) {
      case 'invalid-input':
        throw new AppFailure('invalid-input', error.message);
      case 'not-found':
        throw new AppFailure('not-found', error.message);
      case 'no-known-state':
      case 'unavailable':
        throw new AppFailure('offline', error.message);
    }
  }
}

/**
 * Loads the role lists of the organizations a desired state names, so the plan can warn about
 * roles the server would drop. Offline the lists stay unknown and those checks are skipped.
 */
async function prepareRoles(runtime: ProfileRuntime, desired: DesiredSharing): Promise<void> {
  const orgIds = desired.mode === 'selected' ? desired.organizations.map((org) => org.orgId) : [];
  await runtime.roleDirectory.load(orgIds).catch(() => undefined);
}

/**
 * The blast radius counts the organizations the tree knows. An org shared "with all existing
 * and future children" reaches its whole subtree, so that subtree is fetched first when the
 * server can be reached. For "all orgs" the whole tree is not fetched (it may be huge): the
 * counts cover what has been synced or expanded, and the plan says so (`partialTree`).
 */
async function prepareTree(runtime: ProfileRuntime, desired: DesiredSharing): Promise<void> {
  if (desired.mode !== 'selected' || !runtime.connectivity.online()) return;
  const subtrees = desired.organizations.filter(
    (org) => org.policy === 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
  );
  for (const org of subtrees) {
    if (runtime.orgs.node(org.orgId)) {
      await runtime.orgs.refreshSubtree(org.orgId).catch(() => undefined);
    }
  }
}

export function sharingHandlers(runtimes: Runtimes): Pick<Handlers, SharingCalls> {
  const service = async (profileId: string) => (await runtimes.get(profileId)).sharing;
  return {
    getEffectiveSharing: async ({ profileId, agentId }) =>
      described(async () => (await service(profileId)).readState(agentId)),
    previewSharing: async ({ profileId, agentIds, desired }) => {
      const runtime = await runtimes.get(profileId);
      await Promise.all([prepareRoles(runtime, desired), prepareTree(runtime, desired)]);
      return described(() => runtime.sharing.preview(agentIds, desired));
    },
    applySharing: async ({ profileId, id }) =>
      described(async () => (await service(profileId)).apply(id)),
    queueSharing: async ({ profileId, agentIds, desired }) => {
      const runtime = await runtimes.get(profileId);
      await prepareRoles(runtime, desired);
      return described(() => runtime.sharing.queue(agentIds, desired));
    },
    listOutbox: async ({ profileId }) => (await service(profileId)).outboxEntries(),
    replayOutbox: async ({ profileId }) =>
      described(async () => (await service(profileId)).replayOutbox()),
    resolveConflict: async ({ profileId, entryId, choice }) =>
      described(async () => (await service(profileId)).resolveConflict(entryId, choice)),
    listJournal: async ({ profileId, filter }) => (await service(profileId)).journal(filter),
    exportJournal: async ({ profileId, format, filter }) =>
      described(async () => (await service(profileId)).exportJournal(format, filter)),
    undoJournalEntry: async ({ profileId, journalId }) =>
      described(async () => (await service(profileId)).undo(journalId)),
    checkDrift: async ({ profileId, agentId }) =>
      described(async () => (await service(profileId)).drift(agentId)),
    sharingStorageProblems: async ({ profileId }) => (await service(profileId)).storageProblems(),
  };
}
