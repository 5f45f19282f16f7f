// Per-VMA NUMA-balancing state (include/linux/mm_types.h struct vma_numab_state, v6.4-v6.12) and the
// checks task_numa_work() makes with it before scanning a VMA: on 6.12 a thread's scan skips a VMA it
// has not hint-faulted on lately. Worked example, scan_delay 1000 ms, a 2-thread mm whose threads
// each touch their own VMA: passes 0 and 1 scan both VMAs (start_scan_seq); from pass 2 a thread's
// scan passes over the other's VMA (pid_inactive) unless it stopped inside it last time, nothing
// else is left to scan (one VMA forced), or the VMA was last completed more than 2 passes ago.

/** VMA_PID_RESET_PERIOD, in units of scan_delay: pids_active[] shifts every 4 scan delays. */
const VMA_PID_RESET_DELAYS = 4;
/** hash_32(pid, ilog2(BITS_PER_LONG)): 64 bits a window, kept here as two 32-bit words. */
const PID_HASH_BITS = 6;
const GOLDEN_RATIO_32 = 0x61c88647;

/**
 * Why task_numa_work() passes over a VMA: the NUMAB_SKIP_* reasons of the sched_skip_vma_numa
 * trace event that Tierlab models (the kernel exports no counter for them).
 */
export const NumabSkip = {
  /** Scanned: none of the reasons below. */
  None: 0,
  /** NUMAB_SKIP_SCAN_DELAY: its state is younger than scan_delay (after the mm's first pass). */
  ScanDelay: 1,
  /** NUMAB_SKIP_SEQ_COMPLETED: already scanned to its end in this pass. */
  SeqCompleted: 2,
  /** NUMAB_SKIP_PID_INACTIVE: the scanning thread has not faulted on it in the last two windows. */
  PidInactive: 3,
} as const;
export type NumabSkip = (typeof NumabSkip)[keyof typeof NumabSkip];

/** vma->numab_state for each region of one mm (structure of arrays, by the mm's region index). */
export interface VmaNumab {
  /** Whether numab_state exists: task_numa_work() allocates it on its first visit to the VMA. */
  created: Uint8Array;
  /** next_scan, ms: scan_delay after creation. */
  nextScanMs: Float64Array;
  /** pids_active_reset, ms: when pids_active[1] next moves to [0]. */
  pidsActiveResetMs: Float64Array;
  /** pids_active[2], each 64 bits as two words: [4r] [4r+1] the older window, [4r+2] [4r+3] the newer. */
  pidsActive: Uint32Array;
  /** start_scan_seq: mm->numa_scan_seq when the state was created. */
  startScanSeq: Int32Array;
  /** prev_scan_seq: the pass that last scanned the VMA to its end. */
  prevScanSeq: Int32Array;
}

export function createVmaNumab(nrRegions: number): VmaNumab {
  return {
    created: new Uint8Array(nrRegions),
    nextScanMs: new Float64Array(nrRegions),
    pidsActiveResetMs: new Float64Array(nrRegions),
    pidsActive: new Uint32Array(nrRegions * 4),
    startScanSeq: new Int32Array(nrRegions),
    prevScanSeq: new Int32Array(nrRegions),
  };
}

/** hash_32(pid, 6): the bit of pids_active[] a thread sets and tests. */
export function pidBit(pid: number): number {
  return Math.imul(pid, GOLDEN_RATIO_32) >>> (32 - PID_HASH_BITS);
}

/**
 * vma_set_access_pid_bit(), from a hint fault's numa_migrate_check(): thread `pid` marks region `r`
 * in the newer window. A VMA without numab_state is left alone.
 */
export function vmaSetAccessPidBit(vn: VmaNumab, r: number, pid: number): void {
  if (!vn.created[r]) return;
  const bit = pidBit(pid);
  const i = r * 4 + 2 + (bit >>> 5);
  vn.pidsActive[i] = vn.pidsActive[i]! | (1 << (bit & 31));
}

/** Whether `pid`'s bit is set in either window of region r. */
function pidActive(vn: VmaNumab, r: number, pid: number): boolean {
  const bit = pidBit(pid);
  const word = bit >>> 5;
  const mask = 1 << (bit & 31);
  return ((vn.pidsActive[r * 4 + word]! | vn.pidsActive[r * 4 + 2 + word]!) & mask) !== 0;
}

/** What a scan knows when it reaches a VMA: the mm's pass, its time, and the scanning thread. */
export interface VmaScanContext {
  /** mm->numa_scan_seq. */
  scanSeq: number;
  nowMs: number;
  scanDelayMs: number;
  /** The scanning thread's pid, and get_nr_threads() of its process. */
  pid: number;
  nrThreads: number;
  /** mm->numa_scan_offset > vma->vm_start: the last scan stopped inside this VMA. */
  resumesInside: boolean;
  /** vma_pids_forced: the retry after a walk that found only inactive VMAs. */
  forced: boolean;
}

/**
 * vma_is_accessed(): the first two passes of a VMA's life, a fault by this thread in the last two
 * windows, a scan that stopped inside it, or (f22cde4371f3, v6.12) a VMA not completed for more
 * passes than the process has threads to help.
 */
export function vmaIsAccessed(vn: VmaNumab, r: number, c: VmaScanContext): boolean {
  if (c.scanSeq - vn.startScanSeq[r]! < 2) return true;
  if (pidActive(vn, r, c.pid)) return true;
  if (c.resumesInside) return true;
  return c.scanSeq > vn.prevScanSeq[r]! + c.nrThreads;
}

/**
 * The per-VMA part of task_numa_work()'s loop for region r, in the kernel's order: create its state
 * on the first visit, honour the scan delay, shift the pid windows when due, then the
 * seq-completed and pid checks. Returns the skip reason, NumabSkip.None to scan it.
 * Postcondition: the state of region r exists, and its windows are shifted if their reset was due.
 */
export function vmaScanCheck(vn: VmaNumab, r: number, c: VmaScanContext): NumabSkip {
  const resetMs = VMA_PID_RESET_DELAYS * c.scanDelayMs;
  if (!vn.created[r]) {
    vn.created[r] = 1;
    vn.startScanSeq[r] = c.scanSeq;
    vn.nextScanMs[r] = c.nowMs + c.scanDelayMs;
    vn.pidsActiveResetMs[r] = vn.nextScanMs[r] + resetMs;
    // So that the VMA is not taken for completed in the pass that creates it.
    vn.prevScanSeq[r] = c.scanSeq - 1;
  }
  // Short-lived tasks: a new VMA waits scan_delay, except in the mm's first pass.
  if (c.scanSeq > 0 && c.nowMs < vn.nextScanMs[r]!) return NumabSkip.ScanDelay;
  if (c.scanSeq > 0 && c.nowMs > vn.pidsActiveResetMs[r]!) {
    vn.pidsActiveResetMs[r] = vn.pidsActiveResetMs[r]! + resetMs;
    const w = r * 4;
    vn.pidsActive[w] = vn.pidsActive[w + 2]!;
    vn.pidsActive[w + 1] = vn.pidsActive[w + 3]!;
    vn.pidsActive[w + 2] = 0;
    vn.pidsActive[w + 3] = 0;
  }
  if (vn.prevScanSeq[r] === c.scanSeq) return NumabSkip.SeqCompleted;
  if (!c.forced && !vmaIsAccessed(vn, r, c)) return NumabSkip.PidInactive;
  return NumabSkip.None;
}

/** The index of the mm region (sorted `base`) holding vpage v, or -1 if none does. */
export function mmRegionOf(base: readonly number[], pages: readonly number[], v: number): number {
  let lo = 0;
  let hi = base.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (base[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return hi >= 0 && v >= base[lo]! && v < base[lo]! + pages[lo]! ? lo : -1;
}
