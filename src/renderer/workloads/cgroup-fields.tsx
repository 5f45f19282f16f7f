// A workload's memory cgroup: its name (shared by every entry that gives it), memory.max/high/low/min
// and timed writes to memory.reclaim. An empty name leaves the workload in the root cgroup. A cgroup
// another entry sets up is named here alone; its settings are edited on that entry.
import { For, Show } from 'solid-js';
import { isRecord } from '../scenario/draft.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { Field } from '../ui/field.tsx';
import { FieldError } from '../ui/field-error.tsx';
import { TIME_MS, parseQuantity } from '../units/quantity.ts';

type Settings = Record<string, unknown>;

/** A size as typed: a whole number of bytes, or the text ("256MiB", "max") for the parser to judge. */
const sizeValue = (t: string) => {
  const s = t.trim();
  if (s === '') return undefined;
  return /^\d+$/.test(s) ? Number(s) : s;
};

const LIMITS = [
  {
    key: 'max',
    help: 'memory.max: over it the task reclaims its cgroup, then the cgroup OOM-kills',
    placeholder: 'max',
  },
  {
    key: 'high',
    help: 'memory.high: over it the task reclaims and is throttled on return to user',
    placeholder: 'max',
  },
  {
    key: 'low',
    help: 'memory.low: global reclaim passes over the cgroup while it is under this',
    placeholder: '0',
  },
  { key: 'min', help: 'memory.min: global reclaim never takes the cgroup under this', placeholder: '0' },
] as const;

export function CgroupFields(props: { index: number }) {
  const { draft, setDraft } = useScenarioDraft();
  const field = () => draft.workload[props.index]?.cgroup;
  const settings = (): Settings => {
    const c = field();
    if (typeof c === 'string') return { name: c };
    return isRecord(c) ? c : {};
  };
  const path = (f: string) => `workload[${props.index}].cgroup${f ? `.${f}` : ''}`;
  const testid = (f: string) => `workload-${props.index}-cgroup-${f}`;
  /** Writes the settings back: none without a name, the bare name when nothing else is set. */
  const write = (next: Settings) => {
    const rest = Object.entries(next).filter(([k, v]) => k !== 'name' && v !== undefined);
    const name = typeof next.name === 'string' ? next.name : '';
    setDraft('workload', props.index, 'cgroup', name === '' ? undefined : rest.length ? next : name);
  };
  const set = (key: string, v: unknown) => write({ ...settings(), [key]: v });
  const reclaims = (): Settings[] => {
    const r = settings().reclaim;
    return Array.isArray(r) ? r.filter(isRecord) : [];
  };
  const writeReclaims = (next: Settings[]) => set('reclaim', next.length ? next : undefined);
  const updateReclaim = (i: number, key: string, v: unknown) =>
    writeReclaims(reclaims().map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const named = () => typeof settings().name === 'string' && settings().name !== '';
  return (
    <fieldset class="cgroup-fields" data-testid={`workload-${props.index}-cgroup`}>
      <legend>Memory cgroup</legend>
      <div class="field-grid">
        <Field
          label="cgroup"
          path={path('')}
          title="The cgroup v2 memory cgroup it is charged to; empty: the root"
        >
          <CommitInput
            value={settings().name}
            toValue={(t) => t.trim() || undefined}
            display={displayValue}
            onCommit={(v) => set('name', v)}
            placeholder="root (no limits)"
            data-testid={testid('name')}
            data-path={path('name')}
          />
        </Field>
        <Show when={named()}>
          <For each={LIMITS}>
            {(l) => (
              <Field label={`memory.${l.key}`} path={path(l.key)} title={`${l.help} (a size such as 256MiB)`}>
                <CommitInput
                  value={settings()[l.key]}
                  toValue={sizeValue}
                  display={displayValue}
                  onCommit={(v) => set(l.key, v)}
                  placeholder={l.placeholder}
                  data-testid={testid(l.key)}
                  data-path={path(l.key)}
                />
              </Field>
            )}
          </For>
        </Show>
      </div>
      <Show when={named()}>
        <div class="phases-head">
          <span class="field-label">memory.reclaim: proactive reclaim at each time</span>
          <button
            type="button"
            class="icon-button"
            data-testid={testid('add-reclaim')}
            onClick={() => writeReclaims([...reclaims(), { atMs: 1000, size: '64MiB' }])}
          >
            + memory.reclaim
          </button>
        </div>
        <Show when={reclaims().length > 0}>
          <table class="phase-table">
            <tbody>
              <For each={reclaims()}>
                {(r, i) => (
                  <tr>
                    <td>at</td>
                    <td>
                      <CommitInput
                        value={r.atMs}
                        toValue={(t) => parseQuantity(t, TIME_MS) ?? t}
                        display={displayValue}
                        onCommit={(v) => updateReclaim(i(), 'atMs', v)}
                        aria-label="memory.reclaim time in ms"
                        data-path={path(`reclaim[${i()}].atMs`)}
                      />
                    </td>
                    <td class="field-unit">ms, reclaim</td>
                    <td>
                      <CommitInput
                        value={r.size}
                        toValue={sizeValue}
                        display={displayValue}
                        onCommit={(v) => updateReclaim(i(), 'size', v)}
                        aria-label="bytes to reclaim, such as 64MiB"
                        data-path={path(`reclaim[${i()}].size`)}
                      />
                    </td>
                    <td class="field-unit">nodes=</td>
                    <td>
                      <CommitInput
                        value={Array.isArray(r.nodes) ? r.nodes.join(',') : undefined}
                        toValue={(t) =>
                          t.trim() === ''
                            ? undefined
                            : t.split(',').map((n) => (/^\s*\d+\s*$/.test(n) ? Number(n) : n.trim()))
                        }
                        display={displayValue}
                        onCommit={(v) => updateReclaim(i(), 'nodes', v)}
                        placeholder="all"
                        aria-label="nodes= (6.2-rc only): node ids such as 0,1; empty for all"
                        data-path={path(`reclaim[${i()}].nodes`)}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        class="icon-button"
                        onClick={() => writeReclaims(reclaims().filter((_, j) => j !== i()))}
                      >
                        Remove
                      </button>
                    </td>
                    <td>
                      <FieldError path={path(`reclaim[${i()}].atMs`)} />
                      <FieldError path={path(`reclaim[${i()}].size`)} />
                      <FieldError path={path(`reclaim[${i()}].nodes`)} />
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </fieldset>
  );
}
