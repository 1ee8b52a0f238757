/**
 * The sandbox listens before its token signing key exists; a request that comes first waits
 * for the key and is answered, never refused as an unknown route.
 */
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Jwt from '../../../main/sandbox/oauth/jwt';

const gate = vi.hoisted(() => {
  let release: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release: () => release() };
});

vi.mock('../../../main/sandbox/oauth/jwt', async (importOriginal) => {
  const actual = await importOriginal<typeof Jwt>();
  return {
    ...actual,
    createSigningKey: async (): Promise<Jwt.SigningKey> => {
      const key = await actual.createSigningKey();
      await gate.opened;
      return key;
    },
  };
});

const { startSandbox } = await import('../../../main/sandbox');

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
});

describe('a sandbox whose signing key is still being made', () => {
  it('holds requests until the key is in, then answers them with it', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const dispatcher = new Agent({ connect: { ca: sandbox.caPem } });
    stop = async () => {
      await sandbox.stop();
      await dispatcher.close();
    };

    let answered = false;
    const jwks = request(`${sandbox.url}/oauth2/jwks`, { dispatcher }).then(async (response) => {
      answered = true;
      return { status: response.statusCode, body: await response.body.json() };
    });
    // Long enough for a request with no key to wait for to be answered many times over.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);

    gate.release();
    const { status, body } = await jwks;
    expect(status).toBe(200);
    expect(body).toMatchObject({ keys: [{ kty: 'RSA', alg: 'RS256' }] });
  });
});
