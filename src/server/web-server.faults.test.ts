// Fault injection against a real web-mode server on 127.0.0.1 with a real lab database: malformed
// URLs, other sites' requests, wrong content types, oversized and deep bodies, and a burst of
// concurrent requests. None may end the server, start a run, or be answered with a stack trace.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { listRuns } from '../main/db/index.ts';
import { smallScenario, tempLab } from '../../tests/support/main/test-lab.ts';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from './request-guards.ts';
import { ListenError, startWebServer, type WebServer } from './web-server.ts';

const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request (the path exactly as given, no client-side normalising). */
function raw(
  s: WebServer,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: s.port,
        path,
        method: opts.method ?? 'GET',
        headers: { 'x-tierlab-token': s.token, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = { 'content-type': 'application/json' };

async function labServer() {
  const lab = tempLab(1);
  const s = await startWebServer(lab, { port: 0 });
  servers.push(s);
  const saved = await raw(s, '/api/scenario:save', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ document: smallScenario({ name: 'target' }) }),
  });
  const scenarioId = (JSON.parse(saved.body) as { value: { value: { id: number } } }).value.value.id;
  const stillUp = async () => (await raw(s, '/api/app:info', { method: 'POST', headers: json })).status;
  return { lab, s, scenarioId, stillUp };
}

describe('web mode under fault injection', () => {
  it('answers malformed URLs with 400 and keeps serving', async () => {
    const { s, stillUp } = await labServer();
    for (const path of ['/%c0', '/%u002e', '/%', '/api/%ff', '/%E0%A4%A', '/assets/%c0%ae%c0%ae/x'])
      expect((await raw(s, path)).status, path).toBe(400);
    expect(await stillUp()).toBe(200);
  });

  it("refuses another site's requests, and starts no run for them", async () => {
    const { lab, s, scenarioId, stillUp } = await labServer();
    const start = JSON.stringify({ scenarioId });
    const attempts: Record<string, string>[] = [
      { ...json, origin: 'http://127.0.0.1:9999' },
      { ...json, origin: 'null' },
      { ...json, 'sec-fetch-site': 'same-site' },
      { ...json, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts)
      expect((await raw(s, '/api/run:start', { method: 'POST', headers, body: start })).status).toBe(403);
    // A no-cors form post can only send text/plain: refused before it is read.
    const plain = { 'content-type': 'text/plain' };
    expect((await raw(s, '/api/run:start', { method: 'POST', headers: plain, body: start })).status).toBe(
      415,
    );
    expect(listRuns(lab.db, {})).toHaveLength(0);
    // A tool calling a channel without arguments needs no content type.
    expect((await raw(s, '/api/app:info', { method: 'POST' })).status).toBe(200);
    const own = { ...json, origin: `http://127.0.0.1:${s.port}`, 'sec-fetch-site': 'same-origin' };
    expect((await raw(s, '/api/app:info', { method: 'POST', headers: own })).status).toBe(200);
    expect(await stillUp()).toBe(200);
  });

  it('refuses a WebSocket from a foreign origin and accepts its own', async () => {
    const { s } = await labServer();
    const open = (origin: string) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${s.port}/events?token=${s.token}`, { origin });
        ws.on('open', () => (ws.close(), resolve(true)));
        ws.on('error', () => resolve(false));
      });
    expect(await open('http://evil.example')).toBe(false);
    expect(await open(`http://127.0.0.1:${s.port}`)).toBe(true);
  });

  it('answers oversized, malformed and too-deep bodies with 413 or 400 and a reason', async () => {
    const { s, stillUp } = await labServer();
    const post = (body: string | Buffer) =>
      raw(s, '/api/scenario:validate', { method: 'POST', headers: json, body });
    const big = await post(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20));
    expect(big.status).toBe(413);
    const bad = await post('{"document": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/invalid JSON/);
    const deep = await post(`{"document": ${'['.repeat(6000)}${']'.repeat(6000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body).toMatch(new RegExp(`deeper than ${MAX_JSON_DEPTH}`));
    for (const r of [big, bad, deep]) expect(r.body).not.toMatch(/\n\s+at /);
    expect(await stillUp()).toBe(200);
  });

  it('sends its security headers on every answer', async () => {
    const { s } = await labServer();
    for (const r of [
      await raw(s, '/nothing-here'),
      await raw(s, '/api/app:info', { method: 'POST', headers: json }),
    ]) {
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['content-security-policy']).toMatch(
        new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${s.port}`),
      );
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves a bounded burst of 200 concurrent requests, then still answers', async () => {
    const { s, stillUp } = await labServer();
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 ? raw(s, '/api/app:info', { method: 'POST', headers: json }) : raw(s, '/%c0'),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(100);
    expect(replies.filter((r) => r.status === 400)).toHaveLength(100);
    expect(await stillUp()).toBe(200);
  });

  it('refuses a port another server holds with a ListenError naming the address, and the lab stays usable', async () => {
    const { lab, s, stillUp } = await labServer();
    const second = startWebServer(lab, { port: s.port });
    await expect(second).rejects.toThrow(ListenError);
    await expect(second).rejects.toThrow(
      `127.0.0.1:${s.port} is not available: another process is listening on it (EADDRINUSE)`,
    );
    expect(lab.events.nrListeners).toBe(1);
    expect(await stillUp()).toBe(200);
  });
});
