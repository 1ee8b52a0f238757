/**
 * Command-line flags of the browser host (`npm start -- [options]` where Electron is missing),
 * checked with a schema so that a bad flag gets a message naming it.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const HOST_USAGE = `Usage: npm start -- [options]

  --port <n>             loopback port of the browser host (default 0: a free port)
  --data-dir <dir>       where profiles, the cached tree and the journal live
                         (default: the per-user data folder)
  --renderer-dir <dir>   the built UI to serve (default out/renderer)
  --no-open              print the address without opening a browser
  --help                 show this text`;

export class HostUsageError extends Error {}

const PORT_RULE = 'must be a whole number from 0 to 65535';

const flagsSchema = z.object({
  port: z.coerce
    .number({ error: PORT_RULE })
    .int(PORT_RULE)
    .min(0, PORT_RULE)
    .max(65535, PORT_RULE)
    .default(0),
  'data-dir': z.string().min(1).optional(),
  'renderer-dir': z.string().min(1).optional(),
});

export interface HostCliOptions {
  help: boolean;
  port: number;
  dataDir: string | undefined;
  rendererDir: string | undefined;
  open: boolean;
}

export function parseHostArgs(argv: readonly string[]): HostCliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        // The default; still accepted so older start scripts keep working.
        open: { type: 'boolean' },
        'no-open': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new HostUsageError(`${(error as Error).message}\n\n${HOST_USAGE}`);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HostUsageError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  return {
    help: values.help === true,
    port: parsed.data.port,
    dataDir: parsed.data['data-dir'],
    rendererDir: parsed.data['renderer-dir'],
    open: values['no-open'] !== true,
  };
}
