// Abstract distance (adistance) per node, as mm/memory-tiers.c, drivers/dax/kmem.c and the
// HMAT algorithm (mt_perf_to_adistance) assign it. Smaller is faster; a tier spans 128 of it.
import type { ResolvedMachine, ResolvedNode } from '../../shared/scenario/resolved.ts';
import type { NodeStates } from './node-states.ts';
import type { KernelVersion } from '../../shared/scenario/kernels.ts';

export const MEMTIER_CHUNK_BITS = 7;
export const MEMTIER_CHUNK_SIZE = 1 << MEMTIER_CHUNK_BITS;
/** 4 * 128 + 64: DRAM sits mid-chunk so slightly faster devices still share memory_tier4. */
export const MEMTIER_ADISTANCE_DRAM = 4 * MEMTIER_CHUNK_SIZE + (MEMTIER_CHUNK_SIZE >> 1);
/** dax/kmem's default when firmware reports no performance: memory_tier22. */
export const MEMTIER_DEFAULT_DAX_ADISTANCE = MEMTIER_ADISTANCE_DRAM * 5;

/** struct access_coordinate: unsigned ints, latency in ns and bandwidth in MB/s. */
export interface AccessCoordinate {
  readLatency: number;
  writeLatency: number;
  readBandwidth: number;
  writeBandwidth: number;
}

/** What firmware would report for a node: our float ns and GB/s rounded to the kernel's units. */
export function accessCoordinate(node: ResolvedNode): AccessCoordinate {
  return {
    readLatency: Math.round(node.readLatencyNs),
    writeLatency: Math.round(node.writeLatencyNs),
    readBandwidth: Math.round(node.readBandwidthGBps * 1000),
    writeBandwidth: Math.round(node.writeBandwidthGBps * 1000),
  };
}

const latencySum = (p: AccessCoordinate): number => (p.readLatency + p.writeLatency) >>> 0;
const bandwidthSum = (p: AccessCoordinate): number => (p.readBandwidth + p.writeBandwidth) >>> 0;

/** Differs by more than 10% (integer test, as mt_set_default_dram_perf() does it). */
const mismatches = (value: number, ref: number): boolean => Math.abs(value - ref) * 10 > ref;

/**
 * The reference DRAM performance, as HMAT registers it with mt_set_default_dram_perf(): the first
 * node with both CPUs and memory sets it; every later such node must be within 10% on all four
 * numbers, or the kernel disables the perf-based algorithm altogether (null here).
 */
export function defaultDramPerf(machine: ResolvedMachine, states: NodeStates): AccessCoordinate | null {
  let ref: AccessCoordinate | null = null;
  for (const [nid, node] of machine.nodes.entries()) {
    if (!states.memory[nid] || !states.cpu[nid]) continue;
    const perf = accessCoordinate(node);
    // -EINVAL: HMAT stops registering at the first error, keeping whatever was set before.
    if (latencySum(perf) === 0 || bandwidthSum(perf) === 0) return ref;
    if (ref === null) {
      ref = perf;
      continue;
    }
    if (
      mismatches(perf.readLatency, ref.readLatency) ||
      mismatches(perf.writeLatency, ref.writeLatency) ||
      mismatches(perf.readBandwidth, ref.readBandwidth) ||
      mismatches(perf.writeBandwidth, ref.writeBandwidth)
    ) {
      return null;
    }
  }
  return ref;
}

/**
 * mt_perf_to_adistance(): adistance in proportion to latency and in inverse proportion to bandwidth,
 * relative to the reference DRAM. Evaluated left to right in the C's unsigned int (32-bit)
 * arithmetic, truncating at each division and wrapping on overflow, then stored in an int.
 * Null where the kernel returns an error (no reference, or zero latency/bandwidth sums).
 */
export function mtPerfToAdistance(perf: AccessCoordinate, dram: AccessCoordinate | null): number | null {
  if (latencySum(perf) === 0 || bandwidthSum(perf) === 0 || dram === null) return null;
  let adist = Math.imul(MEMTIER_ADISTANCE_DRAM, latencySum(perf)) >>> 0;
  adist = Math.floor(adist / latencySum(dram));
  adist = Math.imul(adist, bandwidthSum(dram)) >>> 0;
  adist = Math.floor(adist / bandwidthSum(perf));
  return adist | 0;
}

/**
 * One node's adistance: an explicit override wins; boot DRAM joins default_dram_type (576);
 * other memory is onlined by dax/kmem, which asks the HMAT algorithm when firmware reports the
 * node's performance and otherwise keeps MEMTIER_DEFAULT_DAX_ADISTANCE. `perfBased` false is a
 * kernel before the algorithm (v6.7): dax/kmem always uses the default.
 */
export function nodeAdistance(node: ResolvedNode, dram: AccessCoordinate | null, perfBased = true): number {
  if (node.adistance !== null) return node.adistance;
  if (node.memory === 'dram') return MEMTIER_ADISTANCE_DRAM;
  if (!node.hmat || !perfBased) return MEMTIER_DEFAULT_DAX_ADISTANCE;
  return mtPerfToAdistance(accessCoordinate(node), dram) ?? MEMTIER_DEFAULT_DAX_ADISTANCE;
}

/**
 * Every node's adistance on `kernel`. 6.1's dax/kmem registers one memory type at
 * MEMTIER_DEFAULT_DAX_ADISTANCE for every node it onlines (kmem_dax_probe -> init_node_memory_type
 * with dax_slowmem_type); "memory tiering: calculate abstract distance based on ACPI HMAT" (v6.7)
 * added mt_calc_adistance and the HMAT algorithm. So on 6.1 a CXL and a PMEM node share
 * memory_tier22 and an HBM node sits below DRAM; on 6.12 each gets a tier from its performance.
 * Null (a research preset's own kernel) is computed as the newer, as before versions existed.
 */
export function computeAdistances(
  machine: ResolvedMachine,
  states: NodeStates,
  kernel: KernelVersion | null = null,
): number[] {
  const dram = defaultDramPerf(machine, states);
  const perfBased = kernel !== '6.1';
  return machine.nodes.map((node) => nodeAdistance(node, dram, perfBased));
}

/** memory_tierN id: adistance >> MEMTIER_CHUNK_BITS. */
export const memtierId = (adistance: number): number => adistance >> MEMTIER_CHUNK_BITS;
