// The simulated kernel's state: memory, derived topology, knobs, counters and the per-node daemons.
// Every mm function takes it as its first argument.
import type { ResolvedMachine } from '../../shared/scenario/resolved.ts';
import type { Knobs } from '../../shared/scenario/knobs.ts';
import type { KernelVersion } from '../../shared/scenario/kernels.ts';
import type { PresetMechanisms } from '../../shared/scenario/presets.ts';
import type { RunEvent } from '../../shared/result.ts';
import { NR_COUNTERS } from '../../shared/vmstat.ts';
import type { MachineLayout } from '../machine/types.ts';
import type { Rng } from '../random/rng.ts';
import { type MemState, pageToNid } from './mem-state.ts';
import { findVma, type Vmas } from './vma.ts';
import type { NumabState } from './numa-balancing-state.ts';
import type { MmLayout } from './numa-balancing.ts';
import type { Mover } from '../movers/types.ts';
import type { NomadShadows } from './nomad-shadow.ts';
import type { NomadTpm } from './nomad-tpm.ts';
import type { AccessSampler } from './access-sampler.ts';
import { NOT_MAPPED, pageMoved, type ReferenceModel } from './reference-model.ts';
import { heatBucket, type AccessHeat } from './access-heat.ts';
import type { FleetSample } from './fleet-sample.ts';
import type { KernelMemory } from './kmem.ts';
import type { CompactControl } from './compaction.ts';
import type { KcompactdState } from './kcompactd.ts';
import type { CompactDefer } from './compaction-defer.ts';
import type { SwapState } from './swap-state.ts';
import type { MemcgState } from './memcg-state.ts';
import type { ColloidState } from './colloid.ts';

export interface KswapdState {
  /** Woken and not yet balanced. */
  awake: boolean;
  /** Simulated time (ns) this kswapd has used up to. */
  clockNs: number;
  /** Current reclaim priority of balance_pgdat (DEF_PRIORITY down to 1). */
  priority: number;
  /** Pages reclaimed in the current balance_pgdat run. */
  reclaimedThisRun: number;
  /** Consecutive balance_pgdat runs that reclaimed nothing (pgdat->kswapd_failures). */
  failures: number;
  /** When it last went to sleep, to count premature wake-ups. */
  sleptAtNs: number;
  /** balance_pgdat's nr_boost_reclaim: boost pages still to reclaim beyond the marks; 0 when not boosting. */
  nrBoostReclaim: number;
  /** The zone's boost when this run started (zone_boosts[]): taken off the boost when it ends. */
  zoneBoost: number;
  /** pgdat->kswapd_order: the largest order a waker asked for (a THP promotion: 9); 0 after sleep. */
  order: number;
  /** The order this run was woken for (kswapd()'s alloc_order): `order` drops to 0 mid-run, this does not. */
  allocOrder: number;
  /**
   * 6.1's sc->memcgs_need_aging (MGLRU): false (balance_pgdat's zeroed scan_control) until
   * lru_gen_age_node() sets it; an eviction pass that found enough cold folios clears it again.
   */
  memcgsNeedAging: boolean;
}

/** Hands the OOM killer the tasks it may choose from; implemented by the simulation. */
export interface OomHost {
  /**
   * Kills the task with the largest footprint (among memcg's workloads when given: the memcg OOM
   * killer); returns false if there is none to kill.
   */
  killLargest(k: Kernel, reason: string, memcg?: number): boolean;
}

export interface Kernel {
  m: MemState;
  vmas: Vmas;
  /** Per workload (mm): its anonymous regions, as the NUMA-balancing scanner walks them. */
  mms: MmLayout[];
  numab: NumabState;
  machine: ResolvedMachine;
  layout: MachineLayout;
  knobs: Knobs;
  mechanisms: PresetMechanisms;
  /** The modelled kernel version (null: a research preset's own), for its counters and behaviour. */
  kernel: KernelVersion | null;
  /** Counters per node: stats[node * NR_COUNTERS + STAT.name]. */
  stats: Float64Array;
  rng: Rng;
  /** Simulated time of whatever is running now, in ns. */
  nowNs: number;
  kswapd: KswapdState[];
  kcompactd: KcompactdState[];
  /** Per node (one zone each): compaction deferral, shared by kcompactd and direct compaction. */
  compactDefer: CompactDefer[];
  /** Per node: direct compaction's scanner positions, kept between runs (compact_cached_*_pfn). */
  compactCached: CompactControl[];
  swap: SwapState | null;
  /** Unloaded read/write latency per node: [node * 2 + isWrite], ns. */
  baseLatency: Float64Array;
  /** Current loaded latency, set at the end of each tick from its traffic (updateLatency). */
  latency: Float64Array;
  /** Bytes read/written per node this tick: [node * 2 + isWrite]. */
  traffic: Float64Array;
  pageSize: number;
  /** Time to charge to whoever is running (a task's fault or stall), added by mm functions. */
  chargedNs: number;
  /** Pages migrated, by [(reason * nrNodes + from) * nrNodes + to] (see migrate.ts MR). */
  migrated: Float64Array;
  /** Pages moved back across tiers within PING_PONG_WINDOW_MS of their last move. */
  pingPong: { promotedThenDemoted: number; demotedThenPromoted: number };
  /** Pages resident per workload and node: [group * nrNodes + node]. */
  resident: Float64Array;
  /** Per workload, by address bucket: references and resident pages, for the access heatmap. */
  heat: AccessHeat;
  /** Sampled pages' last access times, for the fleet metrics (working set, idle time). */
  fleet: FleetSample;
  /** Placement agents outside reclaim (a migration daemon, DAMON), run each round after kswapd. */
  movers: Mover[];
  /** Page-table and slab pages that user work causes. */
  kmem: KernelMemory;
  /** Per node (one zone each): zone->watermark_boost, pages added to every watermark. */
  watermarkBoost: Float64Array;
  /** Per node: ZONE_BOOSTED_WATERMARK, set by a boosting fallback; the next rmqueue wakes kswapd. */
  zoneBoostedWatermark: Uint8Array;
  /** Yang Shi v3: per node, 1 while demotion to it failed for lack of memory and it is not yet balanced. */
  demotionContended: Uint8Array;
  /** [n]: the one-node zonelist for __GFP_THISNODE allocations on n. */
  thisNode: number[][];
  /** [node * nrNodes + target]: target's zonelist restricted to node's lower tiers (demotion fallback). */
  demoteOrder: number[][];
  oom: OomHost;
  /** Memory cgroups: limits, memory.stat and memory.events (memcg-state.ts); memcg 0 is the root. */
  memcg: MemcgState;
  events: RunEvent[];
  /** Per VMA (region index): 1 where a fault may map a THP (transparent_hugepage, MADV_HUGEPAGE). */
  thpAllowed: Uint8Array;
  /** Per VMA: 1 if madvised MADV_HUGEPAGE (VM_HUGEPAGE: the workload's thp), which defrag reads. */
  thpMadvised: Uint8Array;
  /** Colloid's measurement and quantum (preset colloid); null otherwise. */
  colloid: ColloidState | null;
  /** PEBS-like sampling of references for a mover that asked for it (MEMTIS); null otherwise. */
  sampler: AccessSampler | null;
  /** The rate engine's reference model; null in the exact engine, which plays every reference. */
  refs: ReferenceModel | null;
  /** The current round of turns (sim/simulation.ts): tasks run until endNs; see cutRound. */
  round: { startNs: number; endNs: number };
  /** NOMAD's shadow links (nomad-shadow.ts): the `nomad` preset with nomad_shadow_enabled, else null. */
  nomad: NomadShadows | null;
  /** NOMAD's transactional promotion worker (nomad-tpm.ts), also in `movers`; null without it. */
  nomadTpm: NomadTpm | null;
}

/** Length of one fine round of turns, the exact engine's always. */
export const FINE_ROUND_NS = 100_000;

/**
 * Ends the current round at the first fine-round boundary after atNs. A kswapd woken inside one
 * of the rate engine's long quiet rounds then starts when it would have in fine rounds, instead of
 * letting the tasks allocate on to the round's end (verify:engines caught direct reclaim taking
 * over kswapd's share when the rounds ran on). A wake-up exactly on a boundary belongs to the fine
 * round that starts there, so that round still runs to its end.
 */
export function cutRound(k: Kernel, atNs: number): void {
  const r = k.round;
  if (atNs < r.startNs || atNs >= r.endNs) return;
  const fine = Math.floor((atNs - r.startNs) / FINE_ROUND_NS) + 1;
  r.endNs = Math.min(r.endNs, r.startNs + fine * FINE_ROUND_NS);
}

export function count(k: Kernel, node: number, stat: number, n = 1): void {
  k.stats[node * NR_COUNTERS + stat]! += n;
}

export function newKswapd(): KswapdState {
  return {
    awake: false,
    clockNs: 0,
    priority: 12,
    reclaimedThisRun: 0,
    memcgsNeedAging: false,
    failures: 0,
    sleptAtNs: -1,
    nrBoostReclaim: 0,
    zoneBoost: 0,
    order: 0,
    allocOrder: 0,
  };
}

/** The workload (mm) a virtual page belongs to. */
export function groupOf(k: Kernel, vpage: number): number {
  return k.vmas.group[findVma(k.vmas, vpage)]!;
}

/** Keeps per-workload residency, in total and by address bucket: `delta` pages of vpage's workload on `node`. */
export function accountResident(k: Kernel, vpage: number, node: number, delta: number): void {
  const g = groupOf(k, vpage);
  k.resident[g * k.m.nrNodes + node]! += delta;
  k.heat.resident[heatBucket(k.heat, g, vpage) * k.m.nrNodes + node]! += delta;
}

/** Points vpage's PTE at pfn and accounts the newly mapped page (residency, the reference model). */
export function mapPage(k: Kernel, vpage: number, pfn: number): void {
  const node = pageToNid(k.m, pfn);
  k.m.pte[vpage] = pfn + 1;
  accountResident(k, vpage, node, 1);
  pageMoved(k, vpage, NOT_MAPPED, node);
}
