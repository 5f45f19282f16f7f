// Each node's multi-gen LRU generations over time, as /sys/kernel/debug/lru_gen lists them: the
// pages of generation max_seq - i (i = 0 the youngest) stacked, anon in the node's colour getting
// lighter with age, file dashed above it. Shown only for runs with lru_gen_enabled.
import { createEffect, Show } from 'solid-js';
import { nodeColour, tint } from '../charts/chart-theme.ts';
import type { RunViewModel } from './run-context.ts';
import { NodeStackedCharts, type StackBand } from './node-stacked-charts.tsx';

const SLOTS = [0, 1, 2, 3];
const slotName = (i: number) => (i === 0 ? 'max_seq' : `max_seq-${i}`);
/** Youngest first, anon then file, each a stacked band. */
const STACK: StackBand[] = [
  ...SLOTS.map((i) => ({
    counter: `lru_gen_anon_${i}`,
    label: `anon ${slotName(i)}`,
    colour: (node: number) => tint(nodeColour(node), i * 0.18),
  })),
  ...SLOTS.map((i) => ({
    counter: `lru_gen_file_${i}`,
    label: `file ${slotName(i)}`,
    colour: (node: number) => tint(nodeColour(node), 0.3 + i * 0.15),
    dashed: true,
  })),
];
export const GENERATION_COUNTERS = STACK.map((s) => s.counter);

export function NodeGenerationCharts(props: { model: RunViewModel }) {
  const data = () => {
    props.model.samples.version();
    return props.model.samples.data;
  };
  // max_seq starts at 3 (lru_gen_init_lruvec), so any sample of an MGLRU run has it above 0.
  const enabled = () => (data().counters.lru_gen_max_seq ?? []).some((v) => v > 0);
  createEffect(() => {
    if (enabled()) props.model.samples.needNodeCounters(GENERATION_COUNTERS);
  });
  return (
    <Show when={enabled()}>
      <section class="panel">
        <header class="panel-header">
          <h2>Generations per node (MGLRU)</h2>
          <span class="muted small">
            lru_gen_anon_i and lru_gen_file_i (derived: /sys/kernel/debug/lru_gen), generation max_seq - i of
            each node, stacked youngest first
          </span>
        </header>
        <NodeStackedCharts model={props.model} bands={STACK} testid="node-generations" />
      </section>
    </Show>
  );
}
