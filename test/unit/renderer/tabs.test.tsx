/** Tabs per the APG: one tab stop, arrows select with wrap-around, Home and End. */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from '../../../renderer/ui/Tabs';
import './helpers/dom';

function Harness(): React.JSX.Element {
  const [selected, setSelected] = useState<'claims' | 'header' | 'raw'>('claims');
  return (
    <Tabs
      label="Token views"
      selected={selected}
      onSelect={setSelected}
      tabs={[
        { id: 'claims', label: 'Claims', content: 'claims panel' },
        { id: 'header', label: 'Header', content: 'header panel' },
        { id: 'raw', label: 'Raw', content: 'raw panel' },
      ]}
    />
  );
}

describe('Tabs', () => {
  it('selects with arrows, Home and End, moving the single tab stop and focus', () => {
    render(<Harness />);
    const tab = (name: string): HTMLElement => screen.getByRole('tab', { name });
    screen.getByRole('tablist', { name: 'Token views' });
    expect(screen.getByRole('tabpanel', { name: 'Claims' }).textContent).toBe('claims panel');

    fireEvent.keyDown(tab('Claims'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tab('Raw'));
    expect(tab('Raw').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Raw' }).textContent).toBe('raw panel');

    fireEvent.keyDown(tab('Raw'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Claims'));
    fireEvent.keyDown(tab('Claims'), { key: 'End' });
    expect(document.activeElement).toBe(tab('Raw'));
    fireEvent.keyDown(tab('Raw'), { key: 'Home' });
    expect(document.activeElement).toBe(tab('Claims'));

    const tabbable = screen.getAllByRole('tab').filter((element) => element.tabIndex === 0);
    expect(tabbable).toEqual([tab('Claims')]);
  });
});
