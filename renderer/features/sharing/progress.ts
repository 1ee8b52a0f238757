/**
 * Live progress of applying a plan, folded from the main process's `sharingProgress` events:
 * where each step is (sending, accepted, reconciling, retrying, settled, failed) and how the
 * verification polls are going. Also the words for each state, for the screen and the live
 * region.
 */
import { z } from 'zod';
import {
  stepKindSchema,
  type SharingEvent,
  type StepKind,
  type StepResult,
  type StepStatus,
} from '../../../preload/contract';

export interface StepProgress {
  index: number;
  kind: StepKind;
  status: StepStatus;
  message: string | null;
}

export interface VerifyProgress {
  attempt: number;
  done: number;
  total: number;
}

export interface PlanProgress {
  count: number;
  steps: readonly StepProgress[];
  verify: VerifyProgress | null;
}

export interface BulkProgress {
  finished: number;
  total: number;
  failed: number;
}

/**
 * The progress events as the renderer accepts them. The contract declares them without a
 * runtime schema (the main process produces them), so they are checked here like any other
 * input crossing into the renderer; a malformed event is dropped.
 */
export const sharingEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('step'),
    profileId: z.string(),
    planId: z.string(),
    agentId: z.string(),
    index: z.number().int().nonnegative(),
    count: z.number().int().nonnegative(),
    kind: stepKindSchema,
    status: z.enum(['sending', 'accepted', 'reconciling', 'retrying', 'settled', 'failed']),
    message: z.string().nullable(),
  }),
  z.object({
    type: z.literal('verify'),
    profileId: z.string(),
    planId: z.string(),
    agentId: z.string(),
    attempt: z.number().int().nonnegative(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('bulk'),
    profileId: z.string(),
    batchId: z.string(),
    finished: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('outbox'),
    profileId: z.string(),
    entryId: z.string(),
    agentId: z.string(),
    status: z.string(),
  }),
]) satisfies z.ZodType<SharingEvent & { profileId: string }>;

export const EMPTY_PROGRESS: PlanProgress = { count: 0, steps: [], verify: null };

type StepEvent = Extract<SharingEvent, { type: 'step' }>;
type VerifyEvent = Extract<SharingEvent, { type: 'verify' }>;

export function withStepEvent(progress: PlanProgress, event: StepEvent): PlanProgress {
  const step: StepProgress = {
    index: event.index,
    kind: event.kind,
    status: event.status,
    message: event.message,
  };
  const steps = [...progress.steps.filter((known) => known.index !== event.index), step].sort(
    (a, b) => a.index - b.index,
  );
  return { ...progress, count: event.count, steps };
}

export function withVerifyEvent(progress: PlanProgress, event: VerifyEvent): PlanProgress {
  return { ...progress, verify: { attempt: event.attempt, done: event.done, total: event.total } };
}

export const STEP_STATUS_TEXT: Readonly<Record<StepStatus, string>> = {
  sending: 'Sending',
  accepted: 'Accepted by the server (202), waiting for it to take effect',
  reconciling: 'The answer was lost; reading the share state to see whether it took effect',
  retrying: 'Retrying',
  settled: 'Took effect',
  failed: 'Failed',
};

/** How a step ended, once the apply report is in. */
export const STEP_RESULT_TEXT: Readonly<Record<StepResult['status'], string>> = {
  accepted: 'Accepted by the server (202)',
  reconciled: 'Took effect (its answer was lost; a read confirmed it)',
  failed: 'Failed',
  'not-sent': 'Not sent',
};

export const STEP_KIND_TEXT: Readonly<Record<StepKind, string>> = {
  'unshare-with-all': 'Unshare from all organizations',
  'share-with-all': 'Share with all organizations',
  unshare: 'Unshare from organizations',
  share: 'Share with organizations',
  'patch-roles': 'Change roles',
};

/** One sentence for the live region, e.g. "Step 1 of 2, Share with organizations: Sending." */
export function announceStep(event: StepEvent): string {
  const detail = event.message ? ` ${event.message}` : '';
  return `Step ${event.index + 1} of ${event.count}, ${STEP_KIND_TEXT[event.kind]}: ${STEP_STATUS_TEXT[event.status]}.${detail}`;
}

export function announceVerify(event: VerifyEvent): string {
  return `Verifying, attempt ${event.attempt}: ${event.done} of ${event.total} organizations as planned.`;
}
