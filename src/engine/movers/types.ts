// A mover places pages from outside reclaim: a user-space daemon or kdamond. It has a CPU of its
// own and a clock, and acts on the machine through move_pages and idle page tracking.
import type { Kernel } from '../mm/kernel.ts';

export interface Mover {
  /** Runs until its clock reaches untilNs (a round's end); it may sleep past it between periods. */
  run(k: Kernel, untilNs: number): void;
  /** CPU time it has used so far, ns: its clock's advance minus its sleeps. */
  cpuNs(): number;
}

/** A mover's own time: where its clock stands, and how much of it was work rather than sleep. */
export interface MoverClock {
  clockNs: number;
  busyNs: number;
}

/** Work that takes the mover's CPU for `ns`. */
export function spend(c: MoverClock, ns: number): void {
  c.clockNs += ns;
  c.busyNs += ns;
}
