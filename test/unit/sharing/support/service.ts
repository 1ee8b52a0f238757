/** A sharing service over the fake API, with outbox and journal in a temp directory. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../../main/log/logger';
import { createSharingService } from '../../../../main/sharing/service';
import { openSharingStores } from '../../../../main/sharing/stores';
import { rolesEverywhere, tree } from './fixtures';
import { harness } from './world';

export async function serviceHarness(agents = ['agent-1']) {
  const h = harness(agents);
  const dir = await mkdtemp(join(tmpdir(), 'sharing-service-'));
  const { outbox, journal, problems } = await openSharingStores({ dir, logger: silentLogger });
  let n = 0;
  const service = createSharingService({
    profileId: 'profile-1',
    baseUrl: 'https://is.example.com/t/acme',
    api: h.api,
    tree: () => Promise.resolve(tree),
    roles: () => Promise.resolve(rolesEverywhere),
    outbox,
    journal,
    storageProblems: problems,
    logger: silentLogger,
    emit: h.deps.emit,
    clock: h.time.clock,
    sleep: h.time.sleep,
    newId: () => `id-${++n}`,
    ...(h.deps.poll === undefined ? {} : { poll: h.deps.poll }),
    ...(h.deps.reconcile === undefined ? {} : { reconcile: h.deps.reconcile }),
  });
  return { ...h, dir, outbox, journal, service };
}
