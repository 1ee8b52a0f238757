import { describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/app/dispatch';
import { AppFailure } from '../../../main/app/errors';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import type { Handlers } from '../../../preload/contract';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZ2VudC0xMjM0NTY3OCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

function setup(overrides: Partial<Handlers>) {
  const records: LogRecord[] = [];
  const logger = createLogger('test', { level: 'debug', sinks: [(r) => records.push(r)] });
  return { handlers: overrides as unknown as Handlers, logger, records };
}

describe('dispatchCall', () => {
  it('withholds a result that carries a JWT, except from calls that exist to hand one over', async () => {
    const { handlers, logger, records } = setup({
      listTokens: () => Promise.resolve([{ preview: jwt }] as never),
      copyToken: () => Promise.resolve({ token: jwt }),
    });
    const listed = await dispatchCall(handlers, 'listTokens', { profileId: 'sandbox' }, logger);
    expect(listed).toEqual({
      ok: false,
      error: { code: 'internal', message: 'A result was withheld because it held a secret.' },
    });
    expect(JSON.stringify(records)).not.toContain(jwt);
    const copied = await dispatchCall(
      handlers,
      'copyToken',
      { profileId: 'sandbox', tokenRef: 'r1' },
      logger,
    );
    expect(copied).toEqual({ ok: true, value: { token: jwt } });
  });

  it('names the failing field of a bad input and never calls the handler', async () => {
    let called = false;
    const { handlers, logger } = setup({
      searchOrgs: () => {
        called = true;
        return Promise.resolve({ total: 0, hits: [] });
      },
    });
    const result = await dispatchCall(
      handlers,
      'searchOrgs',
      { profileId: 'sandbox', query: 'x', limit: 0 },
      logger,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'limit' } });
    expect(called).toBe(false);
  });

  it('turns service failures into user-facing errors without leaking internals', async () => {
    const { handlers, logger, records } = setup({
      getTreeStatus: () =>
        Promise.reject(new AppFailure('offline', 'The server cannot be reached.')),
      listAgents: () => Promise.reject(new TypeError('secret internals at line 42')),
    });
    expect(await dispatchCall(handlers, 'getTreeStatus', { profileId: 'sandbox' }, logger)).toEqual(
      {
        ok: false,
        error: { code: 'offline', message: 'The server cannot be reached.' },
      },
    );
    const internal = await dispatchCall(handlers, 'listAgents', { profileId: 'sandbox' }, logger);
    expect(internal).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error; details are in the log.' },
    });
    expect(records.some((r) => r.level === 'error')).toBe(true);
  });
});
