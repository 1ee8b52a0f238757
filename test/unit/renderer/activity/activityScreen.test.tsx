/**
 * The Activity screen: replay with its report, a conflict shown three-way with Rebase (at once)
 * and Force and Discard (only after confirming), the journal's filter, export and undo, drift
 * with its repair plan, and the storage problems banner.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActivityScreen } from '../../../../renderer/features/activity/ActivityScreen';
import { StoreProvider } from '../../../../renderer/store/StoreProvider';
import '../helpers/dom';
import { ok } from '../profiles/fakeApi';
import {
  batch,
  bulkReport,
  journalEntry,
  outboxEntry,
  plan,
  RETAIL,
  sharingBench,
  snapshot,
  SUPPORT,
  type SharingBench,
} from '../sharing/fixtures';
import type { Implementations } from '../profiles/fakeApi';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const CONFLICT = outboxEntry({
  status: 'conflict',
  conflict: {
    detectedAt: '2026-01-01T11:00:00.000Z',
    server: snapshot({
      organizations: [
        {
          orgId: RETAIL,
          orgName: 'Retail',
          parentOrgId: 'root',
          depth: 1,
          policy: null,
          roles: [],
        },
      ],
    }),
  },
});

async function open(implementations: Implementations): Promise<SharingBench> {
  const bench = await sharingBench({
    listOutbox: () => ok([]),
    listJournal: () => ok([]),
    sharingStorageProblems: () => ok([]),
    ...implementations,
  });
  render(
    <StoreProvider store={bench.store}>
      <ActivityScreen />
    </StoreProvider>,
  );
  await settle();
  return bench;
}

describe('Activity: outbox', () => {
  it('replays and shows the conflict three-way; Rebase resolves it at once', async () => {
    let entries = [outboxEntry()];
    const bench = await open({
      listOutbox: () => ok(entries),
      replayOutbox: () => {
        entries = [CONFLICT];
        return ok({
          startedAt: '',
          finishedAt: '',
          items: [
            {
              entryId: 'entry-1',
              agentId: SUPPORT,
              outcome: 'conflict',
              applyOutcome: null,
              error: null,
            },
          ],
        });
      },
      resolveConflict: ({ choice }) => {
        entries = [{ ...CONFLICT, status: 'queued', conflict: null }];
        return ok({ ...CONFLICT, status: choice === 'discard' ? 'discarded' : 'queued' });
      },
    });
    expect(screen.getByRole('list', { name: 'Waiting plans' }).textContent).toContain('Queued');

    fireEvent.click(screen.getByRole('button', { name: 'Replay now' }));
    await settle();
    expect(screen.getByRole('region', { name: 'Last replay' }).textContent).toContain(
      'Support Assistant: conflict',
    );
    const table = screen.getByRole('table', { name: /^Conflict for Support Assistant/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Organization', 'Drafted on (base)', 'Server now', 'The plan']);
    const retail = within(table).getByRole('row', { name: /^Retail Changed on the server/ });
    expect(
      within(retail)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['not shared', 'shared; roles: no roles', 'no change']);

    fireEvent.click(screen.getByRole('button', { name: 'Rebase' }));
    await settle();
    expect(bench.fake.calls.resolveConflict).toEqual([
      { profileId: 'sandbox', entryId: 'entry-1', choice: 'rebase' },
    ]);
    expect(screen.queryByRole('table', { name: /^Conflict for/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Outbox' }));
  });

  it('asks before Force and Discard, and sends nothing when cancelled', async () => {
    const bench = await open({
      listOutbox: () => ok([CONFLICT]),
      resolveConflict: () => ok(CONFLICT),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Discard…' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard this plan?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(bench.fake.calls.resolveConflict).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Force…' }));
    const force = screen.getByRole('dialog', { name: 'Apply the plan as drafted?' });
    fireEvent.click(within(force).getByRole('button', { name: 'Force' }));
    await settle();
    expect(bench.fake.calls.resolveConflict).toEqual([
      { profileId: 'sandbox', entryId: 'entry-1', choice: 'force' },
    ]);
  });
});

describe('Activity: journal', () => {
  it('filters by agent and outcome, and exports the filtered journal as text', async () => {
    const bench = await open({
      listJournal: () => ok([journalEntry()]),
      exportJournal: ({ format }) =>
        ok({ format, fileName: 'sharedesk-journal-2026-01-03.csv', content: 'id,agent\nj1,a' }),
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Journal' }));
    const table = screen.getByRole('table', { name: 'Applied plans, newest first' });
    expect(within(table).getByRole('row', { name: /Support Assistant/ }).textContent).toContain(
      'Verified',
    );

    fireEvent.change(screen.getByLabelText('Agent'), { target: { value: SUPPORT } });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'diverged' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-02' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-01-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await settle();
    const range = {
      from: new Date(2026, 0, 2, 0, 0, 0, 0).toISOString(),
      to: new Date(2026, 0, 3, 23, 59, 59, 999).toISOString(),
    };
    expect(bench.fake.calls.listJournal?.at(-1)).toEqual({
      profileId: 'sandbox',
      filter: { agentId: SUPPORT, outcomes: ['diverged'], ...range },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await settle();
    expect(bench.fake.calls.exportJournal).toEqual([
      {
        profileId: 'sandbox',
        format: 'csv',
        filter: { agentId: SUPPORT, outcomes: ['diverged'], ...range },
      },
    ]);
    const text = screen.getByLabelText('sharedesk-journal-2026-01-03.csv');
    expect((text as HTMLTextAreaElement).value).toBe('id,agent\nj1,a');
    expect((text as HTMLTextAreaElement).readOnly).toBe(true);
    expect(document.activeElement).toBe(text);
  });

  it('plans the undo of an entry and applies it from the same review', async () => {
    const undo = batch([plan({ id: 'undo-plan' })], { id: 'undo-batch', source: 'undo' });
    const bench = await open({
      listJournal: () => ok([journalEntry()]),
      undoJournalEntry: () => ok(undo),
      applySharing: () => ok(bulkReport(plan({ id: 'undo-plan' }))),
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Journal' }));
    fireEvent.click(screen.getByRole('button', { name: /^Undo the plan for Support Assistant/ }));
    await settle();
    expect(bench.fake.calls.undoJournalEntry).toEqual([
      { profileId: 'sandbox', journalId: 'journal-1' },
    ]);
    const review = screen.getByRole('region', { name: 'Undo plan' });
    expect(within(review).getByRole('region', { name: 'Blast radius' })).toBeTruthy();
    fireEvent.click(within(review).getByRole('button', { name: 'Apply the undo' }));
    await settle();
    expect(bench.fake.calls.applySharing).toEqual([{ profileId: 'sandbox', id: 'undo-batch' }]);
    expect(
      within(review).getByRole('region', { name: 'Result for Support Assistant' }),
    ).toBeTruthy();
    expect(bench.fake.calls.listJournal?.length).toBeGreaterThan(1);
  });
});

describe('Activity: drift and storage', () => {
  it('lists drift findings and applies the repair plan by its batch id', async () => {
    const repair = plan({ id: 'repair-plan' });
    const bench = await open({
      checkDrift: () =>
        ok({
          agentId: SUPPORT,
          checkedAt: '2026-01-03T00:00:00.000Z',
          findings: [
            {
              kind: 'missing-roles',
              orgId: 'org-berlin',
              orgName: 'Berlin',
              policyOrgId: 'org-business',
              roles: [
                { displayName: 'Org Viewer', audienceType: 'organization', audienceDisplay: '' },
              ],
              message: 'Berlin lacks Org Viewer.',
            },
          ],
          repair,
          repairBatchId: 'repair-batch',
        }),
      applySharing: () => ok(bulkReport(repair)),
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Drift' }));
    fireEvent.change(screen.getByLabelText('Agent'), { target: { value: SUPPORT } });
    fireEvent.click(screen.getByRole('button', { name: 'Check drift' }));
    await settle();
    const findings = screen.getByRole('table', { name: /^Drift found/ });
    expect(within(findings).getByRole('row', { name: /^Berlin/ }).textContent).toContain(
      'Roles missing',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Review the repair plan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply repair plan' }));
    await settle();
    expect(bench.fake.calls.applySharing).toEqual([{ profileId: 'sandbox', id: 'repair-batch' }]);
  });

  it('reports quarantined sharing files in a banner', async () => {
    await open({
      sharingStorageProblems: () =>
        ok([
          {
            kind: 'corrupt',
            file: 'outbox.json',
            quarantinedTo: 'outbox.json.corrupt-1',
            detail: 'entries.0.plan: Required',
          },
        ]),
    });
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain(
      'outbox.json was damaged and set aside; the damaged file was kept as outbox.json.corrupt-1',
    );
    expect(banner.textContent).toContain('entries.0.plan: Required');
  });
});
