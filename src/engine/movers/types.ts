// A mover places pages from outside reclaim: a user-space daemon or kdamond. It has a CPU of its
// own and a clock, and acts on the machine through move_pages and idle page tracking.
import type { Kernel } from '../mm/kernel.ts';

export interface Mover {
  /** Runs until its clock reaches untilNs (a round's end); it may sleep past it between periods. */
  run(k: Kernel, untilNs: number): void;
}
