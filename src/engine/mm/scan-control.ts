// struct scan_control: the options and tallies of one reclaim pass, as in mm/vmscan.c.
import { STAT } from '../../shared/vmstat.ts';

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
  /** sc->no_demotion: set for memcg-limit reclaim, whose pages must leave the cgroup's memory. */
  noDemotion: boolean;
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
    nrScanned: 0,
    nrReclaimed: 0,
    costNs: 0,
  };
}

/** reclaimer_offset(): which of the kswapd/direct counter pair a pass bumps. */
export function reclaimerStats(sc: ScanControl): { pgscan: number; pgsteal: number; pgdemote: number } {
  return sc.reclaimer === 'kswapd'
    ? { pgscan: STAT.pgscan_kswapd, pgsteal: STAT.pgsteal_kswapd, pgdemote: STAT.pgdemote_kswapd }
    : { pgscan: STAT.pgscan_direct, pgsteal: STAT.pgsteal_direct, pgdemote: STAT.pgdemote_direct };
}
