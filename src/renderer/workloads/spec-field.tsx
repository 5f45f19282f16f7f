// One workload field drawn from its spec: the right input for its kind, the default as placeholder.
import { Match, Switch } from 'solid-js';
import { readSize } from '../../shared/units.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { CheckField, SelectField } from '../ui/choice-fields.tsx';
import { Field } from '../ui/field.tsx';
import { QuantityField, SizeField } from '../ui/quantity-field.tsx';
import { TIME_MS, parseQuantity } from '../units/quantity.ts';
import type { WorkloadField } from './workload-fields.ts';

const PARSERS: Record<string, { parse: (t: string) => number | null; expect: string }> = {
  int: { parse: (t) => (/^\s*\d+\s*$/.test(t) ? Number(t) : null), expect: 'a whole number' },
  node: { parse: (t) => (/^\s*\d+\s*$/.test(t) ? Number(t) : null), expect: 'a node id such as 0' },
  number: { parse: (t) => parseQuantity(t, {}), expect: 'a number such as 0.8' },
  ms: { parse: (t) => parseQuantity(t, TIME_MS), expect: 'a time such as 3000, 3s or 500ms' },
};

const positionValue = (t: string) => {
  const s = t.trim();
  if (s === '') return undefined;
  return /^\d+$/.test(s) ? Number(s) : s;
};

export function SpecField(props: { index: number; spec: WorkloadField }) {
  const { draft, setDraft } = useScenarioDraft();
  const value = () => draft.workload[props.index]?.[props.spec.key];
  const set = (v: unknown) => setDraft('workload', props.index, props.spec.key, v);
  const path = () => `workload[${props.index}].${props.spec.key}`;
  const testid = () => `workload-${props.index}-${props.spec.key}`;
  const common = () => ({
    label: props.spec.label,
    unit: props.spec.unit,
    path: path(),
    title: props.spec.help,
  });
  const positionError = () => {
    const v = value();
    if (typeof v !== 'string' || v === 'head' || v === 'tail') return null;
    const r = readSize(v);
    if (r.ok) return null;
    return r.ambiguous ? r.reason : `expected head, tail or an offset such as "64MiB" (got "${v}")`;
  };
  return (
    <Switch>
      <Match when={props.spec.kind === 'text'}>
        <Field {...common()}>
          <CommitInput
            value={value()}
            toValue={(t) => t}
            display={displayValue}
            onCommit={set}
            data-testid={testid()}
            data-path={path()}
          />
        </Field>
      </Match>
      <Match when={props.spec.kind === 'size'}>
        <SizeField
          {...common()}
          value={value()}
          onCommit={set}
          placeholder={props.spec.placeholder ?? 'required'}
          testid={testid()}
        />
      </Match>
      <Match when={props.spec.kind === 'bool'}>
        <CheckField
          {...common()}
          checked={(value() ?? props.spec.default) === true}
          onChange={(on) => set(on === props.spec.default ? undefined : on)}
          testid={testid()}
        />
      </Match>
      <Match when={props.spec.kind === 'enum'}>
        <SelectField
          {...common()}
          value={value() as string | undefined}
          options={props.spec.options ?? []}
          emptyLabel={`${String(props.spec.default)} (default)`}
          onChange={set}
          testid={testid()}
        />
      </Match>
      <Match when={props.spec.kind === 'position'}>
        <Field {...common()} local={positionError()}>
          <CommitInput
            value={value()}
            toValue={positionValue}
            display={displayValue}
            onCommit={set}
            placeholder={props.spec.placeholder}
            data-testid={testid()}
            data-path={path()}
          />
        </Field>
      </Match>
      <Match when={PARSERS[props.spec.kind]}>
        {(p) => (
          <QuantityField
            {...common()}
            value={value()}
            onCommit={set}
            parse={p().parse}
            expect={p().expect}
            placeholder={props.spec.placeholder}
            testid={testid()}
          />
        )}
      </Match>
    </Switch>
  );
}
