/** The app's screens, in navigation order; Alt+1…5 follow this order. */
import type { ComponentType } from 'react';
import { ActivityScreen } from '../features/activity/ActivityScreen';
import { OrgsScreen } from '../features/orgs/OrgsScreen';
import { ProfilesScreen } from '../features/profiles/ProfilesScreen';
import { ShareEditor } from '../features/sharing/ShareEditor';
import { TokenWorkbench } from '../features/tokens/TokenWorkbench';
import type { ScreenId } from '../store/uiSlice';

export interface ScreenDefinition {
  id: ScreenId;
  title: string;
  component: ComponentType;
}

export type ScreenOverrides = Partial<Record<ScreenId, ComponentType>>;

export const DEFAULT_SCREENS: readonly ScreenDefinition[] = [
  { id: 'organizations', title: 'Organizations', component: OrgsScreen },
  { id: 'share', title: 'Share editor', component: ShareEditor },
  { id: 'activity', title: 'Activity', component: ActivityScreen },
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
