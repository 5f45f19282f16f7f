// The machine's weighted-interleave table in the editor: the auto weights the nodes as typed would
// get (mm/mempolicy.c reduce_interleave_weights), and edits that keep `auto` and weights coherent.
import { MEMORY_KIND_DEFAULTS, type MemoryKind } from '../../shared/scenario/index.ts';
import { reduceInterleaveWeights } from '../../shared/scenario/interleave-weights.ts';
import type { DraftMachine, DraftNode } from '../scenario/draft.ts';

export interface DraftInterleave {
  auto?: boolean;
  weights?: Record<string, unknown>;
}

const positive = (v: unknown): number | undefined => (typeof v === 'number' && v > 0 ? v : undefined);

/** min(read, write) MB/s of a node HMAT reports (kind figures where the typed ones are not numbers), else 0. */
function bandwidthOf(node: DraftNode): number {
  const kind = MEMORY_KIND_DEFAULTS[node.memory as MemoryKind];
  if (!kind || node.hmat === false) return 0;
  const read = positive(node.readBandwidthGBps) ?? kind.readBandwidthGBps;
  const write = positive(node.writeBandwidthGBps) ?? kind.writeBandwidthGBps;
  return Math.round(Math.min(read, write) * 1000);
}

/** The weights auto mode derives for the machine as drafted. */
export function autoWeightsOf(nodes: readonly DraftNode[]): number[] {
  return reduceInterleaveWeights(nodes.map(bandwidthOf));
}

export function draftInterleave(m: DraftMachine): DraftInterleave | undefined {
  const wi = m.weightedInterleave;
  return typeof wi === 'object' && wi !== null ? wi : undefined;
}

/** Auto on: the derived weights, nothing of the file's own (auto with weights is refused). */
export function setAuto(on: boolean, current: DraftInterleave | undefined): DraftInterleave | undefined {
  return on ? undefined : { auto: false, weights: current?.weights };
}

/** Postcondition: node `node` has `value` (or no weight of its own when undefined); auto is off. */
export function setWeight(
  current: DraftInterleave | undefined,
  node: number,
  value: unknown,
): DraftInterleave | undefined {
  const weights = { ...(current?.weights ?? {}) };
  if (value === undefined) delete weights[String(node)];
  else weights[String(node)] = value;
  const none = Object.keys(weights).length === 0;
  if (none && current?.auto !== false) return undefined;
  return { ...(current?.auto === false && { auto: false }), ...(!none && { weights }) };
}

/**
 * The weights a weighted_interleave policy gets on the machine as drafted, e.g. "node0 26, node1 5
 * (auto)": the file's own where it has them, else auto's or 1 (auto off).
 */
export function interleaveWeightsText(m: DraftMachine): string {
  const wi = draftInterleave(m);
  const auto = wi?.auto !== false && wi?.weights === undefined;
  const derived = wi?.auto === false ? m.nodes.map(() => 1) : autoWeightsOf(m.nodes);
  const shown = m.nodes.map((_, n) => {
    const own = wi?.weights?.[String(n)];
    return `node${n} ${typeof own === 'number' ? own : (derived[n] ?? 1)}`;
  });
  return `${shown.join(', ')}${auto ? ' (auto)' : ''}`;
}
