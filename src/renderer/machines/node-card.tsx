// One NUMA node: its memory kind, capacity, CPUs and performance, defaults shown as placeholders.
import { Show } from 'solid-js';
import { MEMORY_KINDS, type MemoryKind } from '../../shared/scenario/index.ts';
import { parseSize } from '../../shared/units.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CheckField, SelectField } from '../ui/choice-fields.tsx';
import { QuantityField, SizeField } from '../ui/quantity-field.tsx';
import { changeKind } from './machine-edits.ts';
import { PerfTable } from './perf-table.tsx';
import { LatencyCurveTable } from './latency-curve-table.tsx';
import { HotplugFields } from './hotplug-fields.tsx';
import { FieldError } from '../ui/field-error.tsx';

const KIND_LABEL: Record<MemoryKind, string> = { dram: 'DRAM', pmem: 'PMEM', cxl: 'CXL', hbm: 'HBM' };
const int = (t: string) => (/^\s*\d+\s*$/.test(t) ? Number(t) : null);

export function NodeCard(props: { index: number; onRemove: () => void; canRemove: boolean }) {
  const { draft, setDraft } = useScenarioDraft();
  const node = () => draft.machine.nodes[props.index]!;
  const kind = () => node().memory as MemoryKind;
  const path = (field: string) => `machine.nodes[${props.index}].${field}`;
  const id = (field: string) => `node-${props.index}-${field}`;
  const set = (field: string) => (v: unknown) => setDraft('machine', 'nodes', props.index, field, v);
  const pageSize = () => parseSize(draft.machine.pageSize ?? 4096) ?? 4096;
  return (
    <section
      class={`node-card kind-${kind()}`}
      data-testid={`node-card-${props.index}`}
      data-path={`machine.nodes[${props.index}]`}
      tabIndex={-1}
    >
      <header>
        <h3>
          node{props.index} <span class="kind-badge">{KIND_LABEL[kind()] ?? kind()}</span>
          <Show when={node().cpus === 0}>
            <span class="muted" title="A node without CPUs only holds memory: a migrate target">
              CPU-less
            </span>
          </Show>
        </h3>
        <button
          type="button"
          class="icon-button"
          data-testid={id('remove')}
          disabled={!props.canRemove}
          title="Remove this node (later nodes move down one id)"
          onClick={() => props.onRemove()}
        >
          Remove
        </button>
      </header>
      <div class="field-grid">
        <SelectField
          label="Memory"
          path={path('memory')}
          value={kind()}
          options={MEMORY_KINDS}
          labelOf={(k) => KIND_LABEL[k]}
          onChange={(k) => k && setDraft('machine', 'nodes', props.index, (n) => changeKind(n, k))}
          testid={id('memory')}
        />
        <SizeField
          label="Capacity"
          path={path('capacity')}
          value={node().capacity}
          onCommit={set('capacity')}
          placeholder="e.g. 384MiB"
          pageSize={pageSize()}
          testid={id('capacity')}
        />
        <QuantityField
          label="CPUs"
          path={path('cpus')}
          value={node().cpus}
          onCommit={set('cpus')}
          parse={int}
          expect="a whole number of CPUs (0 for a memory-only node)"
          testid={id('cpus')}
        />
        <QuantityField
          label="adistance"
          path={path('adistance')}
          value={node().adistance}
          onCommit={set('adistance')}
          placeholder="computed"
          parse={int}
          expect="a whole abstract distance (DRAM is 576)"
          title="Abstract distance override; empty: computed from performance as mm/memory-tiers.c does"
          testid={id('adistance')}
        />
        <Show when={kind() !== 'dram'}>
          <CheckField
            label="HMAT"
            path={path('hmat')}
            checked={node().hmat !== false}
            onChange={(on) => set('hmat')(on ? undefined : false)}
            title="Firmware reports this node's performance; without it dax/kmem gives adistance 2880"
            testid={id('hmat')}
          />
        </Show>
        <Show when={node().cpus === 0}>
          <HotplugFields index={props.index} />
        </Show>
      </div>
      <PerfTable index={props.index} />
      <LatencyCurveTable index={props.index} />
      <FieldError path={`machine.nodes[${props.index}]`} />
    </section>
  );
}
