/**
 * The browser host: serves the built renderer and the contract as RPC (`POST /rpc/<call>`)
 * plus an event stream (`GET /events`, server-sent events) on 127.0.0.1. It is how ShareDesk
 * runs where the Electron runtime cannot be had, and what the end-to-end tests drive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger';
import type { EventName, EventPayload, Handlers } from '../../preload/contract';
import { dispatchCall, isCallName } from '../app/dispatch';
import { SECURITY_HEADERS, serveBundleFile } from '../shell/protocol';
import { checkRequest, createHostSecrets, sameSecret, sessionCookie } from './guard';

const MAX_RPC_BYTES = 2 * 1024 * 1024;

export interface BrowserHostOptions {
  rendererDir: string;
  handlers: Handlers;
  logger: Logger;
  port?: number;
}

export interface BrowserHost {
  /** The launch URL with its one-time token. */
  launchUrl: string;
  origin: string;
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secrets = createHostSecrets();
  const streams = new Set<ServerResponse>();
  let hostHeader = '';

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.logger.error('browser host request failed', { error });
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end();
    });
  });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const method = req.method ?? 'GET';

    const token = url.searchParams.get('token');
    if (method === 'GET' && url.pathname === '/' && token !== null) {
      if (req.headers.host !== hostHeader || !sameSecret(token, secrets.launchToken)) {
        return deny(res, 403, 'Invalid launch link.');
      }
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': sessionCookie(secrets),
        Location: '/',
      });
      res.end();
      return;
    }

    const isRpc = url.pathname.startsWith('/rpc/');
    const verdict = checkRequest(req, hostHeader, secrets, isRpc);
    if (verdict !== 'ok') {
      options.logger.warn(`browser host refused ${method} ${url.pathname}: ${verdict}`);
      return deny(res, verdict === 'no-session' ? 401 : 403, 'Forbidden.');
    }

    if (isRpc) return rpc(req, res, url.pathname.slice('/rpc/'.length), method);
    if (url.pathname === '/events' && method === 'GET') return openStream(res);
    if (method !== 'GET') return deny(res, 405, 'Method not allowed.');
    const file = await serveBundleFile(options.rendererDir, url.pathname, 'browser');
    res.writeHead(file.status, { ...file.headers, 'Cache-Control': 'no-store' });
    res.end(file.body);
  };

  const rpc = async (
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    method: string,
  ): Promise<void> => {
    if (method !== 'POST') return deny(res, 405, 'Method not allowed.');
    if (!isCallName(name)) return deny(res, 404, 'Unknown call.');
    if ((req.headers['content-type'] ?? '').split(';')[0] !== 'application/json') {
      return deny(res, 415, 'Content type must be application/json.');
    }
    const body = await readLimited(req, MAX_RPC_BYTES);
    if (body === undefined) return deny(res, 413, 'Payload too large.');
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return deny(res, 400, 'Body is not JSON.');
    }
    const envelope = await dispatchCall(options.handlers, name, input, options.logger);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify(envelope));
  };

  const openStream = (res: ServerResponse): void => {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hostHeader = `127.0.0.1:${port}`;
  const origin = `http://${hostHeader}`;

  return {
    launchUrl: `${origin}/?token=${secrets.launchToken}`,
    origin,
    broadcast: (event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
