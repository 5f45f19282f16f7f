// Live validation of a scenario document through `scenario:validate`, debounced while the user types.
// Each answer is kept with the document it was for: an older answer never replaces a newer one, and
// until the next arrives, errors of fields edited since are hidden (fresh-errors.ts).
import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js';
import type { ScenarioError } from '../../shared/scenario/index.ts';
import { useApi } from '../api/api-context.tsx';
import { createDebounced } from '../primitives/create-debounced.ts';
import { freshErrors } from './fresh-errors.ts';

const DELAY_MS = 350;

export interface ValidationState {
  /** Errors of the newest answer that still describe the document (empty when valid); null before any. */
  errors: Accessor<ScenarioError[] | null>;
  /** The document on screen has not been checked yet (false while the server cannot be reached). */
  pending: Accessor<boolean>;
  /** Shows errors the server gave another way (a refused save) as the answer for this document. */
  override(errors: ScenarioError[]): void;
}

interface Answer {
  json: string;
  errors: ScenarioError[];
}

export function createValidation(document: Accessor<unknown>): ValidationState {
  const { client } = useApi();
  const json = createMemo(() => JSON.stringify(document()));
  const [answer, setAnswer] = createSignal<Answer | null>(null);
  // The document whose check failed to reach the server: not "checking" forever.
  const [unreachable, setUnreachable] = createSignal<string | null>(null);
  const settled = createDebounced(json, DELAY_MS);
  let latest = 0;
  createEffect(
    on(settled, (text) => {
      const ticket = ++latest;
      client
        .call('scenario:validate', { document: JSON.parse(text) as unknown })
        .then((res) => {
          if (ticket === latest) setAnswer({ json: text, errors: res.ok ? [] : res.errors });
        })
        .catch(() => {
          // The connection indicator says why; the last answer stays.
          if (ticket === latest) setUnreachable(text);
        });
    }),
  );
  const errors = createMemo(() => {
    const a = answer();
    if (!a) return null;
    return a.json === json() ? a.errors : freshErrors(a.errors, JSON.parse(a.json), document());
  });
  return {
    errors,
    pending: () => answer()?.json !== json() && unreachable() !== json(),
    override: (errors) => setAnswer({ json: json(), errors }),
  };
}
