// Web mode: the same API over HTTP (POST /api/<channel>) and its events over a WebSocket
// (/events), plus the renderer's files, on 127.0.0.1 only, behind a per-launch token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { CHANNELS } from '../shared/api/contract.ts';
import { dispatch } from '../main/api/create-api.ts';
import { errorBody } from '../main/api/errors.ts';
import type { Lab } from '../main/api/lab.ts';
import { hostAllowed, newToken, presentedToken, TOKEN_COOKIE, tokenMatches } from './auth.ts';
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

const STATUS = { invalid: 400, not_found: 404, conflict: 409, internal: 500 } as const;
const MAX_BODY = 64 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

export async function startWebServer(lab: Lab, options: WebServerOptions = {}): Promise<WebServer> {
  const token = options.token ?? newToken();
  let port = options.port ?? 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port)) return send(res, 403, { error: 'host not allowed', code: 'invalid' });
    if (!tokenMatches(presentedToken(req, url), token))
      return send(res, 401, { error: 'missing or wrong token', code: 'invalid' });
    if (url.pathname === '/api' && req.method === 'GET') return send(res, 200, { channels: CHANNELS });
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { error: 'use POST', code: 'invalid' });
      try {
        const value = await dispatch(lab, url.pathname.slice(5), await readBody(req));
        return send(res, 200, { value });
      } catch (e) {
        const body =
          e instanceof SyntaxError
            ? { error: `invalid JSON: ${e.message}`, code: 'invalid' as const }
            : errorBody(e);
        return send(res, STATUS[body.code], body);
      }
    }
    if (url.searchParams.has('token')) {
      res.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    if (options.staticDir && (await serveStatic(options.staticDir, url.pathname, res))) return;
    send(res, 404, { error: `nothing at ${url.pathname}`, code: 'not_found' });
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (
      url.pathname !== '/events' ||
      !hostAllowed(req, port) ||
      !tokenMatches(presentedToken(req, url), token)
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
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
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
