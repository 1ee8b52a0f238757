/** The Inspector tab: masking after inspection, the verdict in words, claims as text, the chain. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InspectorPanel } from '../../../../renderer/features/tokens/InspectorPanel';
import { useWorkbenchProfile } from '../../../../renderer/features/tokens/useWorkbenchProfile';
import '../helpers/dom';
import { ok } from '../profiles/fakeApi';
import { AGENT, PRIOR_AGENT, RAW_TOKEN, report, USER, workbench } from './fixtures';
import { everythingOnPage, renderIn } from './render';

function Inspector(): React.JSX.Element | null {
  const profile = useWorkbenchProfile();
  return profile ? <InspectorPanel profile={profile} /> : null;
}

async function pasteAndInspect(): Promise<void> {
  fireEvent.change(screen.getByRole('textbox', { name: 'Token' }), {
    target: { value: RAW_TOKEN },
  });
  await act(async () => {
    screen.getByRole('button', { name: 'Inspect' }).click();
    await Promise.resolve();
  });
  await screen.findByRole('heading', { name: /^Verification:/ });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('InspectorPanel', () => {
  it('never shows a pasted token again after inspection, and Clear empties everything', async () => {
    const bench = await workbench({ inspectToken: () => ok(report()) });
    renderIn(bench, <Inspector />);

    await pasteAndInspect();

    expect(everythingOnPage()).not.toContain(RAW_TOKEN);
    expect(screen.queryByRole('textbox', { name: 'Token' })).toBeNull();
    const inputArea = screen.getByRole('region', { name: 'Token to inspect' });
    expect(within(inputArea).getByText('eyJhbG…Ynl0 (120 chars)')).toBeTruthy();

    act(() => screen.getByRole('button', { name: 'Clear' }).click());
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Token' }).value).toBe('');
    expect(screen.queryByRole('heading', { name: /^Verification:/ })).toBeNull();
  });

  it('says the verdict in words with an icon and lists the reasons', async () => {
    const bench = await workbench({ inspectToken: () => ok(report()) });
    renderIn(bench, <Inspector />);

    await pasteAndInspect();

    const heading = screen.getByRole('heading', { name: 'Verification: Invalid' });
    expect(heading.querySelector('svg')).not.toBeNull();
    const verdict = screen.getByRole('region', { name: 'Verification: Invalid' });
    expect(verdict.textContent).toContain('signature does not verify (signature_invalid)');
    expect(verdict.textContent).toContain('Checked against the keys of Sandbox.');
  });

  it('renders hostile claim values as text, not markup', async () => {
    const bench = await workbench({ inspectToken: () => ok(report()) });
    renderIn(bench, <Inspector />);

    await pasteAndInspect();

    const claims = screen.getByRole('table', { name: 'Claims' });
    expect(within(claims).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(within(claims).getByText('WSO2')).toBeTruthy();
  });

  it('draws the chain with the outermost actor as current and deeper ones as prior', async () => {
    const bench = await workbench({ inspectToken: () => ok(report()) });
    renderIn(bench, <Inspector />);

    await pasteAndInspect();

    const list = screen.getByRole('list', { name: 'Delegation chain as text' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `User (subject): ${USER}`,
      `Current actor (depth 1): ${AGENT}`,
      `Prior actor (informational) (depth 2): ${PRIOR_AGENT} — flags: has exp`,
    ]);
    const graph = screen.getByRole('group', { name: /^Subject / });
    const nodes = within(graph).getAllByRole('img');
    expect(nodes.map((node) => node.getAttribute('aria-label'))).toEqual([
      `User (subject): ${USER}`,
      `Current actor, depth 1: ${AGENT}`,
      `Prior actor (informational), depth 2: ${PRIOR_AGENT}; flags: has exp`,
    ]);
    expect(nodes.every((node) => node.getAttribute('tabindex') === '0')).toBe(true);
  });

  it('says there is no delegation when the token has no act claim', async () => {
    const plain = report({ actorChain: { links: [], truncated: false, warnings: [] } });
    const bench = await workbench({ inspectToken: () => ok(plain) });
    renderIn(bench, <Inspector />);

    await pasteAndInspect();

    expect(screen.getByText(/^No delegation: the token has no act claim/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Delegation chain as text' })).toBeNull();
  });

  it('counts the expiry down as time passes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const bench = await workbench({ inspectToken: () => ok(report()) });
    bench.now.value = Date.parse('2026-01-01T00:48:00.000Z');
    renderIn(bench, <Inspector />);

    await pasteAndInspect();
    expect(screen.getByText('Expires in 12 min 00 s')).toBeTruthy();

    bench.now.value += 1_000;
    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.getByText('Expires in 11 min 59 s')).toBeTruthy();
    expect(screen.getByText(/\(in 11 min\)/)).toBeTruthy();
  });
});
