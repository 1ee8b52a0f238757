/**
 * ShareDesk in the browser host, started in this process on a given data folder (the same
 * composition root the CLI and the end-to-end tests use), with secrets in memory.
 */
import { createAppContext } from '../../../main/app/context';
import { startBrowserHost } from '../../../main/host/server';
import { silentLogger } from '../../../main/log/logger';
import { openKeychainVault } from '../../../main/vault';
import { RENDERER_DIR } from './renderer-build';

export interface RunningHost {
  launchUrl: string;
  stop(): Promise<void>;
}

export async function startBrowserApp(dataDir: string): Promise<RunningHost> {
  const vault = await openKeychainVault({
    platform: process.platform,
    logger: silentLogger,
    preferMemory: true,
  });
  const app = await createAppContext({
    host: 'browser',
    version: 'bench',
    dataDir,
    logger: silentLogger,
    vault,
    opener: { open: () => Promise.reject(new Error('no authorization pages in the benchmark')) },
  });
  const host = await startBrowserHost({
    rendererDir: RENDERER_DIR,
    handlers: app.handlers,
    logger: silentLogger,
  });
  app.onEvent((event, payload) => host.broadcast(event, payload));
  return {
    launchUrl: host.launchUrl,
    stop: async () => {
      await host.close();
      await app.dispose();
    },
  };
}
