/**
 * Command-line flags of `npm run sandbox`, parsed and checked with a schema so that a bad flag
 * gets a message naming it.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { LogLevel } from '../log/logger';
import type { SandboxData } from './data/initial';
import { faultConfigSchema, type FaultConfigInput, type FaultRule } from './faults';

export const USAGE = `Usage: npm run sandbox -- [options]

  --port <n>             HTTPS port (default 9443; 0 picks a free port)
  --host <address>       address to listen on (default 127.0.0.1)
  --orgs <n>             generate n organizations instead of the demo data
  --depth <n>            levels below the root for generated trees (default 4)
  --seed <n>             seed of generated trees (default 1)
  --state <file>         load the data from this file if it exists, and save changes to it
  --share-delay-ms <n>   delay before accepted sharing work is applied (default 200)
  --ca-file <file>       where to write the CA certificate (default .sandbox/sandbox-ca.pem)
  --log-level <level>    debug, info, warn or error (default info)

Faults (for every path under --fault-path, default /):
  --latency-ms <n>       delay every response by n ms
  --error-rate <0..1>    answer this share of requests with --error-status (default 503)
  --throttle-rate <0..1> answer this share with 429 and Retry-After: --retry-after (default 1)
  --drop-rate <0..1>     close this share of connections without an answer
  --truncate-rate <0..1> send only half of this share of response bodies
  --fault-seed <n>       seed of the fault decisions (default 1)
  --faults-file <file>   fault rules as JSON ({"seed": 1, "rules": [...]}), instead of the above
  --help                 show this text`;

export class CliUsageError extends Error {}

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const rate = z.coerce.number().min(0).max(1);

const flagsSchema = z.object({
  port: integer(0, 65535).default(9443),
  host: z.string().min(1).default('127.0.0.1'),
  orgs: integer(0, 1_000_000).optional(),
  depth: integer(1, 20).default(4),
  seed: integer(0, 2 ** 32 - 1).default(1),
  state: z.string().min(1).optional(),
  'share-delay-ms': integer(0, 600_000).default(200),
  'ca-file': z.string().min(1).default('.sandbox/sandbox-ca.pem'),
  'log-level': z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  'latency-ms': integer(0, 120_000).optional(),
  'error-rate': rate.optional(),
  'error-status': integer(500, 599).default(503),
  'throttle-rate': rate.optional(),
  'retry-after': integer(0, 3600).default(1),
  'drop-rate': rate.optional(),
  'truncate-rate': rate.optional(),
  'fault-path': z.string().startsWith('/').default('/'),
  'fault-seed': integer(0, 2 ** 32 - 1).default(1),
  'faults-file': z.string().min(1).optional(),
});

export interface CliOptions {
  help: boolean;
  port: number;
  host: string;
  data: SandboxData;
  stateFile: string | undefined;
  shareDelayMs: number;
  caFile: string;
  logLevel: LogLevel;
  faults: FaultConfigInput | undefined;
  /** Path of a JSON fault file still to be read. */
  faultsFile: string | undefined;
}

const STRING_FLAGS = Object.keys(flagsSchema.shape);

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(
      STRING_FLAGS.map((name) => [name, { type: 'string' as const }]),
    );
    values = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliUsageError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  const f = parsed.data;
  const path = f['fault-path'];
  const rules: Partial<FaultRule>[] = [];
  if (f['latency-ms'] !== undefined)
    rules.push({ kind: 'latency', path, latencyMs: f['latency-ms'] });
  if (f['error-rate'] !== undefined)
    rules.push({ kind: 'error', path, rate: f['error-rate'], status: f['error-status'] });
  if (f['throttle-rate'] !== undefined) {
    rules.push({
      kind: 'throttle',
      path,
      rate: f['throttle-rate'],
      retryAfterSeconds: f['retry-after'],
    });
  }
  if (f['drop-rate'] !== undefined) rules.push({ kind: 'drop', path, rate: f['drop-rate'] });
  if (f['truncate-rate'] !== undefined)
    rules.push({ kind: 'truncate', path, rate: f['truncate-rate'] });
  if (rules.length > 0 && f['faults-file']) {
    throw new CliUsageError('--faults-file cannot be combined with the single fault flags');
  }
  return {
    help: values.help === true,
    port: f.port,
    host: f.host,
    data: f.orgs === undefined ? 'demo' : { orgs: f.orgs, depth: f.depth, seed: f.seed },
    stateFile: f.state,
    shareDelayMs: f['share-delay-ms'],
    caFile: f['ca-file'],
    logLevel: f['log-level'],
    faults:
      rules.length > 0 ? faultConfigSchema.parse({ seed: f['fault-seed'], rules }) : undefined,
    faultsFile: f['faults-file'],
  };
}

/** Parses the JSON of `--faults-file`, naming the failing field. */
export function parseFaultsFile(text: string, file: string): FaultConfigInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`--faults-file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = faultConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliUsageError(
      `--faults-file ${file}: ${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
  }
  return parsed.data;
}
