/** The app's screens, in navigation order; Alt+1…5 follow this order. */
import type { ComponentType } from 'react';
import { OrgsScreen } from '../features/orgs/OrgsScreen';
import { ProfilesScreen } from '../features/profiles/ProfilesScreen';
import { ShareEditor } from '../features/sharing/ShareEditor';
import { TokenWorkbench } from '../features/tokens/TokenWorkbench';
import type { ScreenId } from '../store/uiSlice';
import { PlaceholderScreen } from './PlaceholderScreen';

export interface ScreenDefinition {
  id: ScreenId;
  title: string;
  component: ComponentType;
}

export type ScreenOverrides = Partial<Record<ScreenId, ComponentType>>;

function placeholder(title: string, summary: string, details: readonly string[]): ComponentType {
  const Screen = (): React.JSX.Element => (
    <PlaceholderScreen title={title} summary={summary} details={details} />
  );
  Screen.displayName = `Placeholder(${title})`;
  return Screen;
}

export const DEFAULT_SCREENS: readonly ScreenDefinition[] = [
  { id: 'organizations', title: 'Organizations', component: OrgsScreen },
  { id: 'share', title: 'Share editor', component: ShareEditor },
  {
    id: 'activity',
    title: 'Activity',
    component: placeholder('Activity', 'The journal of applied plans and the outbox.', [
      'Every applied plan with its outcome per organization, exportable.',
      'Undo a plan by applying its inverse.',
      'Queued plans and conflicts found on replay.',
    ]),
  },
  {
    id: 'tokens',
    title: 'Token workbench',
    component: TokenWorkbench,
  },
  { id: 'profiles', title: 'Profiles', component: ProfilesScreen },
];

export function withOverrides(overrides: ScreenOverrides | undefined): readonly ScreenDefinition[] {
  if (!overrides) return DEFAULT_SCREENS;
  return DEFAULT_SCREENS.map((screen) => ({
    ...screen,
    component: overrides[screen.id] ?? screen.component,
  }));
}
