/**
 * The app's services as both hosts build them, in a fresh data folder with a memory vault,
 * and a typed way to call the contract through the same dispatcher the hosts use.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAppContext,
  type AppContext,
  type AppContextOptions,
} from '../../../main/app/context';
import { dispatchCall } from '../../../main/app/dispatch';
import { silentLogger, type Logger } from '../../../main/log/logger';
import { openKeychainVault } from '../../../main/vault';
import type { CallInput, CallName, CallResult } from '../../../preload/contract';

export interface TestApp {
  app: AppContext;
  dataDir: string;
  /** Runs a contract call; a failure envelope becomes a thrown error naming its code. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>>;
}

export async function startTestApp(
  options: Partial<Pick<AppContextOptions, 'opener' | 'sandbox'>> & {
    logger?: (dataDir: string) => Logger;
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sharedesk-app-'));
  const logger = options.logger?.(dataDir) ?? silentLogger;
  const app = await createAppContext({
    host: 'browser',
    version: 'test',
    dataDir,
    logger,
    vault: await openKeychainVault({ platform: process.platform, logger, preferMemory: true }),
    opener: options.opener ?? { open: () => Promise.reject(new Error('no browser in this test')) },
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  });
  return {
    app,
    dataDir,
    call: async (name, input) => {
      const envelope = await dispatchCall(app.handlers, name, input, logger);
      if (!envelope.ok)
        throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
  };
}
