// NUMA-balancing state: per mm (workload) the scanner's position and period (task_numa_work,
// update_task_scan_period), per node the promotion rate limit and hot threshold (pglist_data nbp_*).

import type { VmaNumab } from './vma-numab.ts';

export interface MmNumab {
  /** mm->numa_next_scan, ms. */
  nextScanMs: number;
  /** mm->numa_scan_offset: the next vpage to scan, as an index into the mm's anon pages. */
  scanOffset: number;
  /** mm->numa_scan_seq: full passes begun (reset_ptenuma_scan). */
  scanSeq: number;
  /** p->numa_scan_seq: the pass task_numa_placement() last saw; behind scanSeq, the next fault places. */
  placedSeq: number;
  /** p->numa_scan_period, ms. */
  scanPeriodMs: number;
  /**
   * p->numa_faults_locality[]: hint faults on the task's own node and elsewhere, and faults whose
   * migration failed. update_task_scan_period() clears them only when it does not double the period.
   */
  faultsLocal: number;
  faultsRemote: number;
  faultsMigrateFailed: number;
  /**
   * Faults since the last placement (the NUMA_MEMBUF buckets summed over nodes), all counted private:
   * the kernel does so for slow-tier pages in tiering mode (their last_cpupid holds a time), and the
   * model keeps no last_cpupid per thread elsewhere, so no fault looks like another task's (shared).
   */
  faultsPrivate: number;
  /** Each region's vma_numab_state where the kernel filters VMAs by pid (6.12); null on 6.1. */
  vmas: VmaNumab | null;
  /** The task that ran the last scan: on 6.12 the next running thread after it scans next. */
  lastScanner: number;
}

export interface PgdatNumab {
  /** nbp_rl_start (ms) and the candidate count then: the 1 s window of the rate limit. */
  rlStartMs: number;
  rlNrCand: number;
  /** nbp_th_start (ms), candidates then, and the adjusted threshold (0 = the default). */
  thStartMs: number;
  thNrCand: number;
  threshold: number;
}

/** init_numa_balancing(): the first scan comes scan_delay after the task starts; its period is set then. */
export function newMmNumab(startMs: number, scanDelayMs: number, vmas: VmaNumab | null = null): MmNumab {
  return {
    nextScanMs: startMs + scanDelayMs,
    scanOffset: 0,
    scanSeq: 0,
    placedSeq: 0,
    scanPeriodMs: 0,
    faultsLocal: 0,
    faultsRemote: 0,
    faultsMigrateFailed: 0,
    faultsPrivate: 0,
    vmas,
    lastScanner: -1,
  };
}

export function newPgdatNumab(): PgdatNumab {
  return { rlStartMs: 0, rlNrCand: 0, thStartMs: 0, thNrCand: 0, threshold: 0 };
}

/** Per-mm layouts and scanner state, and per-node promotion state. */
export interface NumabState {
  mm: MmNumab[];
  pgdat: PgdatNumab[];
}
