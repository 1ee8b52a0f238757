/**
 * `npm run sandbox`: runs the WSO2 emulator on https://127.0.0.1:9443 with the demo data (or a
 * generated tree), prints how to reach and trust it, and stops cleanly on SIGINT/SIGTERM.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { consoleSink, createLogger } from '../log/logger';
import { CliUsageError, USAGE, parseCliArgs, parseFaultsFile, type CliOptions } from './cli-args';
import { DEMO } from './data/demo-ids';
import { SandboxStateFileError, startSandbox, type Sandbox } from './index';

function describeData(options: CliOptions, sandbox: Sandbox): string {
  const count = sandbox.state.orgs.size - 1;
  if (options.stateFile && options.data === 'demo') return `${count} organizations below the root`;
  if (options.data === 'demo') return `demo (${count} organizations below the root)`;
  return `generated (${count} organizations, depth ${options.data.depth}, seed ${options.data.seed})`;
}

function banner(options: CliOptions, sandbox: Sandbox, caFile: string): string {
  const rows: [string, string][] = [
    ['URL', sandbox.url],
    ['Certificate', `SHA-256 ${sandbox.fingerprint256}`],
    ['CA certificate', caFile],
    ['Control token', `${sandbox.controlToken}  (Bearer token of /sandbox/control/*)`],
    ['Data', describeData(options, sandbox)],
    [
      'State file',
      options.stateFile ? resolve(options.stateFile) : 'none (changes are lost on exit)',
    ],
  ];
  const identities: [string, string][] = [
    ['root org handle', DEMO.rootOrgHandle],
    ['admin M2M app', `${DEMO.apps.admin.clientId} / ${DEMO.apps.admin.clientSecret}`],
    ['agent login app', `${DEMO.apps.agentLogin.clientId} / ${DEMO.apps.agentLogin.clientSecret}`],
    ['OBO client (public, PKCE)', DEMO.apps.obo.clientId],
    [
      'agent "Support Assistant"',
      `${DEMO.agents.supportAssistant} / ${DEMO.agentSecrets.supportAssistant}`,
    ],
    ['agent "Travel Planner"', `${DEMO.agents.travelPlanner} / ${DEMO.agentSecrets.travelPlanner}`],
    ['agent "Invoice Bot"', `${DEMO.agents.invoiceBot} / ${DEMO.agentSecrets.invoiceBot}`],
    ['user of "Business"', `${DEMO.users.alice.userName} / ${DEMO.users.alice.password}`],
    ['root administrator', 'admin / admin'],
  ];
  const table = (list: [string, string][]): string =>
    list.map(([k, v]) => `  ${k.padEnd(27)} ${v}`).join('\n');
  return [
    'ShareDesk sandbox — a local WSO2 Identity Server emulator',
    table(rows),
    '',
    'Demo identities',
    table(identities),
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

function explain(error: unknown, options: CliOptions | undefined): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' && options) {
    return `Port ${options.port} on ${options.host} is already in use. Stop the other server, or pass --port 0 for a free port.`;
  }
  if (code === 'EACCES' && options)
    return `Not allowed to listen on ${options.host}:${options.port}.`;
  if (code === 'EADDRNOTAVAIL' && options)
    return `Address ${options.host} is not available on this machine.`;
  if (error instanceof SandboxStateFileError || error instanceof CliUsageError)
    return error.message;
  return `The sandbox failed to start: ${(error as Error).message}`;
}

async function main(): Promise<void> {
  let options: CliOptions | undefined;
  try {
    options = parseCliArgs(process.argv.slice(2));
    if (options.help) {
      console.log(USAGE);
      return;
    }
    const faults = options.faultsFile
      ? parseFaultsFile(readFileSync(options.faultsFile, 'utf8'), options.faultsFile)
      : options.faults;
    const logger = createLogger('sandbox', {
      level: options.logLevel,
      sinks: [consoleSink(options.logLevel)],
    });
    const sandbox = await startSandbox({
      port: options.port,
      host: options.host,
      data: options.data,
      stateFile: options.stateFile,
      shareDelayMs: options.shareDelayMs,
      logger,
      ...(faults ? { faults } : {}),
    });
    const caFile = resolve(options.caFile);
    mkdirSync(dirname(caFile), { recursive: true });
    writeFileSync(caFile, sandbox.caPem);
    console.log(banner(options, sandbox, caFile));

    let stopping = false;
    const shutdown = (signal: string): void => {
      if (stopping) process.exit(1);
      stopping = true;
      console.log(`\n${signal}: stopping the sandbox…`);
      sandbox.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`Stopping failed: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    console.error(explain(error, options));
    if (error instanceof CliUsageError) console.error(`\n${USAGE}`);
    process.exit(error instanceof CliUsageError ? 2 : 1);
  }
}

void main();
