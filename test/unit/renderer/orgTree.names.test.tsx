/**
 * Server text is rendered as text: markup in a name stays characters, invisible bidi and
 * control characters get visible markers, and long names keep their full accessible name.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import { OrgTreePanel } from '../../../renderer/features/orgs/OrgTreePanel';
import './helpers/dom';
import { orgs } from './helpers/fixtures';
import { renderWithStore } from './helpers/render';
import { treeRows } from './helpers/tree';

const HOSTILE = '<img src=x onerror=alert(1)>';
const BIDI = 'invoice\u202Egpj.exe';
const LONG = `Long ${'x'.repeat(10_000)} end`;
const EMOJI = '\u{1F469}\u200D\u{1F4BB} Developer Relations';
const CONTROL = 'Tab\there\u0000nul';

async function renderNames(): Promise<HTMLElement[]> {
  renderWithStore(
    <OrgTreePanel />,
    createMemorySource(
      orgs([
        ['hostile', HOSTILE, null],
        ['bidi', BIDI, null],
        ['long', LONG, null],
        ['emoji', EMOJI, null],
        ['control', CONTROL, null],
      ]),
    ),
  );
  await screen.findAllByRole('treeitem');
  return treeRows();
}

function nameOf(row: HTMLElement): string {
  return row.querySelector('.org-tree-name')?.textContent ?? '';
}

describe('OrgTree with hostile names', () => {
  it('renders markup in a name as characters and creates no element from it', async () => {
    const [hostile] = await renderNames();

    expect(nameOf(hostile as HTMLElement)).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
  });

  it('replaces bidi overrides and control characters with visible markers', async () => {
    const rows = await renderNames();
    const bidi = rows[1] as HTMLElement;
    const control = rows[4] as HTMLElement;

    expect(nameOf(bidi)).toBe('invoiceU+202Egpj.exe');
    expect(bidi.textContent).not.toContain('\u202E');
    expect(bidi.querySelector('.safe-text-marker')?.textContent).toBe('U+202E');
    expect(nameOf(control)).toBe('TabU+0009hereU+0000nul');
    expect(control.textContent).not.toContain('\u0000');
    expect(control.textContent).not.toContain('\t');
  });

  it('keeps emoji joined and the full text of a 10 000-character name in the row', async () => {
    const rows = await renderNames();

    expect(nameOf(rows[3] as HTMLElement)).toBe(EMOJI);
    const long = rows[2] as HTMLElement;
    expect(nameOf(long)).toBe(LONG);
  });

  it('gives each row an accessible name with the whole name, markers included', async () => {
    const rows = await renderNames();

    // Name computation may put spaces around the marker elements; compare without spaces.
    const squeeze = (text: string): string => text.replace(/\s+/g, '');
    const named = (text: string): HTMLElement =>
      screen.getByRole('treeitem', { name: (name) => squeeze(name).startsWith(squeeze(text)) });
    expect(named(LONG)).toBe(rows[2]);
    expect(named('invoiceU+202Egpj.exe')).toBe(rows[1]);
    expect(named(HOSTILE)).toBe(rows[0]);
  });
});
