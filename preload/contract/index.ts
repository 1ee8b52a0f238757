/**
 * The contract between the renderer and the main process: every call and event, with its
 * input schema and result type. The preload bridge, the browser host and the IPC handlers
 * are all built from this one module, so the two sides cannot drift apart.
 */
import type { z } from 'zod';
import { appCalls, appEvents } from './app';
import { flowCalls, flowEvents } from './flows';
import { orgCalls, orgEvents } from './orgs';
import { profileCalls } from './profiles';
import { sharingCalls, sharingEvents } from './sharing';
import { tokenCalls } from './tokens';
import type { Envelope, ListenerName } from './define';

export const calls = {
  ...appCalls,
  ...profileCalls,
  ...orgCalls,
  ...tokenCalls,
  ...flowCalls,
  ...sharingCalls,
};

export const events = {
  ...appEvents,
  ...orgEvents,
  ...flowEvents,
  ...sharingEvents,
};

export type Calls = typeof calls;
export type CallName = Extract<keyof Calls, string>;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallResult<N extends CallName> = z.output<Calls[N]['result']>;

export type Events = typeof events;
export type EventName = Extract<keyof Events, string>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** What the renderer sees as `window.api`: one function per call, one `on…` per event. */
export type BridgeApi = {
  [N in CallName]: (input: CallInput<N>) => Promise<Envelope<CallResult<N>>>;
} & {
  [E in EventName as ListenerName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** Main-side implementation of every call. */
export type Handlers = {
  [N in CallName]: (input: z.output<Calls[N]['input']>) => Promise<CallResult<N>>;
};

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export * from './define';
export * from './app';
export * from './json';
export * from './tokens';
export * from './profiles';
export * from './orgs';
export * from './flows';
export * from './sharing';
export * from './sharing-domain';
export * from './sharing-plan';
export * from './sharing-records';
export * from './sharing-results';
export * from './sharing-views';
