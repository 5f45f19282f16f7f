import { describe, expect, it } from 'vitest';
import { newMmNumab, type MmNumab } from './numa-balancing-state.ts';
import { updateTaskScanPeriod } from './numa-scan-period.ts';

/** A task at `periodMs` whose pass counted these locality faults (numa_faults_locality[]). */
function task(periodMs: number, local: number, remote: number, failed = 0): MmNumab {
  const st = newMmNumab(0, 1000);
  st.scanPeriodMs = periodMs;
  st.nextScanMs = 5000;
  st.faultsLocal = local;
  st.faultsRemote = remote;
  st.faultsMigrateFailed = failed;
  return st;
}

const MIN = 250;
const MAX = 15000;
const NOW = 4000;

// Each case is update_task_scan_period() worked by hand: period_slot = DIV_ROUND_UP(period, 10),
// lr_ratio = local * 10 / (local + remote), ps_ratio = private * 10 / (private + shared).
describe('update_task_scan_period', () => {
  it('grows the period by 3 slots after a pass of private faults with a local one', () => {
    // ps_ratio 10 >= 7: diff = (10 - 7) * 100 = 300, whatever the locality.
    const st = task(1000, 6, 2);
    updateTaskScanPeriod(st, 0, 8, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(1300);
    expect(st.nextScanMs).toBe(5000);
    expect([st.faultsLocal, st.faultsRemote, st.faultsMigrateFailed]).toEqual([0, 0, 0]);
  });

  it('grows it by 3 slots even when only 1 of 10 private faults was local', () => {
    // lr_ratio 1 does not matter once ps_ratio >= 7: private tasks never scan faster.
    const st = task(1000, 1, 9);
    updateTaskScanPeriod(st, 0, 10, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(1300);
  });

  it('rounds the slot up: 1234 ms moves in slots of 124 ms', () => {
    const st = task(1234, 3, 0);
    updateTaskScanPeriod(st, 0, 3, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(1234 + 3 * 124);
  });

  it('doubles the period and restarts the scan clock after a pass with no local and no shared fault', () => {
    // Tiering mode 2 scans only slow-tier pages, on a CPU-less node: every fault is remote.
    const st = task(1000, 0, 8);
    updateTaskScanPeriod(st, 0, 8, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(2000);
    expect(st.nextScanMs).toBe(NOW + 2000);
    // The doubling branch returns before the memset: the remote faults stay counted.
    expect(st.faultsRemote).toBe(8);
  });

  it('doubles no further than task_scan_max', () => {
    const st = task(9000, 0, 3);
    updateTaskScanPeriod(st, 0, 3, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(MAX);
    expect(st.nextScanMs).toBe(NOW + MAX);
  });

  it('keeps doubling at every pass once a migration failed, since only the other branch clears it', () => {
    const st = task(1000, 6, 2, 1);
    updateTaskScanPeriod(st, 0, 8, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(2000);
    st.faultsLocal += 10;
    updateTaskScanPeriod(st, 0, 10, MIN, MAX, NOW + 2000);
    expect(st.scanPeriodMs).toBe(4000);
    expect([st.faultsLocal, st.faultsMigrateFailed]).toEqual([16, 1]);
  });

  it('does not double when the only faults are shared ones, though none was local', () => {
    // local + shared = 4 > 0; ps_ratio 0 and lr_ratio 0: diff = -(7 - 0) * 100.
    const st = task(1000, 0, 4);
    updateTaskScanPeriod(st, 4, 0, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(300);
  });

  it('grows the period by 1 slot when mostly shared faults are 80% local', () => {
    // ps_ratio 2 < 7; lr_ratio 8: slot 8 - 7 = 1, diff = 100.
    const st = task(1000, 8, 2);
    updateTaskScanPeriod(st, 8, 2, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(1100);
  });

  it('counts a ratio exactly at the threshold as 1 slot, not 0', () => {
    // ps_ratio 7 * 10 / 10 = 7: slot 0 becomes 1.
    const st = task(1000, 1, 1);
    updateTaskScanPeriod(st, 3, 7, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(1100);
  });

  it('scans faster when shared faults are mostly remote, by the larger ratio', () => {
    // lr_ratio 2, ps_ratio 3: diff = -(7 - 3) * 100 = -400.
    const st = task(1000, 2, 8);
    updateTaskScanPeriod(st, 7, 3, MIN, MAX, NOW);
    expect(st.scanPeriodMs).toBe(600);
  });

  it('scans no faster than task_scan_min', () => {
    // lr_ratio 1, ps_ratio 1: 1000 - 6 * 100 = 400, below a 500 ms minimum.
    const st = task(1000, 1, 9);
    updateTaskScanPeriod(st, 9, 1, 500, MAX, NOW);
    expect(st.scanPeriodMs).toBe(500);
  });
});
