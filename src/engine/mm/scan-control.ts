// struct scan_control: the options and tallies of one reclaim pass, as in mm/vmscan.c.
import { STAT } from '../../shared/vmstat.ts';
import { MEMCG_STAT } from './memcg-state.ts';

/** SWAP_CLUSTER_MAX: reclaim isolates and frees pages in batches of this many. */
export const SWAP_CLUSTER_MAX = 32;
/** DEF_PRIORITY: the first pass scans 1/4096 of each LRU; each lower priority doubles it. */
export const DEF_PRIORITY = 12;

export type Reclaimer = 'kswapd' | 'direct';

export interface ScanControl {
  reclaimer: Reclaimer;
  nrToReclaim: number;
  priority: number;
  mayWritepage: boolean;
  mayUnmap: boolean;
  maySwap: boolean;
  /**
   * sc->no_demotion: set for memcg reclaim on the kernels whose series said "don't demote for memcg
   * reclaim" (demotion keeps the page charged, so it does not bring the cgroup under its limit).
   */
  noDemotion: boolean;
  /** sc->target_mem_cgroup: the cgroup over its limit, or 0 (the root) for global reclaim. */
  targetMemcg: number;
  /** sc->proactive: memory.reclaim; counted as direct reclaim (the _proactive counters are 6.15's). */
  proactive: boolean;
  /** sc->memcg_low_reclaim: the retry that reclaims cgroups below memory.low, counting `low` events. */
  memcgLowReclaim: boolean;
  /** sc->memcg_low_skipped: a cgroup was left alone (or spared) for its memory.low. */
  memcgLowSkipped: boolean;
  /** sc->nodemask: nodes reclaim may scan (memory.reclaim nodes=), null for all. */
  nodemask: Uint8Array | null;
  nrScanned: number;
  nrReclaimed: number;
  /** Simulated time this pass cost whoever runs it, ns. */
  costNs: number;
}

export function scanControl(reclaimer: Reclaimer, nrToReclaim: number, priority = DEF_PRIORITY): ScanControl {
  return {
    reclaimer,
    nrToReclaim,
    priority,
    mayWritepage: true,
    mayUnmap: true,
    maySwap: true,
    noDemotion: false,
    targetMemcg: 0,
    proactive: false,
    memcgLowReclaim: false,
    memcgLowSkipped: false,
    nodemask: null,
    nrScanned: 0,
    nrReclaimed: 0,
    costNs: 0,
  };
}

export interface ReclaimerStats {
  pgscan: number;
  pgsteal: number;
  pgdemote: number;
  /** The same three in memory.stat (memcg-state.ts MEMCG_STAT). */
  memcgPgscan: number;
  memcgPgsteal: number;
  memcgPgdemote: number;
}

const KSWAPD: ReclaimerStats = {
  pgscan: STAT.pgscan_kswapd,
  pgsteal: STAT.pgsteal_kswapd,
  pgdemote: STAT.pgdemote_kswapd,
  memcgPgscan: MEMCG_STAT.pgscan_kswapd,
  memcgPgsteal: MEMCG_STAT.pgsteal_kswapd,
  memcgPgdemote: MEMCG_STAT.pgdemote_kswapd,
};
const DIRECT: ReclaimerStats = {
  pgscan: STAT.pgscan_direct,
  pgsteal: STAT.pgsteal_direct,
  pgdemote: STAT.pgdemote_direct,
  memcgPgscan: MEMCG_STAT.pgscan_direct,
  memcgPgsteal: MEMCG_STAT.pgsteal_direct,
  memcgPgdemote: MEMCG_STAT.pgdemote_direct,
};

/**
 * reclaimer_offset(): which of the kswapd/direct counters a pass bumps. Proactive reclaim
 * (memory.reclaim) counts as direct in every kernel modelled: its own pgscan/pgsteal/pgdemote_proactive
 * came in 6.15 (Hao Jia, "mm: vmscan: Split proactive reclaim statistics from direct reclaim
 * statistics"), after 6.12.
 */
export function reclaimerStats(sc: ScanControl): ReclaimerStats {
  return sc.reclaimer === 'kswapd' ? KSWAPD : DIRECT;
}
