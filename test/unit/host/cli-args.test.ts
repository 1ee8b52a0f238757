import { describe, expect, it } from 'vitest';
import { HostUsageError, parseHostArgs } from '../../../main/host/cli-args';

describe('browser host command line', () => {
  it('defaults to a free port, the per-user data folder and opening a browser', () => {
    expect(parseHostArgs([])).toEqual({
      help: false,
      port: 0,
      dataDir: undefined,
      rendererDir: undefined,
      open: true,
    });
  });

  it('reads every flag', () => {
    const options = parseHostArgs([
      '--port',
      '8123',
      '--data-dir',
      '/tmp/d',
      '--renderer-dir',
      'out/r',
      '--no-open',
    ]);
    expect(options).toEqual({
      help: false,
      port: 8123,
      dataDir: '/tmp/d',
      rendererDir: 'out/r',
      open: false,
    });
    expect(parseHostArgs(['--help']).help).toBe(true);
  });

  it('names the flag that is wrong', () => {
    expect(() => parseHostArgs(['--port', 'eighty'])).toThrow(
      '--port: must be a whole number from 0 to 65535',
    );
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/^--port: /);
    expect(() => parseHostArgs(['--data-dir', ''])).toThrow(/^--data-dir: /);
    expect(() => parseHostArgs(['--colour'])).toThrow(HostUsageError);
    expect(() => parseHostArgs(['--colour'])).toThrow(/'--colour'[\s\S]*Usage: npm start/);
  });
});
