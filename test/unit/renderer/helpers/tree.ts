/** Finding and driving tree rows in tests. */
import { act, fireEvent } from '@testing-library/react';
import { tabbableWithin } from '../../../../renderer/ui/focusable';

export function treeRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="treeitem"]')];
}

/** The row whose organization name (markers included) is exactly `name`. */
export function rowNamed(name: string): HTMLElement {
  const row = treeRows().find(
    (element) => element.querySelector('.org-tree-name')?.textContent === name,
  );
  if (!row) throw new Error(`No tree row named ${name}; rows: ${rowNames().join(', ')}`);
  return row;
}

export function rowNames(): string[] {
  return treeRows().map(
    (row) => row.querySelector('.org-tree-name')?.textContent ?? row.textContent ?? '',
  );
}

export function focusedRowName(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active.getAttribute('role') !== 'treeitem') return null;
  return active.querySelector('.org-tree-name')?.textContent ?? active.textContent;
}

export function press(key: string): void {
  const target = document.activeElement ?? document.body;
  fireEvent.keyDown(target, { key });
}

export function focus(element: HTMLElement): void {
  act(() => element.focus());
}

/** Rows a Tab press could land on. */
export function tabbableRows(): HTMLElement[] {
  const tree = document.querySelector<HTMLElement>('[role="tree"]');
  return tree ? tabbableWithin(tree) : [];
}

/** Where Tab would move focus from the active element, in document tab order. */
export function nextTabStop(): HTMLElement | undefined {
  const order = tabbableWithin(document.body);
  const at = order.indexOf(document.activeElement as HTMLElement);
  return order[at + 1];
}

/** Runs `fn` inside act and lets the store's pending loads finish before checking. */
export async function actAndSettle(fn: () => void): Promise<void> {
  await act(async () => {
    fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
