// Every knob by its kernel name: the value in effect (explicit, else the preset's, else the kernel's
// default on the draft's kernel version), its unit, where the kernel keeps it and what it does.
import { For, Show } from 'solid-js';
import { KNOBS, getPreset, presetKnobs, type KnobName } from '../../shared/scenario/index.ts';
import { kernelDefaultText } from '../../shared/scenario/kernel-knob-defaults.ts';
import { KERNEL_VERSIONS } from '../../shared/scenario/kernels.ts';
import { resolveKernel } from '../../shared/scenario/presets.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { FieldError } from '../ui/field-error.tsx';
import { KnobInput, knobText as shown } from './knob-input.tsx';

const NAMES = Object.keys(KNOBS) as KnobName[];

/** Section titles for the mechanism each knob belongs to, in the order they are shown. */
const GROUP_TITLES: Record<string, string> = {
  reclaim: 'Reclaim and watermarks',
  swap: 'Swap and swap readahead',
  thp: 'Transparent huge pages',
  demotion: 'Demotion',
  numa_balancing: 'NUMA balancing and promotion',
  tpp: 'TPP',
  'memory-optimizer': 'memory-optimizer daemon (user space)',
  damon: 'DAMON',
  hybridtier: 'HybridTier runtime (user space)',
  colloid: 'Colloid (latency balancing)',
  nomad: 'NOMAD (non-exclusive tiering)',
  memtis: 'MEMTIS (ksampled, kmigrated)',
};

const groupOf = (name: KnobName) => (KNOBS[name] as { group?: string }).group ?? 'other';

/** Knob names grouped by mechanism, known groups first, each group in table order. */
export function knobGroups(): { group: string; names: KnobName[] }[] {
  const order = [...Object.keys(GROUP_TITLES), 'other'];
  const groups = [...new Set(NAMES.map(groupOf))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return groups.map((group) => ({ group, names: NAMES.filter((n) => groupOf(n) === group) }));
}

export function KnobTable() {
  const { draft, setDraft } = useScenarioDraft();
  const inherited = () => {
    const preset = getPreset(draft.policy.preset);
    if (!preset) return undefined;
    const kernel = KERNEL_VERSIONS.find((k) => k === draft.policy.kernel);
    return presetKnobs(preset, resolveKernel(preset, kernel));
  };
  const explicit = (name: string) => draft.policy.knobs[name] !== undefined;
  return (
    <table class="data-table knob-table" data-testid="knob-table">
      <thead>
        <tr>
          <th>knob</th>
          <th>value</th>
          <th class="num">kernel default</th>
          <th>unit</th>
          <th>what it does · where the kernel keeps it</th>
        </tr>
      </thead>
      <For each={knobGroups()}>
        {(g) => (
          <tbody data-testid={`knob-group-${g.group}`}>
            <tr class="group-row">
              <th colSpan={5}>{GROUP_TITLES[g.group] ?? g.group}</th>
            </tr>
            <For each={g.names}>
              {(name) => (
                <tr class={explicit(name) ? 'explicit' : ''} data-testid={`knob-row-${name}`}>
                  <td>
                    <code>{name}</code>
                  </td>
                  <td class="knob-value">
                    <KnobInput
                      name={name}
                      spec={KNOBS[name]}
                      inherited={inherited()?.[name] ?? KNOBS[name].default}
                    />
                    <Show when={explicit(name)}>
                      <button
                        type="button"
                        class="link small"
                        title="Back to the preset's value"
                        onClick={() => setDraft('policy', 'knobs', name, undefined)}
                      >
                        reset
                      </button>
                    </Show>
                    <FieldError path={`policy.knobs.${name}`} />
                  </td>
                  <td class="num">{kernelDefaultText(name) ?? shown(KNOBS[name].default)}</td>
                  <td class="muted">{KNOBS[name].unit}</td>
                  <td>
                    {KNOBS[name].help}
                    <div>
                      <code class="muted small">{KNOBS[name].path}</code>
                    </div>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        )}
      </For>
    </table>
  );
}
