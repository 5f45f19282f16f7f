// Web mode: the same API over HTTP (POST /api/<channel>) and its events over a WebSocket
// (/events), plus the renderer's files, on 127.0.0.1 only, behind a per-launch token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CHANNELS } from '../shared/api/contract.ts';
import { dispatch } from '../main/api/create-api.ts';
import { errorBody } from '../main/api/errors.ts';
import type { Lab } from '../main/api/lab.ts';
import { hostAllowed, newToken, presentedToken, tokenCookie, tokenMatches } from './auth.ts';
import { fromOwnPage, ownOrigins, readJsonBody, RequestError, setSecurityHeaders } from './request-guards.ts';
import { serveStatic } from './static-files.ts';

export interface WebServerOptions {
  port?: number;
  /** Folder of the built renderer; without it only the API is served. */
  staticDir?: string | null;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The server could not take its port (in use, not permitted): one line naming the address. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
  readonly port: number;
  readonly code: string;
  constructor(port: number, code: string) {
    const why = code === 'EADDRINUSE' ? 'another process is listening on it' : 'it cannot be used';
    super(`127.0.0.1:${port} is not available: ${why} (${code})`);
    this.port = port;
    this.code = code;
  }
}

/** Resolves once listening on 127.0.0.1; rejects with ListenError when the port cannot be had. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(new ListenError(port, error.code ?? 'error'));
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
}

const STATUS = { invalid: 400, not_found: 404, conflict: 409, internal: 500 } as const;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function startWebServer(lab: Lab, options: WebServerOptions = {}): Promise<WebServer> {
  const token = options.token ?? newToken();
  let port = options.port ?? 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res, port);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
      decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, { error: 'malformed URL', code: 'invalid' });
    }
    if (!hostAllowed(req, port)) return send(res, 403, { error: 'host not allowed', code: 'invalid' });
    if (!tokenMatches(presentedToken(req, url, port), token))
      return send(res, 401, { error: 'missing or wrong token', code: 'invalid' });
    if (url.pathname === '/api' && req.method === 'GET') return send(res, 200, { channels: CHANNELS });
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { error: 'use POST', code: 'invalid' });
      if (!fromOwnPage(req, port))
        return send(res, 403, { error: 'requests from other sites are refused', code: 'invalid' });
      try {
        const value = await dispatch(lab, url.pathname.slice(5), await readJsonBody(req));
        return send(res, 200, { value });
      } catch (e) {
        if (e instanceof RequestError) return send(res, e.status, { error: e.message, code: 'invalid' });
        const body = errorBody(e);
        return send(res, STATUS[body.code], body);
      }
    }
    if (url.searchParams.has('token')) {
      // Browsers share a host's cookies across ports: the port in the name keeps two servers'
      // tokens apart (the Origin check, not the cookie, is what stops other sites).
      res.setHeader('set-cookie', `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    if (options.staticDir && (await serveStatic(options.staticDir, url.pathname, res))) return;
    send(res, 404, { error: `nothing at ${url.pathname}`, code: 'not_found' });
  };
  // No request may end the server: whatever a handler throws is answered, and logged in one line.
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`tierlab serve: ${req.method} ${req.url}: ${(e as Error).message}\n`);
      if (!res.headersSent) send(res, 500, { error: 'internal error', code: 'internal' });
      else res.destroy();
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      socket.destroy();
      return;
    }
    if (
      url.pathname !== '/events' ||
      !hostAllowed(req, port) ||
      (req.headers.origin !== undefined && !ownOrigins(port).includes(req.headers.origin)) ||
      !tokenMatches(presentedToken(req, url, port), token)
    ) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });
  const unsubscribe = lab.events.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  });
  try {
    await listen(server, port);
  } catch (error) {
    unsubscribe();
    wss.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
