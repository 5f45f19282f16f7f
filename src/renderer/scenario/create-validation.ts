// Live validation of a scenario document through `scenario:validate`, debounced while the user types.
// The answer for an older document is dropped, so errors never lag behind what is on screen.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { ScenarioError } from '../../shared/scenario/index.ts';
import { useApi } from '../api/api-context.tsx';
import { createDebounced } from '../primitives/create-debounced.ts';

const DELAY_MS = 350;

export interface ValidationState {
  /** Errors of the newest validated document (empty when valid); null before the first answer. */
  errors: Accessor<ScenarioError[] | null>;
  pending: Accessor<boolean>;
  /** Shows errors the server gave another way (a refused save) until the next validation. */
  override(errors: ScenarioError[]): void;
}

export function createValidation(document: Accessor<unknown>): ValidationState {
  const { client } = useApi();
  const [errors, setErrors] = createSignal<ScenarioError[] | null>(null);
  const [pending, setPending] = createSignal(true);
  const settled = createDebounced(() => JSON.stringify(document()), DELAY_MS);
  let latest = 0;
  createEffect(
    on(
      () => JSON.stringify(document()),
      () => setPending(true),
      { defer: true },
    ),
  );
  createEffect(
    on(settled, (text) => {
      const ticket = ++latest;
      client
        .call('scenario:validate', { document: JSON.parse(text) as unknown })
        .then((res) => {
          if (ticket !== latest) return;
          setErrors(res.ok ? [] : res.errors);
          setPending(false);
        })
        .catch(() => {
          // The server is unreachable: keep the last answer; the connection indicator says why.
          if (ticket === latest) setPending(false);
        });
    }),
  );
  return { errors, pending, override: setErrors };
}
