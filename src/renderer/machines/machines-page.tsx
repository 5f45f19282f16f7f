// Machines: build a topology from node cards and a distance matrix, start from a preset, and watch
// what the kernel derives from it as you type.
import { For } from 'solid-js';
import { reconcile, unwrap } from 'solid-js/store';
import { MEMORY_KINDS } from '../../shared/scenario/index.ts';
import { parseSize } from '../../shared/units.ts';
import { SavedParts } from '../parts/saved-parts.tsx';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import type { DraftMachine } from '../scenario/draft.ts';
import { useToast } from '../toast/toast-context.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { SizeField } from '../ui/quantity-field.tsx';
import { createDerive } from './create-derive.ts';
import { DerivedView } from './derived-view.tsx';
import { KernelField } from '../kernels/kernel-field.tsx';
import { DistanceMatrix } from './distance-matrix.tsx';
import { addNode, removeNode } from './machine-edits.ts';
import { MACHINE_PRESETS, type MachinePreset } from './machine-presets.ts';
import { NodeCard } from './node-card.tsx';
import { SwapFields } from './swap-fields.tsx';
import { MemoryPriceFields } from './memory-price-fields.tsx';
import { WeightedInterleaveFields } from './weighted-interleave-fields.tsx';

export function MachinesPage() {
  const { draft, setDraft } = useScenarioDraft();
  const toast = useToast();
  const derive = createDerive(() => ({ machine: draft.machine, policy: draft.policy }));
  const replaceMachine = (m: DraftMachine) => setDraft('machine', reconcile(m));
  const snapshot = () => structuredClone(unwrap(draft.machine));
  const applyPreset = (p: MachinePreset) => {
    const before = snapshot();
    replaceMachine(p.machine());
    toast.show({
      message: `Machine set to “${p.title}”.`,
      action: { label: 'Undo', run: () => replaceMachine(before) },
      timeoutMs: 8000,
    });
  };
  const remove = (index: number) => {
    const before = snapshot();
    replaceMachine(removeNode(before, index));
    toast.show({
      message: `Removed node ${index}; later nodes moved down one id.`,
      action: { label: 'Undo', run: () => replaceMachine(before) },
      timeoutMs: 8000,
    });
  };
  const pageSize = () => parseSize(draft.machine.pageSize ?? 4096) ?? 4096;
  return (
    <div class="page two-column" data-testid="page-machines">
      <div class="column-main">
        <header class="page-header">
          <h1>Machine</h1>
          <p class="muted">
            Nodes 0..n-1 as the firmware lists them. Sizes are binary, as the kernel reads “1G”: K/KiB, M/MiB,
            G/GiB (“384MiB”, “1.5G”); kB/MB/GB are refused, since SI means 1000 and /proc/meminfo's kB 1024.
            Latencies in ns, bandwidths GB/s; empty fields use the memory kind's defaults shown in grey.
          </p>
        </header>
        <section class="panel">
          <header class="panel-header">
            <h2>Start from a preset</h2>
          </header>
          <div class="preset-row">
            <For each={MACHINE_PRESETS}>
              {(p) => (
                <button
                  type="button"
                  class="preset-button"
                  data-testid={`preset-${p.id}`}
                  title={p.summary}
                  onClick={() => applyPreset(p)}
                >
                  <strong>{p.title}</strong>
                  <span class="muted small">{p.summary}</span>
                </button>
              )}
            </For>
          </div>
        </section>
        <ErrorSummary prefixes={['machine']} title="The machine is not valid" />
        <div class="node-grid">
          <For each={draft.machine.nodes}>
            {(_, i) => (
              <NodeCard index={i()} canRemove={draft.machine.nodes.length > 1} onRemove={() => remove(i())} />
            )}
          </For>
        </div>
        <div class="button-row">
          <For each={MEMORY_KINDS}>
            {(kind) => (
              <button
                type="button"
                data-testid={`add-node-${kind}`}
                onClick={() => replaceMachine(addNode(snapshot(), kind))}
              >
                + {kind.toUpperCase()} node
              </button>
            )}
          </For>
        </div>
        <DistanceMatrix />
        <section class="panel">
          <header class="panel-header">
            <h2>Page size and swap</h2>
          </header>
          <div class="field-grid">
            <SizeField
              label="Page size"
              path="machine.pageSize"
              value={draft.machine.pageSize}
              placeholder="4KiB"
              onCommit={(v) => setDraft('machine', 'pageSize', v as string)}
              testid="machine-page-size"
            />
            <SwapFields />
          </div>
        </section>
        <WeightedInterleaveFields />
        <MemoryPriceFields />
        <SavedParts kind="machine" current={snapshot} apply={(doc) => replaceMachine(doc as DraftMachine)} />
      </div>
      <aside class="column-side">
        <section class="panel">
          <header class="panel-header">
            <h2>Kernel</h2>
          </header>
          <p class="small muted">The memory tiers below are what this kernel derives.</p>
          <KernelField />
        </section>
        <DerivedView derive={derive} pageSize={pageSize()} />
      </aside>
    </div>
  );
}
