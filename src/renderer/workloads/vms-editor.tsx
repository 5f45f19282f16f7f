// A multi-tenant workload's VMs, one row each: its hot set (size, distribution) and its share of the
// host (load, DRAM share) and its memory cgroup. Empty cells take the default shown in grey.
import { For, Index } from 'solid-js';
import { isRecord } from '../scenario/draft.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { FieldError, useHasError } from '../ui/field-error.tsx';

type Vm = Record<string, unknown>;

const COLUMNS: { key: string; label: string; placeholder: string; kind: 'text' | 'number' | 'size' }[] = [
  { key: 'name', label: 'name', placeholder: 'vmN', kind: 'text' },
  { key: 'size', label: 'size', placeholder: 'required', kind: 'size' },
  { key: 'load', label: 'load', placeholder: '1', kind: 'number' },
  { key: 'dramShare', label: 'DRAM share', placeholder: 'none', kind: 'number' },
  { key: 'distribution', label: 'distribution', placeholder: 'zipf', kind: 'text' },
  { key: 'hotFraction', label: 'hot fraction', placeholder: '0.2', kind: 'number' },
  { key: 'hotProbability', label: 'hot prob.', placeholder: '0.8', kind: 'number' },
  { key: 'zipfS', label: 'zipf s', placeholder: '0.99', kind: 'number' },
  { key: 'readRatio', label: 'read ratio', placeholder: '0.8', kind: 'number' },
  // The VM's own memory cgroup by name (its settings on the workload card of an entry that gives them).
  { key: 'cgroup', label: 'cgroup', placeholder: "entry's", kind: 'text' },
];

/** A VM's cgroup cell shows the name; a new name keeps settings the file gave (none clears them). */
function cgroupName(value: unknown): unknown {
  return isRecord(value) ? value.name : value;
}
function renamedCgroup(old: unknown, name: unknown): unknown {
  return isRecord(old) && name !== undefined ? { ...old, name } : name;
}

function toValue(kind: string, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (kind === 'number') return Number.isFinite(Number(t)) ? Number(t) : t;
  if (kind === 'size') return /^\d+$/.test(t) ? Number(t) : t;
  return t;
}

function Cell(props: {
  index: number;
  vm: number;
  column: (typeof COLUMNS)[number];
  value: unknown;
  onCommit: (v: unknown) => void;
}) {
  const path = () => `workload[${props.index}].vms[${props.vm}].${props.column.key}`;
  const invalid = useHasError(path);
  return (
    <CommitInput
      value={props.value}
      toValue={(t) => toValue(props.column.kind, t)}
      display={displayValue}
      onCommit={(v) => props.onCommit(v)}
      placeholder={props.column.placeholder}
      aria-label={`VM ${props.vm} ${props.column.label}`}
      aria-invalid={invalid()}
      data-path={path()}
      data-testid={`workload-${props.index}-vm-${props.vm}-${props.column.key}`}
    />
  );
}

export function VmsEditor(props: { index: number }) {
  const { draft, setDraft } = useScenarioDraft();
  const vms = (): Vm[] => {
    const v = draft.workload[props.index]?.vms;
    return Array.isArray(v) ? v.filter(isRecord) : [];
  };
  const write = (next: Vm[]) => setDraft('workload', props.index, 'vms', next);
  const update = (i: number, key: string, v: unknown) =>
    write(vms().map((vm, j) => (j === i ? { ...vm, [key]: v } : vm)));
  const paths = (i: number) => COLUMNS.map((c) => `workload[${props.index}].vms[${i}].${c.key}`);
  return (
    <div class="phases">
      <div class="phases-head">
        <span class="field-label">VMs: each a hot-set process named workload/vm</span>
        <button
          type="button"
          class="icon-button"
          data-testid={`workload-${props.index}-add-vm`}
          onClick={() => write([...vms(), { name: `vm${vms().length}`, size: '256MiB' }])}
        >
          + VM
        </button>
      </div>
      <table class="vm-table">
        <thead>
          <tr>
            <For each={COLUMNS}>{(c) => <th>{c.label}</th>}</For>
            <th />
          </tr>
        </thead>
        <tbody>
          <Index each={vms()}>
            {(vm, i) => (
              <>
                <tr>
                  <For each={COLUMNS}>
                    {(c) => (
                      <td>
                        <Cell
                          index={props.index}
                          vm={i}
                          column={c}
                          value={c.key === 'cgroup' ? cgroupName(vm().cgroup) : vm()[c.key]}
                          onCommit={(v) =>
                            update(i, c.key, c.key === 'cgroup' ? renamedCgroup(vm().cgroup, v) : v)
                          }
                        />
                      </td>
                    )}
                  </For>
                  <td>
                    <button
                      type="button"
                      class="icon-button"
                      onClick={() => write(vms().filter((_, j) => j !== i))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
                <tr class="vm-errors">
                  <td colSpan={COLUMNS.length + 1}>
                    <FieldError path={`workload[${props.index}].vms[${i}]`} />
                    <For each={paths(i)}>{(p) => <FieldError path={p} />}</For>
                  </td>
                </tr>
              </>
            )}
          </Index>
        </tbody>
      </table>
      <FieldError path={`workload[${props.index}].vms`} />
    </div>
  );
}
