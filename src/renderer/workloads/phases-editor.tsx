// A hotset's phases: at each time the hot set moves to a new position (the workload's phase change).
import { For, Show } from 'solid-js';
import { isRecord } from '../scenario/draft.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { FieldError } from '../ui/field-error.tsx';
import { TIME_MS, parseQuantity } from '../units/quantity.ts';

type Phase = Record<string, unknown>;

export function PhasesEditor(props: { index: number }) {
  const { draft, setDraft } = useScenarioDraft();
  const phases = (): Phase[] => {
    const p = draft.workload[props.index]?.phases;
    return Array.isArray(p) ? p.filter(isRecord) : [];
  };
  const write = (next: Phase[]) =>
    setDraft('workload', props.index, 'phases', next.length ? next : undefined);
  const update = (i: number, field: string, v: unknown) =>
    write(phases().map((p, j) => (j === i ? { ...p, [field]: v } : p)));
  const path = (i: number, f: string) => `workload[${props.index}].phases[${i}].${f}`;
  return (
    <div class="phases">
      <div class="phases-head">
        <span class="field-label">Phases: the hot set moves at each time</span>
        <button
          type="button"
          class="icon-button"
          data-testid={`workload-${props.index}-add-phase`}
          onClick={() => write([...phases(), { atMs: 10000, hotPosition: 'tail' }])}
        >
          + phase
        </button>
      </div>
      <Show when={phases().length > 0}>
        <table class="phase-table">
          <tbody>
            <For each={phases()}>
              {(phase, i) => (
                <tr>
                  <td>at</td>
                  <td>
                    <CommitInput
                      value={phase.atMs}
                      toValue={(t) => parseQuantity(t, TIME_MS) ?? t}
                      display={displayValue}
                      onCommit={(v) => update(i(), 'atMs', v)}
                      aria-label="phase time in ms"
                      data-path={path(i(), 'atMs')}
                    />
                  </td>
                  <td class="field-unit">ms, hot set to</td>
                  <td>
                    <CommitInput
                      value={phase.hotPosition}
                      toValue={(t) => (/^\d+$/.test(t.trim()) ? Number(t) : t.trim())}
                      display={displayValue}
                      onCommit={(v) => update(i(), 'hotPosition', v)}
                      aria-label="hot position: head, tail or an offset"
                      data-path={path(i(), 'hotPosition')}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="icon-button"
                      onClick={() => write(phases().filter((_, j) => j !== i()))}
                    >
                      Remove
                    </button>
                  </td>
                  <td>
                    <FieldError path={path(i(), 'atMs')} />
                    <FieldError path={path(i(), 'hotPosition')} />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
