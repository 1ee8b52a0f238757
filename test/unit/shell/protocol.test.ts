import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler, resolveBundlePath } from '../../../main/shell/protocol';

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'sharedesk-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
  outside = join(base, 'secret.txt');
  writeFileSync(outside, 'secret');
  symlinkSync(outside, join(root, 'assets', 'link.txt'));
});

describe('app protocol', () => {
  it('serves bundle files with the strict CSP', async () => {
    const handler = appProtocolHandler(root);
    const response = await handler(new Request('app://sharedesk/index.html'));
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "connect-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect((await handler(new Request('app://sharedesk/assets/app.js'))).status).toBe(200);
  });

  it('refuses paths that leave the bundle', async () => {
    const handler = appProtocolHandler(root);
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/link.txt',
      '/%2Fetc%2Fpasswd',
      '/assets\\..\\..\\secret.txt',
      '/nope.html',
      '/%00index.html',
    ]) {
      expect(await resolveBundlePath(root, path), path).toBeUndefined();
    }
    const response = await handler(new Request('app://sharedesk/%2e%2e/secret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses other hosts and methods', async () => {
    const handler = appProtocolHandler(root);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(400);
    expect(
      (await handler(new Request('app://sharedesk/index.html', { method: 'POST', body: 'x' })))
        .status,
    ).toBe(400);
  });
});
