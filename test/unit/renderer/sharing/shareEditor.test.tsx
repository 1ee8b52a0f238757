/**
 * The Share editor screen: the draft starts from the agent's current sharing, the preview
 * shows problems with their suggestions, the blast radius and the requests, Apply is disabled
 * while blocked, progress and verification are shown, and Queue replaces Apply offline.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallResult, Envelope } from '../../../../preload/contract';
import { ShareEditor } from '../../../../renderer/features/sharing/ShareEditor';
import { StoreProvider } from '../../../../renderer/store/StoreProvider';
import '../helpers/dom';
import { fail, ok } from '../profiles/fakeApi';
import {
  batch,
  bulkReport,
  notShared,
  plan,
  sharedEffective,
  sharedSnapshot,
  sharingBench,
  snapshot,
  SUPPORT,
  type SharingBench,
} from './fixtures';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function openEditor(bench: SharingBench): Promise<void> {
  render(
    <StoreProvider store={bench.store}>
      <ShareEditor />
    </StoreProvider>,
  );
  await settle();
  fireEvent.click(screen.getByRole('checkbox', { name: 'Support Assistant' }));
  await settle();
}

/** Opens the editor on an agent shared nowhere and previews; main answers with `plans`. */
async function previewPlans(plans: Parameters<typeof batch>[0]): Promise<SharingBench> {
  const bench = await sharingBench({
    getEffectiveSharing: () => ok({ snapshot: snapshot(), effective: notShared() }),
    previewSharing: () => ok(batch(plans)),
  });
  await openEditor(bench);
  fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
  await settle();
  return bench;
}

const BLOCKED = plan({
  blocked: true,
  issues: [
    {
      severity: 'error',
      code: 'not-immediate-child',
      message: 'Berlin is not an immediate child of Root: the server would skip it.',
      orgId: 'org-berlin',
      suggestion: 'Select Business with "this organization and all existing and future children".',
    },
    {
      severity: 'warning',
      code: 'role-missing-in-org',
      message: 'Agent Operator does not exist in Logistics.',
      orgId: null,
      suggestion: null,
    },
  ],
});

afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
});

describe('Share editor', () => {
  it('starts the draft from the agent’s current sharing', async () => {
    const bench = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: sharedSnapshot(), effective: sharedEffective() }),
    });
    await openEditor(bench);

    expect(screen.getByText(/Support Assistant is shared with 3 organizations now/)).toBeTruthy();
    const checked = (element: HTMLElement): boolean => (element as HTMLInputElement).checked;
    expect(checked(screen.getByRole('radio', { name: 'Share with selected organizations' }))).toBe(
      true,
    );
    const business = within(screen.getByRole('list', { name: 'Selected organizations' }))
      .getAllByRole('listitem')
      .find((item) => within(item).queryByRole('heading', { name: 'Business' }))!;
    const children = within(business).getByRole('checkbox', {
      name: 'Also share with all existing and future children',
    });
    expect(checked(children)).toBe(true);
    const roles = within(business).getByRole('group', { name: 'Roles in Business' });
    expect(within(roles).getByRole('group', { name: 'Organization roles' })).toBeTruthy();
    expect(within(roles).getByRole('group', { name: 'Application roles: Helpdesk' })).toBeTruthy();
    expect(checked(within(roles).getByRole('checkbox', { name: 'Org Viewer' }))).toBe(true);
    expect(checked(within(roles).getByRole('checkbox', { name: 'Agent Operator' }))).toBe(false);
  });

  it('starts afresh when another profile becomes active', async () => {
    const bench = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: sharedSnapshot(), effective: sharedEffective() }),
    });
    await openEditor(bench);
    expect(screen.getByRole('list', { name: 'Selected organizations' })).toBeTruthy();

    act(() => bench.store.setState({ activeProfileId: 'other' }));
    await settle();
    const box = screen.getByRole('checkbox', { name: 'Support Assistant' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('list', { name: 'Selected organizations' })).toBeNull();
    expect(bench.store.getState().draft.mode).toBe('none');
  });

  it('shows errors with their suggestion and keeps Apply disabled while blocked', async () => {
    await previewPlans([BLOCKED]);

    const review = screen.getByRole('region', { name: 'Preview' });
    const problems = within(review).getByRole('region', { name: 'Problems found' });
    expect(within(problems).getByRole('heading').textContent).toBe('1 error, 1 warning');
    expect(problems.textContent).toContain('Error: Berlin is not an immediate child');
    expect(problems.textContent).toContain(
      'Suggestion: Select Business with "this organization and all existing and future children".',
    );
    const apply = within(review).getByRole('button', { name: 'Apply' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    expect(apply.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(apply.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Apply is not possible while a plan has errors.',
    );
    expect(document.activeElement).toBe(within(review).getByRole('heading', { name: 'Preview' }));
  });

  it('draws the blast radius, lists the requests and copies the curl', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const hostile = plan({
      blastRadius: {
        ...plan().blastRadius,
        gained: [{ orgId: 'x', orgName: '<img src=x onerror=alert(1)>' }],
      },
    });
    await previewPlans([hostile]);

    const blast = screen.getByRole('region', { name: 'Blast radius' });
    expect(blast.textContent).toContain('Gain the agent1');
    expect(blast.textContent).toContain('Future organizations: new organizations under Business');
    expect(blast.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();

    const requests = screen.getByRole('region', { name: 'Requests' });
    expect(requests.textContent).toContain('POST /api/server/v1/agents/share');
    expect(requests.textContent).toContain('"agentCriteria"');
    fireEvent.click(within(requests).getByRole('button', { name: 'Copy curl of step 1' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(plan().steps[0]!.curl);
  });

  it('says the gains are a lower bound when a plan counted a partly loaded tree', async () => {
    const partial = plan({ blastRadius: { ...plan().blastRadius, partialTree: true } });
    await previewPlans([partial]);

    const review = screen.getByRole('region', { name: 'Preview' });
    expect(review.textContent).toContain('1 agent, 1 API call; at least 3 gain the agent');
    expect(review.textContent).toContain('Counted over the organizations loaded so far');
  });

  it('applies with live step progress and shows the verification per organization', async () => {
    let answer!: (value: Envelope<CallResult<'applySharing'>>) => void;
    const bench = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: snapshot(), effective: notShared() }),
      previewSharing: () => ok(batch()),
      applySharing: () => new Promise((resolve) => (answer = resolve)),
    });
    await openEditor(bench);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await settle();

    act(() =>
      bench.fake.emit('sharingProgress', {
        profileId: 'sandbox',
        type: 'step',
        planId: 'plan-1',
        agentId: SUPPORT,
        index: 0,
        count: 1,
        kind: 'share',
        status: 'accepted',
        message: null,
      }),
    );
    act(() =>
      bench.fake.emit('sharingProgress', {
        profileId: 'sandbox',
        type: 'verify',
        planId: 'plan-1',
        agentId: SUPPORT,
        attempt: 1,
        done: 1,
        total: 3,
      }),
    );
    const steps = screen.getByRole('list', { name: 'Steps' });
    expect(steps.textContent).toContain('Step 1, Share with organizations: Accepted by the server');
    expect(
      screen.getByRole('progressbar', { name: 'Verification' }).getAttribute('aria-valuenow'),
    ).toBe('1');

    act(() => answer({ ok: true, value: bulkReport() }));
    await settle();
    const result = screen.getByRole('region', { name: 'Result for Support Assistant' });
    expect(within(result).getAllByRole('heading')[0]!.textContent).toContain('Verified');
    const berlin = within(result).getByRole('row', { name: /^Berlin/ });
    expect(berlin.textContent).toContain('Diverged');
    expect(berlin.textContent).toContain('Org Viewer');
    expect(berlin.textContent).toContain('shared, no roles');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Result' }));
    // Once the report is in, each step says how it ended rather than what it waited for.
    expect(screen.getByRole('list', { name: 'Steps' }).textContent).toBe(
      'Step 1, Share with organizations: Accepted by the server (202)',
    );
  });

  it('offers Queue instead of Apply while the profile is offline', async () => {
    const bench = await sharingBench({
      getEffectiveSharing: () => fail('offline', 'connect ECONNREFUSED 127.0.0.1:9443'),
      getTreeStatus: () =>
        ok({
          online: false,
          orgCount: 4,
          syncedAt: null,
          fetchedAt: null,
          source: 'cache',
          syncing: false,
          cacheProblem: null,
        }),
      queueSharing: ({ agentIds }) =>
        ok({
          entries: agentIds.map((agentId) => ({
            id: 'entry-1',
            seq: 1,
            profileId: 'sandbox',
            agentId,
            createdAt: '',
            updatedAt: '',
            desired: { mode: 'none' as const },
            base: snapshot(),
            plan: plan(),
            status: 'queued' as const,
            forced: false,
            startedFrom: null,
            sentSteps: [],
            acceptedSteps: [],
            conflict: null,
            result: null,
            journalId: null,
          })),
          refused: [],
        }),
    });
    await openEditor(bench);
    const notes = screen.getAllByRole('status').map((status) => status.textContent ?? '');
    expect(notes.some((text) => text.includes('The server cannot be reached.'))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Queue in the outbox' }));
    await settle();
    expect(bench.fake.calls.queueSharing).toEqual([
      { profileId: 'sandbox', agentIds: [SUPPORT], desired: { mode: 'none' } },
    ]);
    expect(screen.getByRole('region', { name: 'Queued' }).textContent).toContain(
      'Support Assistant: the plan waits in the outbox',
    );
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });
});
