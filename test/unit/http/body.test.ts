/** Reading a body within its cap, from the stream's events. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../../main/http/body';
import { TooLargeError } from '../../../main/http';

const CONTEXT = { method: 'GET', url: 'https://is.example/x' };

/** Lets a destroyed stream emit its error: one nobody listens to fails the run. */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function chunked(parts: string[]): Readable {
  return Readable.from(
    parts.map((part) => Buffer.from(part)),
    { objectMode: false },
  );
}

describe('readCapped', () => {
  it('collects every chunk in order', async () => {
    const buffer = await readCapped(chunked(['{"a":', '1', '}']), undefined, 100, CONTEXT);
    expect(buffer.toString('utf8')).toBe('{"a":1}');
  });

  it('stops a body without a declared length once it passes the cap', async () => {
    const body = chunked(['12345', '67890', 'abcde']);
    await expect(readCapped(body, undefined, 8, CONTEXT)).rejects.toBeInstanceOf(TooLargeError);
    await settled();
    expect(body.destroyed).toBe(true);
    expect(body.errored).toBeInstanceOf(TooLargeError);
  });

  it('refuses a declared length over the cap before reading', async () => {
    const body = chunked(['x']);
    await expect(readCapped(body, '9', 8, CONTEXT)).rejects.toBeInstanceOf(TooLargeError);
    await settled();
    expect(body.destroyed).toBe(true);
    expect(body.errored).toBeInstanceOf(TooLargeError);
  });

  it('fails a body closed before its end instead of waiting for it', async () => {
    const body = new Readable({ read: () => undefined });
    body.push(Buffer.from('partial'));
    const reading = readCapped(body, undefined, 100, CONTEXT);
    setImmediate(() => body.destroy());
    await expect(reading).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('passes a stream error on', async () => {
    const body = new Readable({ read: () => undefined });
    const reading = readCapped(body, undefined, 100, CONTEXT);
    body.destroy(Object.assign(new Error('socket hang up'), { code: 'UND_ERR_SOCKET' }));
    await expect(reading).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });
});
