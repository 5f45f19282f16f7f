// An API call as reactive state: re-run when its source changes, its failure kept as words instead of
// thrown (a Solid resource rethrows its error wherever it is read).
import { createResource, createSignal, type Accessor } from 'solid-js';
import { describeError } from '../api/api-error.ts';

export interface CallState<T> {
  /** The newest answer; kept while a new one loads, undefined after a failure. */
  value: Accessor<T | undefined>;
  error: Accessor<string | null>;
  loading: Accessor<boolean>;
  refetch(): void;
}

export function createCall<S, T>(
  source: Accessor<S | undefined | null | false>,
  call: (input: S) => Promise<T>,
): CallState<T> {
  const [error, setError] = createSignal<string | null>(null);
  const [result, { refetch }] = createResource(source, async (input: S): Promise<T | undefined> => {
    try {
      const value = await call(input);
      setError(null);
      return value;
    } catch (e) {
      setError(describeError(e));
      return undefined;
    }
  });
  return { value: () => result.latest, error, loading: () => result.loading, refetch: () => void refetch() };
}
