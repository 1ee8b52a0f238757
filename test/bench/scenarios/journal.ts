/**
 * Scenario 8 — journal growth: entries of a real 100-organization apply (plan, before-state,
 * steps, verification) recorded one after another into one journal. An append should cost the
 * entry, whatever the journal's length: the last appends are compared with the first, and with
 * the previous design's cost of one append at that length — rewriting the whole journal as one
 * snapshot file. Also times opening the grown journal (the first opening compacts the log).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../../../main/log/logger';
import { syncTree } from '../../../main/orgs';
import { DurableFile } from '../../../main/sharing/durable-file';
import { Journal, journalDocSchema, type JournalDoc } from '../../../main/sharing/journal';
import { createSharingService } from '../../../main/sharing/service';
import { openSharingStores } from '../../../main/sharing/stores';
import { createTree } from '../../../main/sharing/tree';
import type { JournalEntry } from '../../../preload/contract/sharing-records';
import { startHarness, TENANT_PATH } from '../lib/harness';
import { row, type Row } from '../lib/report';
import type { Scenario } from './types';

const ORGS = 100;
/** The journal's default: opening compacts once the log holds this many entries (or more). */
const COMPACTS_AT = 64;
/** Appends timed at each end of the journal. */
const WINDOW = 10;

/** One journal entry as the app records it for one agent shared with `ORGS` organizations. */
async function realEntry(): Promise<JournalEntry> {
  const h = await startHarness({ data: { orgs: ORGS, depth: 1, seed: 5 }, shareDelayMs: 10 });
  const dir = await mkdtemp(join(tmpdir(), 'sharedesk-bench-journal-entry-'));
  try {
    const self = await h.clients.organizations.getSelf();
    const synced = await syncTree(
      { id: self.id, name: self.name, orgHandle: 'carbon.super' },
      { source: h.clients.organizations, logger: silentLogger },
    );
    const children = synced.tree.children(self.id);
    const tree = createTree(self.id, [
      { id: self.id, name: self.name, parentId: null, depth: 0 },
      ...children.map((node) => ({ id: node.id, name: node.name, parentId: self.id, depth: 1 })),
    ]);
    const role = {
      displayName: 'Org Viewer',
      audienceType: 'organization' as const,
      audienceDisplay: self.name,
    };
    const { outbox, journal } = await openSharingStores({ dir, logger: silentLogger });
    const sharing = createSharingService({
      profileId: 'bench',
      baseUrl: `${h.sandbox.url}${TENANT_PATH}`,
      api: h.clients.agentSharing,
      tree: () => Promise.resolve(tree),
      roles: () => Promise.resolve({ rootRoles: [role] }),
      outbox,
      journal,
      logger: silentLogger,
    });
    const agent = await h.clients.agents.create({ extension: { DisplayName: 'Bench agent' } });
    const batch = await sharing.preview([agent.agent.id], {
      mode: 'selected',
      organizations: children.map((node) => ({
        orgId: node.id,
        policy: 'SELECTED_ORG_ONLY' as const,
        roles: [role],
      })),
    });
    await sharing.apply(batch.id);
    const [entry] = sharing.journal();
    if (entry === undefined) throw new Error('the apply was not journaled');
    return entry;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await h.stop();
  }
}

function journalFile(dir: string): DurableFile<JournalDoc> {
  return new DurableFile<JournalDoc>({
    dir,
    name: 'journal.json',
    format: 'sharedesk.journal',
    schema: journalDocSchema,
    logger: silentLogger,
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export const journalScenario: Scenario = {
  id: 'journal',
  title: 'Journal growth',
  run: async (context) => {
    const size = context.quick ? 40 : 200;
    const entry = await realEntry();
    const entryKb = Buffer.byteLength(JSON.stringify(entry)) / 1024;
    const entries = Array.from({ length: size }, (_, n) => ({ ...entry, id: `bench-${n}` }));
    const dir = await mkdtemp(join(tmpdir(), 'sharedesk-bench-journal-'));
    try {
      const { journal } = await Journal.open(journalFile(dir));
      const appends: number[] = [];
      for (const next of entries) appends.push((await timed(() => journal.record(next))).ms);
      context.log(`  ${size} appends of ${entryKb.toFixed(0)} KB`);

      const opens: number[] = [];
      for (let i = 0; i < 3; i++) {
        const opened = await timed(() => Journal.open(journalFile(dir)));
        if (opened.value.problems.length > 0) throw new Error('the grown journal has problems');
        opens.push(opened.ms);
      }

      // The previous design: every append wrote the whole journal as one snapshot.
      const rewriteDir = await mkdtemp(join(tmpdir(), 'sharedesk-bench-journal-rewrite-'));
      const rewrites: number[] = [];
      try {
        const file = journalFile(rewriteDir);
        for (let i = 0; i < 3; i++) {
          rewrites.push((await timed(() => file.save({ entries }))).ms);
        }
      } finally {
        await rm(rewriteDir, { recursive: true, force: true });
      }

      const scenario = `8 journal of ${size} × ${ORGS}-org entries`;
      const first = appends.slice(0, WINDOW);
      const last = appends.slice(-WINDOW);
      const rows: Row[] = [
        row({
          scenario,
          metric: `append at ${size - WINDOW}–${size} entries vs at 0–${WINDOW}`,
          unit: 'ms',
          samples: last,
          baseline: { label: `the first ${WINDOW} appends`, samples: first },
          note: `each entry ${entryKb.toFixed(0)} KB, synced before it is acknowledged; ≈1× means an append costs the entry, not the journal`,
        }),
        row({
          scenario,
          metric: `append at ${size} entries vs whole-file rewrite`,
          unit: 'ms',
          samples: last,
          baseline: { label: 'snapshot rewrite per append (previous design)', samples: rewrites },
          ratioKind: 'baseline/value',
          note: 'the previous journal rewrote the whole file on every append',
        }),
        row({
          scenario,
          metric: 'open the grown journal',
          unit: 'ms',
          samples: opens,
          note:
            size >= COMPACTS_AT
              ? `the first opening (${opens[0]?.toFixed(0) ?? '?'} ms) also folds the log into the snapshot; later ones only read`
              : `below ${COMPACTS_AT} logged entries no opening compacts`,
        }),
      ];
      return rows;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
