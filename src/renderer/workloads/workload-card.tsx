// One workload entry: its type, the fields every task has, its mempolicy and the type's own fields.
import { For, Show } from 'solid-js';
import { WORKLOAD_TYPES } from '../../shared/scenario/index.ts';
import type { DraftWorkload } from '../scenario/draft.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { MempolicyFields } from './mempolicy-fields.tsx';
import { PhasesEditor } from './phases-editor.tsx';
import { VmsEditor } from './vms-editor.tsx';
import { CgroupFields } from './cgroup-fields.tsx';
import { SpecField } from './spec-field.tsx';
import { FieldError } from '../ui/field-error.tsx';
import { commonFieldsFor, hasMempolicy, TYPE_FIELDS, TYPE_INFO } from './workload-fields.ts';

const COMMON_KEYS = new Set([
  'name',
  'type',
  'cpu',
  'startMs',
  'stopMs',
  'threads',
  'mempolicy',
  'load',
  'dramShare',
  'cgroup',
]);

/** The same task as another type: the common fields it takes stay, the old type's own fields go. */
function retype(w: DraftWorkload, type: string): DraftWorkload {
  const keys = new Set(commonFieldsFor(type).map((f) => f.key));
  if (hasMempolicy(type)) keys.add('mempolicy');
  if (type !== 'stream') keys.add('cgroup'); // an antagonist charges no memory
  const kept = Object.fromEntries(
    Object.entries(w).filter(([k]) => COMMON_KEYS.has(k) && (k === 'type' || keys.has(k))),
  );
  return { ...kept, name: w.name, type };
}

export interface WorkloadCardProps {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onDuplicate: () => void;
  onRemove: () => void;
}

export function WorkloadCard(props: WorkloadCardProps) {
  const { draft, setDraft } = useScenarioDraft();
  const w = () => draft.workload[props.index]!;
  const type = () => w().type;
  const id = (s: string) => `workload-${props.index}-${s}`;
  return (
    <section
      class="workload-card"
      data-testid={`workload-card-${props.index}`}
      data-path={`workload[${props.index}]`}
      tabIndex={-1}
    >
      <header>
        <h3>
          <span class="workload-index">#{props.index}</span> {w().name || 'unnamed'}
        </h3>
        <select
          value={w().type}
          data-testid={id('type')}
          data-path={`workload[${props.index}].type`}
          aria-label="workload type"
          onChange={(e) => setDraft('workload', props.index, retype(w(), e.currentTarget.value))}
        >
          <For each={WORKLOAD_TYPES}>{(t) => <option value={t}>{t}</option>}</For>
        </select>
        <span class="muted small grow">{TYPE_INFO[type()] ?? ''}</span>
        <button
          type="button"
          class="icon-button"
          disabled={props.index === 0}
          title="Move up"
          onClick={() => props.onMove(props.index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="icon-button"
          disabled={props.index === props.count - 1}
          title="Move down"
          onClick={() => props.onMove(props.index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="icon-button"
          data-testid={id('duplicate')}
          onClick={() => props.onDuplicate()}
        >
          Duplicate
        </button>
        <button type="button" class="icon-button" data-testid={id('remove')} onClick={() => props.onRemove()}>
          Remove
        </button>
      </header>
      <div class="field-grid">
        <For each={commonFieldsFor(type())}>{(spec) => <SpecField index={props.index} spec={spec} />}</For>
        <Show when={hasMempolicy(type())}>
          <MempolicyFields index={props.index} />
        </Show>
      </div>
      <div class="field-grid type-fields">
        <For each={TYPE_FIELDS[type()] ?? []}>{(spec) => <SpecField index={props.index} spec={spec} />}</For>
      </div>
      <Show when={type() !== 'stream'}>
        <CgroupFields index={props.index} />
      </Show>
      <FieldError path={`workload[${props.index}]`} />
      <Show when={type() === 'multi-tenant'}>
        <VmsEditor index={props.index} />
      </Show>
      <Show when={type() === 'hotset'}>
        <PhasesEditor index={props.index} />
      </Show>
    </section>
  );
}
