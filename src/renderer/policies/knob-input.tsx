// The input for one knob, by its kind: a choice for booleans and enums, a number otherwise. Empty
// means "as the preset leaves it", shown as the placeholder.
import { For, Show } from 'solid-js';
import type { KnobSpec } from '../../shared/scenario/index.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { useHasError } from '../ui/field-error.tsx';

/** A knob value as text: "computed" for the kernel-computed default (null). */
export function knobText(v: unknown): string {
  if (v === null || v === undefined) return 'computed';
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string'
    ? String(v)
    : JSON.stringify(v);
}

const NUMA_BALANCING_LABELS = ['0 off', '1 NUMA balancing', '2 memory tiering', '3 both'];

export function KnobInput(props: { name: string; spec: KnobSpec; inherited: unknown }) {
  const { draft, setDraft } = useScenarioDraft();
  const value = () => draft.policy.knobs[props.name];
  const set = (v: unknown) =>
    setDraft('policy', 'knobs', props.name, v as number | boolean | string | undefined);
  const path = () => `policy.knobs.${props.name}`;
  const invalid = useHasError(path);
  const inheritedText = () => knobText(props.inherited);
  const choices = (): { value: string; label: string }[] =>
    props.spec.kind === 'bool'
      ? [
          { value: 'true', label: 'true' },
          { value: 'false', label: 'false' },
        ]
      : props.spec.kind === 'choice'
        ? (props.spec.choices ?? []).map((w) => ({ value: w, label: w }))
        : (props.spec.values ?? []).map((v) => ({
            value: String(v),
            label: props.name === 'numa_balancing' ? (NUMA_BALANCING_LABELS[v] ?? String(v)) : String(v),
          }));
  return (
    <Show
      when={props.spec.kind === 'int'}
      fallback={
        <select
          value={value() === undefined ? '' : String(value())}
          data-testid={`knob-${props.name}`}
          data-path={path()}
          aria-invalid={invalid()}
          onChange={(e) => {
            const t = e.currentTarget.value;
            const kind = props.spec.kind;
            set(t === '' ? undefined : kind === 'bool' ? t === 'true' : kind === 'choice' ? t : Number(t));
          }}
        >
          <option value="">preset: {inheritedText()}</option>
          <For each={choices()}>{(c) => <option value={c.value}>{c.label}</option>}</For>
        </select>
      }
    >
      <CommitInput
        value={value()}
        toValue={(t) => (t.trim() === '' ? undefined : /^\s*-?\d+\s*$/.test(t) ? Number(t) : t)}
        display={displayValue}
        onCommit={set}
        placeholder={inheritedText()}
        data-testid={`knob-${props.name}`}
        data-path={path()}
        aria-invalid={invalid()}
        inputMode="numeric"
      />
    </Show>
  );
}
