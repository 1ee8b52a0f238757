/**
 * The bridge the renderer uses under the browser host: the same named functions the
 * Electron preload exposes, carried over same-origin `fetch` and server-sent events.
 */
import {
  callNames,
  eventNames,
  listenerName,
  type AppError,
  type BridgeApi,
  type Envelope,
} from '../../preload/contract';

function transportError(message: string): Envelope<never> {
  const error: AppError = { code: 'offline', message };
  return { ok: false, error };
}

export function createHttpBridge(): BridgeApi {
  const api: Record<string, unknown> = {};
  let source: EventSource | undefined;
  const stream = (): EventSource => (source ??= new EventSource('/events'));

  for (const name of callNames) {
    api[name] = async (input: unknown): Promise<Envelope<unknown>> => {
      try {
        const response = await fetch(`/rpc/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        if (!response.ok) return transportError(`The app host answered ${response.status}.`);
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return transportError('The app host cannot be reached.');
      }
    };
  }

  for (const event of eventNames) {
    api[listenerName(event)] = (listener: (payload: unknown) => void): (() => void) => {
      const forward = (message: MessageEvent<string>): void => {
        listener(JSON.parse(message.data) as unknown);
      };
      stream().addEventListener(event, forward);
      return () => stream().removeEventListener(event, forward);
    };
  }
  return Object.freeze(api) as BridgeApi;
}
