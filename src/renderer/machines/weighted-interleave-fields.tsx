// /sys/kernel/mm/mempolicy/weighted_interleave: auto (6.16+: weights from HMAT/CDAT bandwidth) or a
// weight per node, the weights the kernel starts from shown as placeholders (auto's, or 1 on a
// kernel without auto, 6.12). MPOL_WEIGHTED_INTERLEAVE uses them.
import { For, Show } from 'solid-js';
import { KERNEL_VERSIONS } from '../../shared/scenario/kernels.ts';
import { getPreset, resolveKernel } from '../../shared/scenario/presets.ts';
import { hasInterleaveAuto } from '../../shared/scenario/resolve.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CheckField } from '../ui/choice-fields.tsx';
import { QuantityField } from '../ui/quantity-field.tsx';
import { autoWeightsOf, draftInterleave, setAuto, setWeight } from './interleave-edits.ts';

const int = (t: string) => (/^\s*\d+\s*$/.test(t) ? Number(t) : null);

export function WeightedInterleaveFields() {
  const { draft, setDraft } = useScenarioDraft();
  const wi = () => draftInterleave(draft.machine);
  const kernel = () => {
    const preset = getPreset(draft.policy.preset);
    return preset
      ? resolveKernel(
          preset,
          KERNEL_VERSIONS.find((k) => k === draft.policy.kernel),
        )
      : null;
  };
  const autoExists = () => hasInterleaveAuto(kernel());
  const auto = () => autoExists() && wi()?.auto !== false && wi()?.weights === undefined;
  const placeholder = (n: number) => String(!auto() ? 1 : (autoWeightsOf(draft.machine.nodes)[n] ?? 1));
  // Cleared first: the store merges an object into the one there, and a weight removed must go.
  const set = (next: ReturnType<typeof setAuto>) => {
    setDraft('machine', 'weightedInterleave', undefined);
    if (next) setDraft('machine', 'weightedInterleave', next);
  };
  return (
    <section class="panel" data-path="machine.weightedInterleave">
      <header class="panel-header">
        <h2>Weighted interleave</h2>
        <span class="muted small">
          weighted_interleave/nodeN weights for MPOL_WEIGHTED_INTERLEAVE (6.9+); auto derives them from
          bandwidth (6.16+), a weight typed turns auto off
        </span>
      </header>
      <div class="field-grid">
        <Show
          when={autoExists()}
          fallback={
            <p class="small muted" data-testid="interleave-no-auto">
              Linux {kernel() ?? ''} has no weighted_interleave/auto (v6.16): every weight starts at 1.
            </p>
          }
        >
          <CheckField
            label="auto"
            path="machine.weightedInterleave.auto"
            checked={auto()}
            onChange={(on) => set(setAuto(on, wi()))}
            title="On: weights from min(read, write) HMAT bandwidth, reduced as mm/mempolicy.c does. Off without weights: 1 each (6.9-6.15)"
            testid="interleave-auto"
          />
        </Show>
        <For each={draft.machine.nodes}>
          {(_, n) => (
            <QuantityField
              label={`node${n()} weight`}
              path={`machine.weightedInterleave.weights["${n()}"]`}
              value={wi()?.weights?.[String(n())]}
              onCommit={(v) => set(setWeight(wi(), n(), v))}
              placeholder={placeholder(n())}
              parse={int}
              expect="a whole weight from 1 to 255"
              testid={`interleave-weight-${n()}`}
            />
          )}
        </For>
      </div>
    </section>
  );
}
