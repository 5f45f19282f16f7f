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
}
