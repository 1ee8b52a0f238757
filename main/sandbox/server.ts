/**
 * The sandbox HTTPS server: tenancy parsing, body limits, fault injection, dispatch to the
 * API areas, and replies. A handler's failure becomes a WSO2-shaped 500, never a crash.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../log/logger';
import {
  MAX_BODY_BYTES,
  ReplyError,
  apiError,
  oauthError,
  scimError,
  type Reply,
  type RequestContext,
} from './http';
import type { Router } from './router';
import { methodNotAllowed, notFound, parseTenancy, type ErrorStyle } from './router';

export interface ServerParts {
  router: Router;
  keyPem: string;
  certPem: string;
  host: string;
  port: number;
  rootHandle: string;
  logger?: Logger;
  /** Runs before dispatch; may delay, answer or drop the request (fault injection). */
  beforeDispatch?: (ctx: RequestContext) => Promise<'continue' | 'handled'>;
  /** Runs after a reply is chosen; may damage it (truncated bodies). */
  writeReply?: (ctx: RequestContext, reply: Reply, write: (reply: Reply) => void) => void;
}

export interface RunningServer {
  server: Server;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(parts: ServerParts): Promise<RunningServer> {
  const logger = parts.logger ?? silentLogger;
  let origin = '';
  const server = createServer({ key: parts.keyPem, cert: parts.certPem }, (req, res) => {
    handle(parts, origin, logger, req, res).catch((error: unknown) => {
      logger.error('request failed outside a handler', { error });
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(parts.port, parts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `https://${parts.host}:${port}`;
  return {
    server,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  parts: ServerParts,
  origin: string,
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  const method = (req.method ?? 'GET').toUpperCase();
  const traceId = randomUUID();
  const tenancy = parseTenancy(url.pathname, parts.rootHandle);
  let style: ErrorStyle = 'api';
  const ctx = createContext(req, res, url, method, traceId, origin, tenancy, () => style);

  const write = (reply: Reply): void => writeReply(res, reply);
  let reply: Reply;
  try {
    if (parts.beforeDispatch && (await parts.beforeDispatch(ctx)) === 'handled') return;
    if (!tenancy) throw notFound(ctx);
    const match = parts.router.match(method, tenancy.path);
    if (match === undefined) throw notFound(ctx);
    if (match === 'method-not-allowed') throw methodNotAllowed(ctx);
    style = match.style;
    ctx.params = match.params;
    reply = await match.handler(ctx);
  } catch (error) {
    if (error instanceof ReplyError) reply = error.reply;
    else {
      logger.error('handler failed', { path: url.pathname, error });
      reply = serverError(style, traceId);
    }
  }
  if (parts.writeReply) parts.writeReply(ctx, reply, write);
  else write(reply);
}

function serverError(style: ErrorStyle, traceId: string): Reply {
  if (style === 'oauth') return oauthError('server_error', 'Internal Server Error.').reply;
  if (style === 'scim') return scimError(500, 'Internal server error.').reply;
  return apiError(500, 'SBX-50000', 'Internal server error.', 'Unexpected failure.', traceId).reply;
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | undefined;
  if (reply.body !== undefined) {
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    payload = Buffer.from(text, 'utf8');
    headers['Content-Type'] = reply.contentType ?? 'application/json';
    headers['Content-Length'] = String(payload.length);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function createContext(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  traceId: string,
  origin: string,
  tenancy: ReturnType<typeof parseTenancy>,
  currentStyle: () => ErrorStyle,
): RequestContext {
  let bodyPromise: Promise<Buffer> | undefined;
  const badRequest = (description: string, status = 400): ReplyError => {
    const style = currentStyle();
    if (style === 'oauth') return oauthError('invalid_request', description);
    if (style === 'scim') return scimError(status, description, 'invalidSyntax');
    return apiError(status, 'SBX-40000', 'Invalid request.', description, traceId);
  };
  const body = (): Promise<Buffer> => {
    bodyPromise ??= readBody(req, () => badRequest('Request body is too large.', 413));
    return bodyPromise;
  };
  const contentType = (): string =>
    (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

  return {
    req,
    res,
    method,
    path: tenancy?.path ?? url.pathname,
    rawPath: url.pathname,
    query: url.searchParams,
    params: {},
    tenant: tenancy?.tenant ?? '',
    orgScoped: tenancy?.orgScoped ?? false,
    orgQualifiedId: tenancy?.orgQualifiedId,
    origin,
    traceId,
    principal: undefined,
    body,
    json: async () => {
      const type = contentType();
      if (type !== 'application/json' && type !== 'application/scim+json') {
        throw badRequest(`Unsupported content type '${type || 'none'}'.`, 415);
      }
      const raw = (await body()).toString('utf8');
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw badRequest('The request body is not valid JSON.');
      }
    },
    form: async () => {
      if (contentType() !== 'application/x-www-form-urlencoded') {
        throw badRequest('Content type must be application/x-www-form-urlencoded.');
      }
      return new URLSearchParams((await body()).toString('utf8'));
    },
  };
}

function readBody(req: IncomingMessage, tooLarge: () => ReplyError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
