// What the kernel derives from a machine at boot and hotplug, as Tierlab computes it.
import type { Watermarks } from '../../shared/result.ts';

export interface MemoryTierInfo {
  /** memory_tierN id = adistance >> MEMTIER_CHUNK_BITS. */
  id: number;
  adistanceStart: number;
  /** Node indices in this tier. */
  nodes: number[];
}

export interface NodeDemotion {
  /** node_demotion[n].preferred: nodes of the next lower tier at the minimum distance. */
  preferred: number[];
  /** lower_tier_mask: every node in all lower tiers. */
  fallback: number[];
}

export interface MachineLayout {
  adistance: number[];
  /** memory_tierN id per node; -1 for a memoryless node, which joins no tier. */
  tierOf: number[];
  tiers: MemoryTierInfo[];
  topTier: boolean[];
  demotion: NodeDemotion[];
  /** Per node: the allocation fallback order (node indices), local first (build_zonelists). */
  zonelist: number[][];
  /** vm.min_free_kbytes in effect (KiB): the knob, or the kernel's own estimate when unset. */
  minFreeKbytes: number;
  /** Per node (one ZONE_NORMAL each), in pages. */
  watermarks: Watermarks[];
  managedPages: number[];
  /** Per node: page frames it spans, hot-pluggable memory included (sizes the per-page state). */
  spannedPages: number[];
  /** Per node: its zone is ZONE_MOVABLE (hot-plugged online_movable), where no kernel memory goes. */
  zoneMovable: boolean[];
}

/** The memory a run has online, as memory hot-plug leaves it: what deriveLayout() derives from. */
export interface OnlineMemory {
  managedPages: readonly number[];
  zoneMovable: readonly boolean[];
  minFreeKbytes: number;
}
