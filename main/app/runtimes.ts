/** The live runtimes of the profiles in use, built on first use and rebuilt after edits. */
import type { Logger } from '../log/logger';
import { AppFailure } from './errors';
import { createProfileRuntime, type ProfileRuntime, type RuntimeDeps } from './runtime';

export interface Runtimes {
  get(profileId: string): Promise<ProfileRuntime>;
  /** The runtime if it is already built; never starts one. */
  peek(profileId: string): ProfileRuntime | undefined;
  /** Drops a profile's runtime so the next use sees its new settings. */
  invalidate(profileId: string): Promise<void>;
  disposeAll(): Promise<void>;
}

export function createRuntimes(deps: RuntimeDeps & { logger: Logger }): Runtimes {
  const building = new Map<string, Promise<ProfileRuntime>>();
  const built = new Map<string, ProfileRuntime>();

  const get = (profileId: string): Promise<ProfileRuntime> => {
    const pending = building.get(profileId);
    if (pending) return pending;
    const next = createProfileRuntime(profileId, deps).then(
      (runtime) => {
        built.set(profileId, runtime);
        return runtime;
      },
      (error: unknown) => {
        building.delete(profileId);
        deps.logger.warn(`profile ${profileId} could not start`, { error });
        throw error instanceof AppFailure
          ? error
          : new AppFailure('offline', `The profile could not be opened: ${describe(error)}`);
      },
    );
    building.set(profileId, next);
    return next;
  };

  const invalidate = async (profileId: string): Promise<void> => {
    const runtime = built.get(profileId);
    building.delete(profileId);
    built.delete(profileId);
    await runtime?.dispose();
  };

  return {
    get,
    peek: (profileId) => built.get(profileId),
    invalidate,
    disposeAll: async () => {
      await Promise.all([...built.keys()].map((id) => invalidate(id)));
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
