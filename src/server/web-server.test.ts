import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CHANNELS } from '../shared/api/contract.ts';
import { smallScenario, tempLab } from '../../tests/support/main/test-lab.ts';
import { startWebServer, type WebServer } from './web-server.ts';

const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(workers = 1) {
  const s = await startWebServer(tempLab(workers), { port: 0 });
  servers.push(s);
  const post = (channel: string, body: unknown, token = s.token) =>
    fetch(`http://127.0.0.1:${s.port}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tierlab-token': token },
      body: JSON.stringify(body),
    });
  return { s, post };
}

describe('web mode', () => {
  it('answers only requests that carry the launch token', async () => {
    const { s, post } = await server();
    expect((await post('app:info', {}, 'nope'.padEnd(s.token.length, 'x'))).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${s.port}/api`)).status).toBe(401);
    const ok = await post('app:info', {});
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { value: { workers: number } }).value.workers).toBe(1);
  });

  it('refuses a Host name other than loopback (DNS rebinding)', async () => {
    const { s } = await server();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(
        {
          host: '127.0.0.1',
          port: s.port,
          path: `/api?token=${s.token}`,
          headers: { host: `evil.example:${s.port}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(403);
  });

  it('routes every channel it lists, the whole contract, to that channel over HTTP', async () => {
    const { s, post } = await server();
    const listed = (await (await fetch(`http://127.0.0.1:${s.port}/api?token=${s.token}`)).json()) as {
      channels: string[];
    };
    // Every channel it lists, and every one of the contract, reaches that channel's own validator.
    for (const channel of new Set([...listed.channels, ...CHANNELS])) {
      const res = await post(channel, { bogus: true });
      expect(res.status, channel).toBe(400); // reached its validator: the channel exists
    }
    expect((await post('nope:nothing', {})).status).toBe(404);
  });

  it('runs a scenario over HTTP and streams its status and samples over the WebSocket', async () => {
    const { s, post } = await server();
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/events?token=${s.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const seen: string[] = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const { event, payload } = JSON.parse(data.toString()) as {
          event: string;
          payload: { status?: string };
        };
        seen.push(event);
        if (event === 'run:status' && payload.status === 'done') resolve();
      }),
    );
    const saved = (await (await post('scenario:save', { document: smallScenario() })).json()) as {
      value: { value: { id: number } };
    };
    const started = await post('run:start', { scenarioId: saved.value.value.id });
    expect(started.status).toBe(200);
    await done;
    ws.close();
    expect(seen).toContain('run:samples');
    expect(seen).toContain('run:progress');
  });

  it('starts a run from a document and waits for it in slices, as a client without events would', async () => {
    const { post } = await server();
    const started = (await (await post('run:start', { document: smallScenario() })).json()) as {
      value: { runIds: number[] };
    };
    const { runIds } = started.value;
    let status = 'queued';
    for (let slice = 0; slice < 600 && (status === 'queued' || status === 'running'); slice++) {
      const res = await post('run:wait', { runIds, timeoutMs: 100 });
      expect(res.status).toBe(200);
      status = ((await res.json()) as { value: { runs: { status: string }[] } }).value.runs[0]!.status;
    }
    expect(status).toBe('done');
    const exported = await post('export:run', { runId: runIds[0] });
    expect(((await exported.json()) as { value: { filename: string } }).value.filename).toBe(
      `tierlab-run-${runIds[0]}.result.json`,
    );
    // The samples CSV comes a chunk a call, its cursor through JSON: here one chunk per run given.
    type Chunk = { value: { csv: string; next: { run: number; afterMs: number | null } | null } };
    const ids = [runIds[0], runIds[0]];
    const first = ((await (await post('export:samples', { runIds: ids })).json()) as Chunk).value;
    expect(first.next).toEqual({ run: 1, afterMs: null });
    const second = ((await (await post('export:samples', { runIds: ids, from: first.next })).json()) as Chunk)
      .value;
    expect(second.next).toBeNull();
    const [header, ...rows] = first.csv.trim().split('\n');
    expect(header).toMatch(/^run_id,time_ms,nr_free_pages,/);
    expect(second.csv.trim().split('\n')).toEqual(rows);
  });

  it('refuses a WebSocket without the token', async () => {
    const { s } = await server();
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/events`);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
