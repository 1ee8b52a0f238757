/** The exchange record: form bodies masked by field name, response bodies from the parse made. */
import fc from 'fast-check';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpExchange, NotJsonError } from '../../../main/http';
import { formEncode, isSecretField, redactForm } from '../../../main/http/exchange';
import { silentLogger } from '../../../main/log/logger';

const ORIGIN = 'https://is.example';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImV4cCI6MTc2MDAwMDAwMH0.c2lnbmF0dXJlLXZhbHVl';

describe('form bodies in the record', () => {
  it('encodes names and values exactly as URLSearchParams does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(formEncode(text)).toBe(new URLSearchParams([['', text]]).toString().slice(1));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a form without secrets as it goes on the wire', () => {
    const name = fc.constantFrom('grant_type', 'scope', 'switching_organization', 'redirect_uri');
    fc.assert(
      fc.property(fc.dictionary(name, fc.string({ unit: 'grapheme' })), (form) => {
        expect(redactForm(form)).toBe(new URLSearchParams(form).toString());
      }),
    );
  });

  it('masks every field the log redaction treats as secret, at its encoded length', () => {
    const secretNames = [
      'token',
      'client_secret',
      'code',
      'code_verifier',
      'password',
      'refresh_token',
      'actor_token',
      'subject_token',
      'assertion',
      'secret',
      'Client_Secret',
    ];
    const value = 'v@lue with spaces&more=1';
    const encoded = formEncode(value);
    for (const name of secretNames) {
      expect(isSecretField(name)).toBe(true);
      const shown = redactForm({ grant_type: 'x', [name]: value });
      expect(shown).toBe(
        `grant_type=x&${name}=[redacted ${name.toLowerCase()} len=${encoded.length}]`,
      );
    }
    for (const name of ['grant_type', 'scope', 'client_id', 'switching_organization']) {
      expect(isSecretField(name)).toBe(false);
    }
  });

  it('masks a token-shaped value in a field of any name, and leaves empty secrets empty', () => {
    const shown = redactForm({ note: JWT, token: '' });
    expect(shown).not.toContain(JWT);
    expect(shown).toBe(`note=[redacted jwt len=${JWT.length}]&token=`);
  });
});

describe('response bodies in the record', () => {
  let agent: MockAgent;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(() => agent.close());

  function client(onExchange: (exchange: HttpExchange) => void) {
    return createHttpClient({
      baseUrl: ORIGIN,
      trust: { type: 'system' },
      logger: silentLogger,
      dispatcher: agent,
      onExchange,
    });
  }

  it('records a redacted copy of the body the caller receives, untouched by the caller', async () => {
    const body = { access_token: JWT, token_type: 'Bearer', nested: { refresh_token: 'rt-1' } };
    agent.get(ORIGIN).intercept({ method: 'POST', path: '/oauth2/token' }).reply(200, body);
    const seen: HttpExchange[] = [];
    const response = await client((e) => seen.push(e)).request({
      method: 'POST',
      url: '/oauth2/token',
      form: { grant_type: 'client_credentials' },
    });

    expect(response.body).toEqual(body);
    (response.body as { token_type: string }).token_type = 'changed by the caller';
    expect(seen[0]!.responseBody).toEqual({
      access_token: `[redacted access_token len=${JWT.length}]`,
      token_type: 'Bearer',
      nested: { refresh_token: '[redacted refresh_token len=4]' },
    });
  });

  it('records a body that is not JSON as its text, and still refuses it as JSON', async () => {
    agent
      .get(ORIGIN)
      .intercept({ method: 'GET', path: '/page' })
      .reply(200, `<html>Bearer ${'a'.repeat(20)}</html>`, {
        headers: { 'content-type': 'text/html' },
      });
    const seen: HttpExchange[] = [];
    const error = await client((e) => seen.push(e))
      .request({ method: 'GET', url: '/page' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotJsonError);
    expect((error as NotJsonError).cause).toBeInstanceOf(SyntaxError);
    expect(seen[0]!.responseBody).toBe('<html>Bearer [redacted credential len=20]</html>');
  });

  it('truncates a long JSON string body as it did a long text', async () => {
    const long = 'x'.repeat(9_000);
    agent.get(ORIGIN).intercept({ method: 'GET', path: '/long' }).reply(200, JSON.stringify(long));
    const seen: HttpExchange[] = [];
    const response = await client((e) => seen.push(e)).request({ method: 'GET', url: '/long' });

    expect(response.body).toBe(long);
    expect(seen[0]!.responseBody).toBe(`${'x'.repeat(8 * 1024)}… [9000 chars]`);
  });
});
