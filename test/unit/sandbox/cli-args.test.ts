import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs, parseFaultsFile } from '../../../main/sandbox/cli-args';

describe('sandbox command line', () => {
  it('defaults to https://127.0.0.1:9443 with the demo data', () => {
    expect(parseCliArgs([])).toMatchObject({
      port: 9443,
      host: '127.0.0.1',
      data: 'demo',
      stateFile: undefined,
      faults: undefined,
      help: false,
    });
  });

  it('reads a generated tree and a state file', () => {
    const options = parseCliArgs([
      '--port',
      '0',
      '--orgs',
      '100000',
      '--seed',
      '7',
      '--state',
      's.json',
    ]);
    expect(options.port).toBe(0);
    expect(options.data).toEqual({ orgs: 100_000, depth: 4, seed: 7 });
    expect(options.stateFile).toBe('s.json');
  });

  it('turns fault flags into rules for one path prefix', () => {
    const options = parseCliArgs([
      '--latency-ms',
      '200',
      '--throttle-rate',
      '0.1',
      '--retry-after',
      '3',
      '--fault-path',
      '/api/',
      '--fault-seed',
      '5',
    ]);
    expect(options.faults).toMatchObject({
      seed: 5,
      rules: [
        { kind: 'latency', path: '/api/', latencyMs: 200 },
        { kind: 'throttle', path: '/api/', rate: 0.1, retryAfterSeconds: 3 },
      ],
    });
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--error-rate', '2'], /--error-rate/],
    [['--log-level', 'loud'], /--log-level/],
    [['--bogus'], /bogus/],
    [['--latency-ms', '5', '--faults-file', 'f.json'], /cannot be combined/],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('checks a faults file and names the failing field', () => {
    expect(parseFaultsFile('{"rules":[{"kind":"drop","rate":0.5}]}', 'f.json')).toMatchObject({
      rules: [{ kind: 'drop', rate: 0.5 }],
    });
    expect(() => parseFaultsFile('{"rules":[{"kind":"drop","rate":5}]}', 'f.json')).toThrow(
      /f\.json: rules\.0\.rate/,
    );
    expect(() => parseFaultsFile('nope', 'f.json')).toThrow(/not valid JSON/);
  });
});
