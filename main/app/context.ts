/**
 * The composition root shared by both hosts: it builds every main-process service from its
 * dependencies and exposes the contract's handlers and an event channel.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from '../log/logger';
import type { EventName, EventPayload, Handlers } from '../../preload/contract';

export interface AppContextOptions {
  host: 'electron' | 'browser';
  version: string;
  dataDir: string;
  logger: Logger;
}

export interface AppContext {
  handlers: Handlers;
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): void;
  dispose(): Promise<void>;
}

export function createAppContext(options: AppContextOptions): Promise<AppContext> {
  const emitter = new EventEmitter();
  const handlers: Handlers = {
    getAppInfo: () =>
      Promise.resolve({
        name: 'ShareDesk',
        version: options.version,
        host: options.host,
        keychain: { backend: 'memory', reason: 'The keychain is not connected yet.' },
      }),
  };
  return Promise.resolve({
    handlers,
    onEvent: (listener) => {
      emitter.on('event', listener);
    },
    dispose: () => Promise.resolve(),
  });
}
