// What the kernel derives from the machine being edited (`machine:derive`), asked again a moment
// after each edit; an answer for an older machine is dropped.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { DerivedMachine, Validation } from '../../shared/api/types.ts';
import { useApi } from '../api/api-context.tsx';
import { describeError } from '../api/api-error.ts';
import { createDebounced } from '../primitives/create-debounced.ts';

const DELAY_MS = 250;

export interface DeriveState {
  result: Accessor<Validation<DerivedMachine> | null>;
  /** The machine the result is for (the editor may already be ahead of it). */
  machine: Accessor<unknown>;
  pending: Accessor<boolean>;
  /** A transport failure in words (not a validation problem). */
  failure: Accessor<string | null>;
}

export function createDerive(input: Accessor<{ machine: unknown; policy: unknown }>): DeriveState {
  const { client } = useApi();
  const [result, setResult] = createSignal<Validation<DerivedMachine> | null>(null);
  const [machine, setMachine] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(true);
  const [failure, setFailure] = createSignal<string | null>(null);
  const text = () => JSON.stringify(input());
  const settled = createDebounced(text, DELAY_MS);
  let latest = 0;
  createEffect(on(text, () => setPending(true), { defer: true }));
  createEffect(
    on(settled, (json) => {
      const ticket = ++latest;
      const req = JSON.parse(json) as { machine: unknown; policy: unknown };
      client.call('machine:derive', req).then(
        (res) => {
          if (ticket !== latest) return;
          setResult(res);
          setMachine(req.machine);
          setFailure(null);
          setPending(false);
        },
        (e: unknown) => {
          if (ticket !== latest) return;
          setFailure(describeError(e));
          setPending(false);
        },
      );
    }),
  );
  return { result, machine, pending, failure };
}
