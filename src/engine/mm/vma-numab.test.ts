import { describe, expect, it } from 'vitest';
import {
  createVmaNumab,
  mmRegionOf,
  NumabSkip,
  pidBit,
  vmaIsAccessed,
  vmaScanCheck,
  vmaSetAccessPidBit,
  type VmaScanContext,
} from './vma-numab.ts';

/** A visit by thread 0 of a one-thread process, scan_delay 1000 ms, not forced, not resuming. */
function at(scanSeq: number, nowMs: number, over: Partial<VmaScanContext> = {}): VmaScanContext {
  return {
    scanSeq,
    nowMs,
    scanDelayMs: 1000,
    pid: 0,
    nrThreads: 1,
    resumesInside: false,
    forced: false,
    ...over,
  };
}

describe('hash_32(pid, ilog2(BITS_PER_LONG))', () => {
  it('spreads pids over 64 bits by the golden ratio: 1 -> 24, 2 -> 48, 3 -> 9', () => {
    // 0x61C88647 * pid mod 2^32, top 6 bits: 1640531527 >> 26 = 24; 3281063054 >> 26 = 48;
    // 4921594581 - 2^32 = 626627285, >> 26 = 9.
    expect([pidBit(0), pidBit(1), pidBit(2), pidBit(3)]).toEqual([0, 24, 48, 9]);
  });
});

describe("a VMA's first visit (task_numa_work: new numab_state)", () => {
  it('sets next_scan scan_delay ahead, the pid reset 4 scan delays after that, prev_scan_seq one pass back', () => {
    const vn = createVmaNumab(1);
    vmaScanCheck(vn, 0, at(3, 2500));
    expect(vn.startScanSeq[0]).toBe(3);
    expect(vn.nextScanMs[0]).toBe(3500);
    expect(vn.pidsActiveResetMs[0]).toBe(7500);
    expect(vn.prevScanSeq[0]).toBe(2);
  });

  it("scans it at once in the mm's first pass (the delay needs mm->numa_scan_seq != 0)", () => {
    expect(vmaScanCheck(createVmaNumab(1), 0, at(0, 1000))).toBe(NumabSkip.None);
  });

  it('in a later pass, does not scan it before scan_delay has passed since that visit', () => {
    const vn = createVmaNumab(1);
    expect(vmaScanCheck(vn, 0, at(1, 3000))).toBe(NumabSkip.ScanDelay);
    expect(vmaScanCheck(vn, 0, at(1, 3999))).toBe(NumabSkip.ScanDelay);
    expect(vmaScanCheck(vn, 0, at(1, 4000))).toBe(NumabSkip.None); // time_before is strict
  });
});

describe('vma_is_accessed(): which VMAs a thread scans', () => {
  /** A VMA created in pass 0 at 1000 ms and last completed in pass 1. */
  function seenTwice(): ReturnType<typeof createVmaNumab> {
    const vn = createVmaNumab(1);
    vmaScanCheck(vn, 0, at(0, 1000));
    vn.prevScanSeq[0] = 1;
    return vn;
  }

  it('scans any VMA in its first two passes (start_scan_seq), faulted on or not', () => {
    const vn = createVmaNumab(1);
    vmaScanCheck(vn, 0, at(4, 1000));
    expect(vmaIsAccessed(vn, 0, at(5, 3000, { nrThreads: 8 }))).toBe(true);
    expect(vmaIsAccessed(vn, 0, at(6, 3000, { nrThreads: 8 }))).toBe(false);
  });

  it('from the third pass skips a VMA the scanning thread never faulted on, and scans one it did', () => {
    const vn = seenTwice();
    vmaSetAccessPidBit(vn, 0, 1);
    const c = at(2, 3000, { nrThreads: 4 });
    expect(vmaScanCheck(vn, 0, { ...c, pid: 2 })).toBe(NumabSkip.PidInactive);
    expect(vmaScanCheck(vn, 0, { ...c, pid: 1 })).toBe(NumabSkip.None);
  });

  it('scans it anyway where the last scan stopped inside it, or when no other VMA is left (forced)', () => {
    const vn = seenTwice();
    const c = at(2, 3000, { pid: 2, nrThreads: 4 });
    expect(vmaScanCheck(vn, 0, { ...c, resumesInside: true })).toBe(NumabSkip.None);
    expect(vmaScanCheck(vn, 0, { ...c, forced: true })).toBe(NumabSkip.None);
  });

  it('scans a VMA last completed more passes ago than the process has threads (v6.12)', () => {
    const vn = seenTwice(); // prev_scan_seq 1, 2 threads: 4 > 1 + 2 but not 3
    expect(vmaIsAccessed(vn, 0, at(3, 3000, { pid: 5, nrThreads: 2 }))).toBe(false);
    expect(vmaIsAccessed(vn, 0, at(4, 3000, { pid: 5, nrThreads: 2 }))).toBe(true);
  });

  it('skips a VMA already scanned to its end in this pass, forced or not', () => {
    const vn = seenTwice();
    expect(vmaScanCheck(vn, 0, at(1, 3000, { forced: true }))).toBe(NumabSkip.SeqCompleted);
  });

  it('forgets a fault after two pid resets, 4 scan delays apart', () => {
    // Created at 1000 ms: next_scan 2000, first reset due after 2000 + 4000 = 6000 ms.
    const vn = seenTwice();
    vmaSetAccessPidBit(vn, 0, 0);
    const c = { nrThreads: 4 };
    expect(vmaScanCheck(vn, 0, at(2, 6000, c))).toBe(NumabSkip.None); // time_after is strict: no reset
    expect(vmaScanCheck(vn, 0, at(2, 6001, c))).toBe(NumabSkip.None); // moved to the older window
    expect(vn.pidsActiveResetMs[0]).toBe(10000);
    expect(vmaScanCheck(vn, 0, at(2, 10001, c))).toBe(NumabSkip.PidInactive); // and out of it
  });

  it('sets no bit in a VMA the scanner has not visited yet (no numab_state)', () => {
    const vn = createVmaNumab(1);
    vmaSetAccessPidBit(vn, 0, 0);
    expect(Array.from(vn.pidsActive)).toEqual([0, 0, 0, 0]);
  });
});

describe('mmRegionOf', () => {
  it('finds the region holding a vpage, and none in a gap or past the end', () => {
    const base = [0, 100, 300];
    const pages = [100, 50, 10];
    expect([0, 99, 100, 149, 150, 305, 310].map((v) => mmRegionOf(base, pages, v))).toEqual([
      0, 0, 1, 1, -1, 2, -1,
    ]);
  });
});
