// The in-process transport: the CLI and tests call the API directly, with the same validation.
import type { ApiClient, ApiEvents, Channel, EventName, Req, Res } from '../../shared/api/contract.ts';
import { dispatch } from './create-api.ts';
import type { Lab } from './lab.ts';

export function inProcessClient(lab: Lab): ApiClient {
  return {
    call: async <C extends Channel>(channel: C, req: Req<C>) => (await dispatch(lab, channel, req)) as Res<C>,
    on: <E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) =>
      lab.events.subscribe((name, payload) => {
        if (name === event) listener(payload as ApiEvents[E]);
      }),
  };
}
