/** Dialog: focus moves in, Tab wraps, the page behind is inert, Escape closes, focus returns. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from '../../../renderer/ui/Button';
import { Dialog } from '../../../renderer/ui/Dialog';
import { TextField } from '../../../renderer/ui/TextField';
import './helpers/dom';

function Harness(): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Rename organization</Button>
      <Button>Elsewhere</Button>
      <Dialog
        open={open}
        title="Rename"
        description="Give the organization a new name."
        onClose={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>Save</Button>}
      >
        <TextField label="New name" />
      </Dialog>
    </>
  );
}

function openDialog(): HTMLElement {
  const invoker = screen.getByRole('button', { name: 'Rename organization' });
  act(() => invoker.focus());
  act(() => invoker.click());
  return invoker;
}

function tab(shift = false): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Tab', shiftKey: shift });
}

describe('Dialog', () => {
  it('is a labelled modal dialog that takes focus', () => {
    render(<Harness />);
    openDialog();

    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('wraps Tab and Shift+Tab inside the dialog', () => {
    render(<Harness />);
    openDialog();
    const close = screen.getByRole('button', { name: 'Close' });
    const save = screen.getByRole('button', { name: 'Save' });

    act(() => save.focus());
    tab();
    expect(document.activeElement).toBe(close);
    tab(true);
    expect(document.activeElement).toBe(save);
  });

  it('makes the page behind it inert while open', () => {
    render(<Harness />);
    const invoker = openDialog();

    expect(invoker.closest('[inert]')).not.toBeNull();
    act(() => screen.getByRole('button', { name: 'Close' }).click());
    expect(invoker.closest('[inert]')).toBeNull();
  });

  it('closes on Escape and returns focus to the button that opened it', () => {
    render(<Harness />);
    const invoker = openDialog();

    fireEvent.keyDown(screen.getByLabelText('New name'), { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(invoker);
  });

  it('returns focus to the invoker when closed with a button inside', () => {
    render(<Harness />);
    const invoker = openDialog();

    act(() => screen.getByRole('button', { name: 'Save' }).click());

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(invoker);
  });
});
