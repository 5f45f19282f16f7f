// A node's read/write latency and bandwidth as a 2x2 grid, the memory kind's defaults as placeholders.
import { For } from 'solid-js';
import { MEMORY_KIND_DEFAULTS, type MemoryKind } from '../../shared/scenario/index.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { FieldError, useHasError } from '../ui/field-error.tsx';
import { BANDWIDTH_GBPS, LATENCY_NS, parseQuantity } from '../units/quantity.ts';

type PerfField = 'readLatencyNs' | 'writeLatencyNs' | 'readBandwidthGBps' | 'writeBandwidthGBps';

const ROWS = [
  { label: 'Latency', unit: 'ns', units: LATENCY_NS, fields: ['readLatencyNs', 'writeLatencyNs'] },
  {
    label: 'Bandwidth',
    unit: 'GB/s',
    units: BANDWIDTH_GBPS,
    fields: ['readBandwidthGBps', 'writeBandwidthGBps'],
  },
] as const;

const EXPECT: Record<string, string> = {
  ns: 'a latency such as 305, 305ns or 0.3us',
  'GB/s': 'a bandwidth such as 6.6, 6.6GB/s or 6600MB/s',
};

function PerfInput(props: { index: number; field: PerfField; units: Readonly<Record<string, number>> }) {
  const { draft, setDraft } = useScenarioDraft();
  const node = () => draft.machine.nodes[props.index]!;
  const path = () => `machine.nodes[${props.index}].${props.field}`;
  const invalid = useHasError(path);
  const testid = () =>
    `node-${props.index}-${props.field
      .replace(/Ns$|GBps$/, '')
      .replace(/([A-Z])/g, '-$1')
      .toLowerCase()}`;
  return (
    <CommitInput
      value={node()[props.field]}
      toValue={(t) => (t.trim() === '' ? undefined : (parseQuantity(t, props.units) ?? t))}
      display={displayValue}
      onCommit={(v) => setDraft('machine', 'nodes', props.index, props.field, v)}
      placeholder={String(MEMORY_KIND_DEFAULTS[node().memory as MemoryKind]?.[props.field] ?? '')}
      aria-label={`node ${props.index} ${props.field}`}
      aria-invalid={invalid() || typeof node()[props.field] === 'string'}
      data-path={path()}
      data-testid={testid()}
      inputMode="decimal"
      autocomplete="off"
    />
  );
}

export function PerfTable(props: { index: number }) {
  const { draft } = useScenarioDraft();
  const node = () => draft.machine.nodes[props.index]!;
  const local = (field: PerfField, unit: string) => {
    const v = node()[field];
    return typeof v === 'string' && v.trim() ? `${field}: expected ${EXPECT[unit]} (got "${v}")` : null;
  };
  return (
    <table class="perf-table">
      <thead>
        <tr>
          <th />
          <th>read</th>
          <th>write</th>
          <th />
        </tr>
      </thead>
      <tbody>
        <For each={ROWS}>
          {(row) => (
            <tr>
              <th>{row.label}</th>
              <For each={row.fields}>
                {(field) => (
                  <td>
                    <PerfInput index={props.index} field={field} units={row.units} />
                  </td>
                )}
              </For>
              <td class="field-unit">{row.unit}</td>
            </tr>
          )}
        </For>
      </tbody>
      <tfoot>
        <For each={ROWS.flatMap((r) => r.fields.map((f) => [f, r.unit] as const))}>
          {([field, unit]) => (
            <tr>
              <td colSpan={4}>
                <FieldError path={`machine.nodes[${props.index}].${field}`} local={local(field, unit)} />
              </td>
            </tr>
          )}
        </For>
      </tfoot>
    </table>
  );
}
