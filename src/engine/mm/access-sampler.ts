// PEBS-like access sampling, for a mover that wants it (MEMTIS's ksampled): one of every `period`
// references of a thread is handed to record(). The exact engine counts each thread's references
// down to the next sample (pebsOverflow); the rate engine thins its draws by 1/period, a Poisson
// process per page (rate/pebs-draws.ts), so both see the same sample counts in distribution.
import type { Kernel } from './kernel.ts';

export interface AccessSampler {
  /** References between two samples of a thread (the PEBS sample period), as it stands now. */
  period: number;
  /** Changes with `period`, so that the rate engine reschedules its sample queues. */
  epoch: number;
  /** `n` samples of a reference to vpage v, just made (its page is mapped). */
  record(k: Kernel, v: number, n: number): void;
  /** pte_alloc() gave vpages [first, first + PTRS_PER_PTE) a new PTE page (memtis's set_page_coolstatus). */
  pteAllocated(k: Kernel, first: number): void;
}

/**
 * A thread's countdown to its next sample crossed zero at a reference to v (`left` <= 0): records
 * one sample for each period crossed, as the PEBS counter overflows once per period. Returns the
 * countdown reloaded.
 */
export function pebsOverflow(k: Kernel, s: AccessSampler, v: number, left: number): number {
  let n = 0;
  while (left <= 0) {
    left += s.period;
    n++;
  }
  s.record(k, v, n);
  return left;
}
