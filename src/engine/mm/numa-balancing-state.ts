// NUMA-balancing state: per mm (workload) the scanner's position and period (task_numa_work,
// update_task_scan_period), per node the promotion rate limit and hot threshold (pglist_data nbp_*).

export interface MmNumab {
  /** mm->numa_next_scan, ms. */
  nextScanMs: number;
  /** mm->numa_scan_offset: the next vpage to scan, as an index into the mm's anon pages. */
  scanOffset: number;
  /** p->numa_scan_period, ms. */
  scanPeriodMs: number;
  /** Hint faults since the last full pass: local (page on the task's node) and remote. */
  faultsLocal: number;
  faultsRemote: number;
  /** numa_faults_locality[2]: a misplaced page could not be migrated this pass. */
  migrateFailed: boolean;
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
export function newMmNumab(startMs: number, scanDelayMs: number): MmNumab {
  return {
    nextScanMs: startMs + scanDelayMs,
    scanOffset: 0,
    scanPeriodMs: 0,
    faultsLocal: 0,
    faultsRemote: 0,
    migrateFailed: false,
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
