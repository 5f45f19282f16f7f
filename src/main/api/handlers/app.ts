// app:info — what a client shows in its status bar and about box.
import { ENGINE_VERSION } from '../../../engine/index.ts';
import type { Handlers } from '../handler.ts';

export const appHandlers: Handlers<'app:info'> = {
  'app:info': (lab) => ({ engineVersion: ENGINE_VERSION, dbPath: lab.dbPath, workers: lab.runs.pool.size }),
};
