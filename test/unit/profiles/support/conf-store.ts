/** The `conf` store the Node host passes to the profile store (electron-store in the shell). */
import Conf from 'conf';
import type { StoreFactory } from '../../../../main/profiles';

export const confFactory: StoreFactory = (options) => new Conf<Record<string, unknown>>(options);
