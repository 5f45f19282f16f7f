import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api/contract.ts';
import { ApiError } from '../api/errors.ts';
import { closeLab, openLab, type Lab } from '../api/lab.ts';
import { answerCall, replyTo } from './call-reply.ts';

let dir: string;
let lab: Lab;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierlab-ipc-'));
  lab = openLab({ dbPath: join(dir, 'lab.db'), workers: 1 });
});

afterAll(async () => {
  await closeLab(lab);
  rmSync(dir, { recursive: true, force: true });
});

describe('the IPC transport', () => {
  it("routes every channel of the contract to that channel's own validation", async () => {
    for (const channel of CHANNELS) {
      const reply = await answerCall(lab, channel, { notAField: 1 });
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'invalid' } });
      if (!reply.ok) expect(reply.error.error, channel).toContain(channel);
    }
  });

  it('answers a valid call with its value', async () => {
    const reply = await answerCall(lab, 'app:info', {});
    expect(reply).toMatchObject({ ok: true, value: { dbPath: join(dir, 'lab.db'), workers: 1 } });
  });

  it('refuses unknown and non-string channel names as not found', async () => {
    for (const channel of ['tierlab:nope', 'constructor', '__proto__', 42, null]) {
      expect(await answerCall(lab, channel, {}), String(channel)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
  });

  it('sends errors as plain { error, code } bodies that survive structured cloning', async () => {
    const reply = await answerCall(lab, 'scenario:get', { id: 999_999 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).not.toBeInstanceOf(Error);
    expect(Object.keys(reply.error).sort()).toEqual(['code', 'error']);
    expect(structuredClone(reply)).toEqual(reply);
  });
});

describe('replyTo', () => {
  it('keeps the code of an ApiError and reports anything else as internal', async () => {
    expect(await replyTo(() => Promise.reject(new ApiError('conflict', 'busy')))).toEqual({
      ok: false,
      error: { error: 'busy', code: 'conflict' },
    });
    const original = console.error;
    console.error = () => {};
    try {
      expect(await replyTo(() => JSON.parse('{') as unknown)).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    } finally {
      console.error = original;
    }
  });
});
