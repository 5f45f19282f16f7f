// The IPC transport's server half, without Electron: answers one call with a Reply, so every error
// crosses IPC as an { error, code } body and never as an Error object. ipc.ts registers it.
import { isChannel } from '../../shared/api/contract.ts';
import type { Reply } from '../../shared/api/bridge.ts';
import { dispatch } from '../api/create-api.ts';
import { ApiError, errorBody } from '../api/errors.ts';
import type { Lab } from '../api/lab.ts';

/** Runs `work` and wraps its value or its error; unexpected errors are also logged in the main process. */
export async function replyTo<T>(work: () => T | Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    const body = errorBody(e);
    if (body.code === 'internal') console.error(e);
    return { ok: false, error: body };
  }
}

export function answerCall(lab: Lab, channel: unknown, payload: unknown): Promise<Reply<unknown>> {
  return replyTo(() => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      throw new ApiError('not_found', `unknown API channel "${String(channel)}"`);
    }
    return dispatch(lab, channel, payload);
  });
}
