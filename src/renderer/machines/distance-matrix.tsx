// The SLIT distance matrix: the kernel's default (10 local, 20 remote) or explicit values per pair.
import { createSignal, For, Index, Show } from 'solid-js';
import { LOCAL_DISTANCE } from '../../shared/scenario/index.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { FieldError, useHasError } from '../ui/field-error.tsx';
import { defaultMatrix, setDistance } from './machine-edits.ts';

const toValue = (t: string) => (t.trim() === '' ? '' : /^\s*\d+\s*$/.test(t) ? Number(t) : t);

function Cell(props: { i: number; j: number; symmetric: boolean }) {
  const { draft, setDraft } = useScenarioDraft();
  const path = () => `machine.distances[${props.i}][${props.j}]`;
  const invalid = useHasError(path);
  return (
    <CommitInput
      class="distance-input"
      value={draft.machine.distances?.[props.i]?.[props.j]}
      toValue={toValue}
      display={displayValue}
      onCommit={(v) => {
        const { i, j, symmetric } = props;
        setDraft('machine', 'distances', (m) => setDistance(m ?? [], i, j, v as number | string, symmetric));
      }}
      aria-label={`distance from node ${props.i} to node ${props.j}`}
      aria-invalid={invalid()}
      data-path={path()}
      data-testid={`distance-${props.i}-${props.j}`}
      inputMode="numeric"
    />
  );
}

export function DistanceMatrix() {
  const { draft, setDraft, errors } = useScenarioDraft();
  const [symmetric, setSymmetric] = createSignal(true);
  const n = () => draft.machine.nodes.length;
  const explicit = () => draft.machine.distances !== undefined;
  const ids = () => Array.from({ length: n() }, (_, i) => i);
  const matrixErrors = () => errors().filter((e) => e.path.startsWith('machine.distances'));
  return (
    <section class="panel" data-testid="distance-matrix">
      <header class="panel-header">
        <h2>Node distances (SLIT)</h2>
        <label class="inline-check">
          <input
            type="checkbox"
            checked={explicit()}
            data-testid="distances-explicit"
            onChange={(e) =>
              setDraft('machine', 'distances', e.currentTarget.checked ? defaultMatrix(n()) : undefined)
            }
          />
          explicit
        </label>
        <Show when={explicit()}>
          <label class="inline-check">
            <input
              type="checkbox"
              checked={symmetric()}
              onChange={(e) => setSymmetric(e.currentTarget.checked)}
            />
            symmetric
          </label>
        </Show>
      </header>
      <Show
        when={explicit()}
        fallback={
          <p class="muted">
            No SLIT: every node is {LOCAL_DISTANCE} from itself and 20 from the others, as the kernel assumes
            without firmware tables. Tick “explicit” to enter a matrix as <code>numactl -H</code> prints it.
          </p>
        }
      >
        <table class="matrix">
          <thead>
            <tr>
              <th>node</th>
              <For each={ids()}>{(j) => <th>{j}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <Index each={ids()}>
              {(i) => (
                <tr>
                  <th>{i()}:</th>
                  <Index each={ids()}>
                    {(j) => (
                      <td>
                        <Show when={i() !== j()} fallback={<span class="diagonal">{LOCAL_DISTANCE}</span>}>
                          <Cell i={i()} j={j()} symmetric={symmetric()} />
                        </Show>
                      </td>
                    )}
                  </Index>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
        <For each={matrixErrors()}>
          {(e) => <FieldError local={`${e.path}: ${e.message}`} path={e.path} />}
        </For>
      </Show>
    </section>
  );
}
