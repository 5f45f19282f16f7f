// The API's one implementation: validates each request at the boundary, then calls its handler.
// Every transport (in-process, Electron IPC, HTTP) goes through `dispatch`.
import { isChannel, type Channel, type Res } from '../../shared/api/contract.ts';
import { asStorageError } from '../db/index.ts';
import { ApiError } from './errors.ts';
import type { Handlers } from './handler.ts';
import type { Lab } from './lab.ts';
import { describeIssues, REQUEST_SCHEMAS } from './schemas.ts';
import { appHandlers } from './handlers/app.ts';
import { compareHandlers } from './handlers/compare.ts';
import { exportHandlers } from './handlers/export.ts';
import { machineHandlers } from './handlers/machine.ts';
import { runHandlers } from './handlers/run.ts';
import { runStartHandlers } from './handlers/run-start.ts';
import { runImportHandlers } from './handlers/run-import.ts';
import { scenarioHandlers } from './handlers/scenario.ts';
import { partHandlers } from './handlers/part.ts';
import { traceHandlers } from './handlers/trace.ts';
import { tuneHandlers } from './handlers/tune.ts';

const HANDLERS: Handlers<Channel> = {
  ...appHandlers,
  ...machineHandlers,
  ...scenarioHandlers,
  ...partHandlers,
  ...runHandlers,
  ...runStartHandlers,
  ...runImportHandlers,
  ...compareHandlers,
  ...exportHandlers,
  ...traceHandlers,
  ...tuneHandlers,
};

export async function dispatch(lab: Lab, channel: string, payload: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new ApiError('not_found', `unknown API channel "${channel}"`);
  const parsed = REQUEST_SCHEMAS[channel].safeParse(payload ?? {});
  if (!parsed.success) throw new ApiError('invalid', `${channel}: ${describeIssues(parsed.error)}`);
  const handler = HANDLERS[channel] as (lab: Lab, req: unknown) => Res<Channel> | Promise<Res<Channel>>;
  try {
    return await handler(lab, parsed.data);
  } catch (e) {
    // A write the database's place refuses (read-only, full) is said naming the file, in every transport.
    throw asStorageError(lab.db, e);
  }
}
