/** Renders renderer components around a fresh store and data source. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  createMemorySource,
  type MemorySource,
} from '../../../../renderer/features/orgs/fake/memorySource';
import type { OrgDataSource, OrgNode } from '../../../../renderer/features/orgs/source';
import { createAppStore, type AppStore } from '../../../../renderer/store/createAppStore';
import { StoreProvider } from '../../../../renderer/store/StoreProvider';

export interface Rendered extends RenderResult {
  store: AppStore;
}

export function renderWithStore(
  element: ReactElement,
  source: OrgDataSource,
  now: () => number = () => 0,
): Rendered {
  const store = createAppStore({ orgSource: source, now });
  const result = render(<StoreProvider store={store}>{element}</StoreProvider>);
  return { ...result, store };
}

export function memorySource(nodes: readonly OrgNode[]): MemorySource {
  return createMemorySource(nodes);
}
