// The machine as the kernel sees it after boot: public surface of src/engine/machine.
export type { MachineLayout, MemoryTierInfo, NodeDemotion, OnlineMemory } from './types.ts';
export { deriveLayout, deriveMachine } from './layout.ts';
export {
  MEMTIER_ADISTANCE_DRAM,
  MEMTIER_CHUNK_BITS,
  MEMTIER_CHUNK_SIZE,
  MEMTIER_DEFAULT_DAX_ADISTANCE,
  accessCoordinate,
  computeAdistances,
  defaultDramPerf,
  memtierId,
  mtPerfToAdistance,
  nodeAdistance,
  type AccessCoordinate,
} from './adistance.ts';
export {
  buildMemoryTiers,
  demoteOrders,
  demotionTargetsLog,
  establishDemotionTargets,
  nodeIsToptier,
  tierIndexOf,
  topTierAdistance,
} from './memory-tiers.ts';
export { NUMA_NO_NODE, nodeDistance, nodeStates, type NodeStates } from './node-states.ts';
export { formatNodelist } from './nodelist.ts';
export {
  MIN_FREE_KBYTES_LOWER,
  MIN_FREE_KBYTES_UPPER,
  calculateMinFreeKbytes,
  intSqrt,
  managedPages,
  pageShift,
  recalculateMinFreeKbytes,
  setupPerZoneWmarks,
} from './watermarks.ts';
export {
  PENALTY_FOR_NODE_WITH_CPUS,
  buildZonelists,
  fallbackOrderLog,
  findNextBestNode,
  isNodePmem,
} from './zonelist.ts';
