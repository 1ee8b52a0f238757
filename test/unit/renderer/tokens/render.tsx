/** Renders a workbench component around a store over the fake bridge. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StoreProvider } from '../../../../renderer/store/StoreProvider';
import type { Workbench } from './fixtures';

export function renderIn(bench: Workbench, element: ReactElement): RenderResult {
  return render(<StoreProvider store={bench.store}>{element}</StoreProvider>);
}

/** Every text the page shows or holds in a field, to prove a value appears nowhere. */
export function everythingOnPage(): string {
  const values = [...document.querySelectorAll('input, textarea, select')].map(
    (field) => (field as HTMLInputElement).value,
  );
  return `${document.body.innerHTML}\n${values.join('\n')}`;
}
