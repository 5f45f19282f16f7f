// tune:start, tune:wait, tune:cancel and tune:list — the tuner (src/main/tune) behind the API, for the
// CLI and the Tune panel.
import { listTunes } from '../../db/index.ts';
import { cancelTune, startTune, waitTune } from '../../tune/tune-service.ts';
import type { Handlers } from '../handler.ts';

export const tuneHandlers: Handlers<'tune:start' | 'tune:wait' | 'tune:cancel' | 'tune:list'> = {
  'tune:start': (lab, req) => ({ tuneId: startTune(lab, req) }),
  'tune:wait': (lab, { tuneId, timeoutMs }) => waitTune(lab, tuneId, timeoutMs),
  'tune:cancel': async (lab, { tuneId }) => ({ cancelled: await cancelTune(lab, tuneId) }),
  'tune:list': (lab, { limit }) => listTunes(lab.db, limit),
};
