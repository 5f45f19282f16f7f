// tune:start and tune:wait — the tuner (src/main/tune) behind the API, for the CLI and the Tune panel.
import { startTune, waitTune } from '../../tune/tune-service.ts';
import type { Handlers } from '../handler.ts';

export const tuneHandlers: Handlers<'tune:start' | 'tune:wait'> = {
  'tune:start': (lab, req) => ({ tuneId: startTune(lab, req) }),
  'tune:wait': (lab, { tuneId, timeoutMs }) => waitTune(lab, tuneId, timeoutMs),
};
