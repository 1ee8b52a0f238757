/**
 * How an agent reaches an organization, in words and with an icon, so the state never depends
 * on colour: shared directly, inherited through an ancestor's "and future children" policy,
 * through "all organizations", shared outside any policy, or not shared.
 */
import type { ReactNode } from 'react';
import type { ShareVia } from '../../../preload/contract';
import type { BadgeTone } from '../../ui/Badge';
import { AlertIcon, BlockedIcon, GlobeIcon, InheritIcon, LinkIcon } from '../../ui/icons';

export interface ViaLook {
  text: string;
  tone: BadgeTone;
  icon: ReactNode;
  /** What it means, for the legend and summaries. */
  meaning: string;
}

export const VIA: Readonly<Record<ShareVia, ViaLook>> = {
  direct: {
    text: 'Direct',
    tone: 'success',
    icon: <LinkIcon />,
    meaning: 'shared with this organization itself',
  },
  inherited: {
    text: 'Inherited',
    tone: 'info',
    icon: <InheritIcon />,
    meaning: 'shared through an ancestor’s “and all existing and future children” policy',
  },
  'all-orgs': {
    text: 'All orgs',
    tone: 'info',
    icon: <GlobeIcon />,
    meaning: 'shared through the “all organizations” policy',
  },
  'outside-policy': {
    text: 'Outside any policy',
    tone: 'warning',
    icon: <AlertIcon />,
    meaning: 'shared, but no stored policy covers it (a leftover the API cannot recreate)',
  },
  'not-shared': {
    text: 'Not shared',
    tone: 'neutral',
    icon: <BlockedIcon />,
    meaning: 'the agent does not reach this organization',
  },
};

export const VIA_ORDER: readonly ShareVia[] = [
  'direct',
  'inherited',
  'all-orgs',
  'outside-policy',
  'not-shared',
];
