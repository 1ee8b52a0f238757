/** Words, tone and icon for the outcome of applying a plan and for each org's verification. */
import type { ReactNode } from 'react';
import type { ApplyOutcome, OrgStatus } from '../../../preload/contract';
import type { BadgeTone } from '../../ui/Badge';
import { AlertIcon, BlockedIcon, CheckIcon, InfoIcon, OfflineIcon } from '../../ui/icons';

export interface Look {
  text: string;
  tone: BadgeTone;
  icon: ReactNode;
}

export const OUTCOME: Readonly<Record<ApplyOutcome, Look>> = {
  verified: { text: 'Verified', tone: 'success', icon: <CheckIcon /> },
  pending: { text: 'Pending: not yet visible on the server', tone: 'warning', icon: <InfoIcon /> },
  diverged: { text: 'Diverged from the plan', tone: 'danger', icon: <AlertIcon /> },
  failed: { text: 'Failed', tone: 'danger', icon: <AlertIcon /> },
  blocked: { text: 'Blocked by errors', tone: 'danger', icon: <BlockedIcon /> },
  conflict: { text: 'Conflict', tone: 'warning', icon: <AlertIcon /> },
  unreachable: { text: 'Server unreachable', tone: 'warning', icon: <OfflineIcon /> },
  interrupted: {
    text: 'Interrupted: credentials refused',
    tone: 'danger',
    icon: <AlertIcon />,
  },
};

export const ORG_STATUS: Readonly<Record<OrgStatus, Look>> = {
  done: { text: 'Done', tone: 'success', icon: <CheckIcon /> },
  pending: { text: 'Pending', tone: 'warning', icon: <InfoIcon /> },
  diverged: { text: 'Diverged', tone: 'danger', icon: <AlertIcon /> },
};
