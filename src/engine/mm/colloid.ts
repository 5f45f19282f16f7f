// Colloid (Vuppalapati & Agarwal, SOSP'24) as its TPP kernel runs it (host-architecture/colloid
// tpp/linux-6.3 with colloid-mon): measure both tiers' loaded latency and move hot pages so the two
// equalise, at most delta p of the accesses per quantum.
//
// Measurement (colloid-mon.c, one sample a tick): per tier, the CHA's TOR occupancy (requests in
// flight) and inserts (arrivals), EWMA-smoothed; Little's law gives latency = occupancy / arrival
// rate. Here a node's occupancy is its loaded read latency times its read arrival rate in the tick
// (mem_read_bytes / 64), so a steady load measures the node's own latency; the antagonist's reads
// count as the CHA counts them. Worked example, EWMA_EXP 1: DRAM at 100 ns for 1e6 lines in a 10 ms
// tick has occupancy 10; from occ 0, ins 0 the first sample gives occ 5, ins 5e5, so 100 ns; a second
// tick at 200 ns and 1e6 lines gives occ (20 + 5) / 2 = 12.5, ins 7.5e5: 12.5 * 10 ms / 7.5e5 = 167 ns.
//
// delta p (the MEMTIS integration's colloid-mon): p is the default tier's share of the smoothed
// inserts. [p_lo, p_hi] brackets the share that balances the latencies: the default tier faster
// raises p_lo to p, slower lowers p_hi to p (each reopened to 1 or 0 when crossed or narrower than
// epsilon); delta p = |(p_lo + p_hi) / 2 - p|, 0 when the latencies are within delta_percent.
import { NUMA_BALANCING_COLLOID, NUMA_BALANCING_MEMORY_TIERING } from '../../shared/scenario/knobs.ts';
import { STAT } from '../../shared/vmstat.ts';
import type { Kernel } from './kernel.ts';
import { count } from './kernel.ts';
import { nextDemotionNode } from './demote.ts';

/** A cache line: the unit the CHA counts requests in. */
const LINE_BYTES = 64;
/** Tier index in the state's pairs: the default tier (DRAM) and the alternate tier (below it). */
const DEFAULT = 0;
const ALTERNATE = 1;

export interface ColloidState {
  /** colloid_nid_of_interest: the default tier's node, the first top-tier node with CPUs. */
  readonly defaultNode: number;
  /** The alternate tier: every node below the top tier (the CHA's "remote" requests). */
  readonly alternate: readonly number[];
  /** MIN_LOCAL_LAT / MIN_REMOTE_LAT: each tier's unloaded read latency, the floor of its measurement. */
  readonly floorNs: Float64Array;
  /** smoothed_occ_local/remote: mean requests in flight, EWMA over samples. */
  readonly occ: Float64Array;
  /** smoothed_inserts_local/remote: read arrivals (cache lines) per sample, EWMA. */
  readonly ins: Float64Array;
  /** smoothed_lat_local/remote, ns. */
  readonly latencyNs: Float64Array;
  /** colloid_local_lat_gt_remote. */
  localGtRemote: boolean;
  /** The default tier's share of the accesses, the bracket of the balancing share, and the step. */
  p: number;
  pLo: number;
  pHi: number;
  deltaP: number;
  /**
   * The current migration quantum: when it ends (ms), its direction (demote while the default tier
   * was the slower at its start), and the share and pages it may still move that way.
   */
  quantumEndMs: number;
  quantumDemotes: boolean;
  budgetShare: number;
  budgetPages: number;
  /** The length of a sample (a tick), ms. */
  readonly tickMs: number;
  /** The estimated access share of the page the last decision approved (consumed once it moves). */
  pendingShare: number;
}

/** Colloid's state for a machine, or null when the preset is not colloid or there is no lower tier. */
export function createColloid(
  k: Pick<Kernel, 'mechanisms' | 'layout' | 'machine'>,
  tickMs: number,
): ColloidState | null {
  if (!k.mechanisms.colloid) return null;
  const nodes = k.machine.nodes;
  const defaultNode = nodes.findIndex((n, i) => k.layout.topTier[i] && n.cpus > 0);
  const alternate = nodes.flatMap((_, i) => (k.layout.topTier[i] ? [] : [i]));
  if (defaultNode < 0 || alternate.length === 0) return null;
  const floorNs = Float64Array.of(
    nodes[defaultNode]!.readLatencyNs,
    Math.min(...alternate.map((i) => nodes[i]!.readLatencyNs)),
  );
  return {
    defaultNode,
    alternate,
    tickMs,
    floorNs,
    occ: new Float64Array(2),
    ins: new Float64Array(2),
    latencyNs: Float64Array.from(floorNs),
    localGtRemote: false,
    p: 0,
    pLo: 0,
    pHi: 1,
    deltaP: 0,
    quantumEndMs: 0,
    quantumDemotes: false,
    budgetShare: 0,
    budgetPages: 0,
    pendingShare: 0,
  };
}

/** Whether Colloid steers migrations now: its kernel, numa_balancing 6, and a lower tier to balance. */
export function colloidActive(k: Kernel): boolean {
  const mode = k.knobs.numa_balancing;
  return (
    k.colloid !== null &&
    (mode & NUMA_BALANCING_COLLOID) !== 0 &&
    (mode & NUMA_BALANCING_MEMORY_TIERING) !== 0
  );
}

/**
 * One colloid-mon sample at the end of a tick of `tickNs`, before the tick's traffic is cleared:
 * read the tiers' occupancy and arrivals, smooth them, and update the latencies, p and delta p. A
 * quantum that is over, or whose direction the latencies (past the dead band) no longer point to,
 * starts the next with delta p's budget.
 */
export function colloidSample(k: Kernel, tickNs: number, nowMs: number): void {
  const c = k.colloid;
  if (c === null || !colloidActive(k)) return;
  const weight = 2 ** k.knobs.colloid_ewma_exp;
  sampleTier(k, c, DEFAULT, [c.defaultNode], tickNs, weight);
  sampleTier(k, c, ALTERNATE, c.alternate, tickNs, weight);
  c.localGtRemote = c.latencyNs[DEFAULT]! > c.latencyNs[ALTERNATE]!;
  updateDeltaP(k, c);
  // A quantum moves one way: when the latencies' order flips past the dead band (delta p > 0), the
  // next one starts at once; inside the band the old one stays, and moves nothing the other way.
  const flipped = c.localGtRemote !== c.quantumDemotes && c.deltaP > 0;
  if (nowMs >= c.quantumEndMs || flipped) startQuantum(k, c, nowMs);
}

function sampleTier(
  k: Kernel,
  c: ColloidState,
  tier: number,
  nodes: readonly number[],
  tickNs: number,
  weight: number,
): void {
  let occ = 0;
  let ins = 0;
  for (const n of nodes) {
    const lines = k.traffic[n * 2]! / LINE_BYTES;
    occ += (k.latency[n * 2]! * lines) / tickNs; // Little's law: in flight = latency x arrival rate
    ins += lines;
  }
  c.occ[tier] = (occ + (weight - 1) * c.occ[tier]!) / weight;
  c.ins[tier] = (ins + (weight - 1) * c.ins[tier]!) / weight;
  const measured = c.ins[tier] > 0 ? (c.occ[tier] * tickNs) / c.ins[tier] : 0;
  c.latencyNs[tier] = Math.max(measured, c.floorNs[tier]!);
}

/** The p_lo/p_hi search of colloid-mon: delta p, the step toward the share that balances latency. */
export function updateDeltaP(k: Kernel, c: ColloidState): void {
  const ld = c.latencyNs[DEFAULT]!;
  const la = c.latencyNs[ALTERNATE]!;
  const total = c.ins[DEFAULT]! + c.ins[ALTERNATE]!;
  if (total > 0) c.p = c.ins[DEFAULT]! / total;
  if (Math.abs(ld - la) <= (k.knobs.colloid_delta_percent / 100) * ld || total === 0) {
    c.deltaP = 0;
    return;
  }
  const gt = c.localGtRemote;
  if (!gt) {
    c.pLo = c.p;
    if (c.pHi <= c.pLo) c.pHi = 1;
  } else {
    c.pHi = c.p;
    if (c.pLo >= c.pHi) c.pLo = 0;
  }
  if (c.pHi - c.pLo < k.knobs.colloid_epsilon_percent / 100) {
    if (!gt) c.pHi = 1;
    else c.pLo = 0;
  }
  c.deltaP = Math.abs((c.pLo + c.pHi) / 2 - c.p);
}

/**
 * A new quantum may move delta p of the accesses one way (delta p is a signed step: what a quantum
 * that demoted leaves over does not fund promotions), and at most colloid_migrate_limit_MBps of pages.
 */
function startQuantum(k: Kernel, c: ColloidState, nowMs: number): void {
  const quantum = k.knobs.colloid_quantum_ms;
  c.quantumEndMs = nowMs + quantum;
  c.quantumDemotes = c.localGtRemote;
  c.budgetShare = c.deltaP;
  const bytes = k.knobs.colloid_migrate_limit_MBps * 1024 * 1024 * (quantum / 1000);
  c.budgetPages = Math.floor(bytes / k.pageSize);
}

/**
 * The share of all accesses a page takes, estimated from its hint fault: with share s of A accesses
 * a ms, its first touch after the scan comes Exp(s A) ms later, so s is about 1 / (latency A). The
 * latency is counted in whole ms as the kernel does (jiffies_to_msecs), at least 1. Example: 1e5
 * accesses a ms and a fault 4 ms after the scan: 2.5e-6.
 */
export function estimatedShare(c: ColloidState, latencyMs: number): number {
  const perMs = (c.ins[DEFAULT]! + c.ins[ALTERNATE]!) / c.tickMs;
  return perMs > 0 ? 1 / (Math.max(latencyMs, 1) * perMs) : 0;
}

/** Whether the quantum's budget allows moving a folio of `nr` pages its way; remembers its share. */
function withinBudget(c: ColloidState, demote: boolean, latencyMs: number, nr: number): boolean {
  if (c.quantumDemotes !== demote || c.budgetShare <= 0 || c.budgetPages < nr) return false;
  c.pendingShare = estimatedShare(c, latencyMs);
  return true;
}

/**
 * numa_migrate_memory_away_target(): where a hint fault on a default-tier page `pfn` of a task on
 * that node should send it, or -1. Only while the default tier is the slower one, and only a hot
 * page (scan-to-fault latency under the node's hot threshold, the time exchanged for now as
 * numa_hint_fault_latency does): a cold page moves nothing (it carries little of the load).
 */
export function colloidAwayTarget(k: Kernel, pfn: number, src: number, nowMs: number, nr: number): number {
  const c = k.colloid;
  if (c === null || !colloidActive(k) || src !== c.defaultNode || !c.localGtRemote) return -1;
  const th = k.numab.pgdat[src]!.threshold || k.knobs.hot_threshold_ms;
  const latency = nowMs - k.m.stamp[pfn]!;
  k.m.stamp[pfn] = nowMs;
  if (latency >= th || !withinBudget(c, true, latency, nr)) return -1;
  return nextDemotionNode(k, src);
}

/**
 * should_numa_migrate_memory()'s Colloid check for a promotion to `dst`: refused while the default
 * tier is the slower one, and beyond the quantum's budget while it is the faster.
 */
export function colloidRefusesPromotion(k: Kernel, dst: number, latencyMs: number, nr: number): boolean {
  const c = k.colloid;
  if (c === null || !colloidActive(k) || dst !== c.defaultNode) return false;
  return c.localGtRemote || !withinBudget(c, false, latencyMs, nr);
}

/** A folio Colloid let through has moved: charge the quantum and count it. */
export function colloidMoved(k: Kernel, promoted: boolean, nr: number): void {
  const c = k.colloid!;
  c.budgetShare -= c.pendingShare;
  c.budgetPages -= nr;
  c.pendingShare = 0;
  count(k, c.defaultNode, promoted ? STAT.colloid_promote : STAT.colloid_demote, nr);
}

/** colloid-mon's readings as gauges: each tier's latency on its nodes, p and delta p on the default node. */
export function readColloidGauges(k: Kernel, n: number, row: Float64Array): void {
  const c = k.colloid;
  if (c === null) return;
  if (n === c.defaultNode) {
    row[STAT.colloid_latency_ns] = c.latencyNs[DEFAULT]!;
    row[STAT.colloid_p_ppm] = Math.round(c.p * 1e6);
    row[STAT.colloid_delta_p_ppm] = Math.round(c.deltaP * 1e6);
  } else if (c.alternate.includes(n)) {
    row[STAT.colloid_latency_ns] = c.latencyNs[ALTERNATE]!;
  }
}
