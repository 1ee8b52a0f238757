/**
 * A typed fake of the bridge for renderer tests. Calls not given an implementation answer
 * with an `internal` error naming the call; every call's input is recorded; events are
 * delivered with `emit`.
 */
import {
  callNames,
  eventNames,
  listenerName,
  type BridgeApi,
  type CallInput,
  type CallName,
  type CallResult,
  type Envelope,
  type EventName,
  type EventPayload,
  type ProfileView,
} from '../../../../preload/contract';

export type Implementations = {
  [N in CallName]?: (input: CallInput<N>) => Promise<Envelope<CallResult<N>>>;
};

export interface FakeApi {
  api: BridgeApi;
  /** Inputs each call received, oldest first. */
  calls: { [N in CallName]?: CallInput<N>[] };
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(event: EventName): number;
}

export function ok<T>(value: T): Promise<Envelope<T>> {
  return Promise.resolve({ ok: true, value });
}

export function fail<T>(
  code: 'invalid-input' | 'forbidden' | 'offline' | 'tls',
  message: string,
  field?: string,
): Promise<Envelope<T>> {
  return Promise.resolve({ ok: false, error: { code, message, ...(field ? { field } : {}) } });
}

export function createFakeApi(implementations: Implementations): FakeApi {
  const calls: Record<string, unknown[]> = {};
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};

  for (const name of callNames) {
    api[name] = (input: unknown): Promise<unknown> => {
      (calls[name] ??= []).push(input);
      const implementation = implementations[name] as ((input: unknown) => unknown) | undefined;
      if (!implementation) {
        return Promise.resolve({
          ok: false,
          error: { code: 'internal', message: `${name} is not faked` },
        });
      }
      return Promise.resolve(implementation(input));
    };
  }
  for (const event of eventNames) {
    api[listenerName(event)] = (listener: (payload: unknown) => void): (() => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }

  return {
    api: api as BridgeApi,
    calls: calls,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export function sandboxView(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'sandbox',
    name: 'Sandbox',
    kind: 'wso2is',
    baseUrl: 'https://127.0.0.1:9443',
    rootOrgHandle: 'carbon.super',
    adminAuth: { type: 'client-credentials', clientId: 'sharedesk-admin' },
    trust: { type: 'ca', pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' },
    sandbox: true,
    clientSecret: { set: true, hint: '••••cret' },
    agents: [],
    ...overrides,
  };
}

export function serverView(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p-staging',
    name: 'Staging',
    kind: 'wso2is',
    baseUrl: 'https://is.staging.example',
    rootOrgHandle: 'carbon.super',
    adminAuth: { type: 'client-credentials', clientId: 'console-m2m' },
    trust: { type: 'system' },
    sandbox: false,
    clientSecret: { set: true, hint: '••••9f2a' },
    agents: [],
    ...overrides,
  };
}
