/** The settings store outside Electron: `conf`, the engine electron-store is built on. */
import Conf from 'conf';
import type { StoreFactory } from '../profiles';

export const confStoreFactory: StoreFactory = (options) =>
  new Conf<Record<string, unknown>>(options);
