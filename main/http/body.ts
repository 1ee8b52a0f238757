/**
 * Reading a response body within a size cap, and making sense of it: JSON, text, or one of
 * the two error shapes WSO2 servers answer with.
 */
import { z } from 'zod';
import { redactString } from '../log/redact';
import {
  HttpStatusError,
  NotJsonError,
  type OAuthErrorBody,
  TooLargeError,
  type Wso2ErrorBody,
} from './errors';

export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

const PREMATURE_CLOSE = 'ERR_STREAM_PREMATURE_CLOSE';

interface BodyContext {
  method: string;
  url: string;
}

/** A readable body that can be torn down early (undici's BodyReadable). */
export interface BodyStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  off(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  once(event: 'end', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'close', listener: () => void): unknown;
  destroy(error?: Error): unknown;
}

function tooLarge(limitBytes: number, context: BodyContext): TooLargeError {
  return new TooLargeError(`response is larger than the ${limitBytes}-byte limit`, {
    limitBytes,
    ...context,
  });
}

/**
 * Collects the body, refusing it up front when `Content-Length` already exceeds the cap and
 * otherwise aborting the transfer as soon as the running total passes it.
 */
export async function readCapped(
  body: BodyStream,
  contentLength: string | undefined,
  limitBytes: number,
  context: BodyContext,
): Promise<Buffer> {
  const declared = contentLength === undefined ? NaN : Number(contentLength);
  if (Number.isFinite(declared) && declared > limitBytes) {
    const error = tooLarge(limitBytes, context);
    // Destroying with an error emits it; without a listener it would crash the process.
    body.once('error', () => undefined);
    body.destroy(error);
    throw error;
  }

  // Chunks are taken from 'data' events: an async iterator per body costs more than the read.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Uint8Array): void => {
      total += chunk.byteLength;
      if (total > limitBytes) {
        const error = tooLarge(limitBytes, context);
        body.off('data', onData);
        body.once('error', () => undefined);
        body.destroy(error);
        reject(error);
        return;
      }
      chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    };
    let ended = false;
    body.on('data', onData);
    body.once('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks, total));
    });
    body.once('error', reject);
    // Closed with neither an end nor an error: refused as an async iterator would refuse it.
    body.once('close', () => {
      if (!ended) reject(Object.assign(new Error('Premature close'), { code: PREMATURE_CLOSE }));
    });
  });
}

/** A short, single-line, tag-free and redacted excerpt of a body, for error messages. */
export function snippetOf(text: string, maxChars = 160): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed here
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const redacted = redactString(plain);
  return redacted.length > maxChars ? `${redacted.slice(0, maxChars - 1)}…` : redacted;
}

/** A body's text parsed as JSON, or why it is not JSON; made once and shared by its readers. */
export type ParsedText = { json: true; value: unknown } | { json: false; cause: unknown };

export function parseText(text: string): ParsedText {
  try {
    return { json: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { json: false, cause };
  }
}

/**
 * Parses a JSON body (or takes the parse already made of it); an HTML page or any other
 * non-JSON answer becomes `NotJsonError`.
 */
export function parseJsonBody(
  text: string,
  status: number,
  contentType: string | undefined,
  context: BodyContext,
  parsed?: ParsedText,
): unknown {
  if (text.trim() === '') return undefined;
  const result = parsed ?? parseText(text);
  if (result.json) return result.value;
  const kind = contentType === undefined ? 'a body without content type' : contentType;
  throw new NotJsonError(`expected JSON but the server answered ${status} with ${kind}`, {
    status,
    ...(contentType === undefined ? {} : { contentType }),
    snippet: snippetOf(text),
    ...context,
    cause: result.cause,
  });
}

const wso2ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  description: z.string().optional(),
  traceId: z.string().optional(),
});

const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Builds the error for a non-success status, reading WSO2 or OAuth error fields if present. */
export function statusError(status: number, text: string, context: BodyContext): HttpStatusError {
  const json = tryJson(text);
  const wso2 = wso2ErrorSchema.safeParse(json);
  if (wso2.success) {
    const body: Wso2ErrorBody = wso2.data;
    return new HttpStatusError(`HTTP ${status} ${body.code}: ${snippetOf(body.message)}`, {
      status,
      wso2: body,
      ...context,
    });
  }
  const oauth = oauthErrorSchema.safeParse(json);
  if (oauth.success) {
    const body: OAuthErrorBody = oauth.data;
    const description =
      body.error_description === undefined ? '' : `: ${snippetOf(body.error_description)}`;
    return new HttpStatusError(`HTTP ${status} ${body.error}${description}`, {
      status,
      oauth: body,
      ...context,
    });
  }
  const snippet = snippetOf(text);
  return new HttpStatusError(`HTTP ${status}`, {
    status,
    ...(snippet === '' ? {} : { snippet }),
    ...context,
  });
}
