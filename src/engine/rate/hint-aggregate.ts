// NUMA hint faults that cannot promote, taken in aggregate by the rate engine. In memory-tiering mode
// a slow-tier page's hint fault promotes only if it comes within the hot threshold of the scan
// (should_numa_migrate_memory); a page whose next draw is further off than any threshold can reach
// at the fastest draw rate changes nothing a later event reads but counters and the scan period.
// Such a page stays in its node's mass (its first draw after the scan is the fault) and only the
// draw count of that fault is queued here; runDraws counts the faults each stretch of draws passed.
import { TouchQueue } from './touch-queue.ts';

/** Per vpage, 2 bits: its entry is queued and not yet counted (LIVE), or cancelled but still queued (STALE). */
const LIVE = 1;
const STALE = 2;

export class HintAggregate {
  /** Fault draw counts of pending pages, with their vpages (for release). */
  private readonly keys = new TouchQueue();
  private readonly state: Uint8Array;
  private readonly base: number;
  /** takeDue's result: the smallest key it counted (Infinity if none). */
  firstKey = Infinity;

  constructor(base: number, pages: number) {
    this.base = base;
    this.state = new Uint8Array(Math.ceil(pages / 4));
  }

  get size(): number {
    return this.keys.size;
  }

  private bits(v: number): number {
    const i = v - this.base;
    return (this.state[i >> 2]! >> ((i & 3) * 2)) & 3;
  }

  private setBits(v: number, b: number): void {
    const i = v - this.base;
    const shift = (i & 3) * 2;
    this.state[i >> 2] = (this.state[i >> 2]! & ~(3 << shift)) | (b << shift);
  }

  /** vpage has a fault queued here that is not yet counted: it is still PROT_NONE, untouched since its scan. */
  isLive(v: number): boolean {
    return this.bits(v) === LIVE;
  }

  /**
   * Whether vpage may be queued: not while a cancelled entry of it is still queued (that entry
   * could not be told from the new one when it comes due).
   */
  canQueue(v: number): boolean {
    return this.bits(v) === 0;
  }

  /** Queues vpage's hint fault at draw count `key` (the caller checked canQueue). */
  push(key: number, v: number): void {
    this.setBits(v, LIVE);
    this.keys.push(key, v);
  }

  /** vpage's fault will not come (unmapped or moved before it): its entry is skipped when due. */
  cancel(v: number): void {
    this.setBits(v, STALE);
  }

  /**
   * Pops every entry due before draw count `limit`; returns how many were faults (live entries) and
   * sets firstKey to the first of them. Postcondition: no entry below `limit` is left.
   */
  takeDue(limit: number): number {
    const q = this.keys;
    let n = 0;
    let first = Infinity;
    for (let key = q.minKey(); key < limit; key = q.minKey()) {
      const v = q.minVpage();
      q.pop();
      const live = this.bits(v) === LIVE;
      this.setBits(v, 0);
      if (!live) continue;
      if (n === 0) first = key;
      n++;
    }
    this.firstKey = first;
    return n;
  }

  /** Hands every live entry (its key and vpage) to `visit` and empties the aggregate. */
  release(visit: (key: number, v: number) => void): void {
    this.keys.drain((key, v) => {
      const live = this.bits(v) === LIVE;
      this.setBits(v, 0);
      if (live) visit(key, v);
    });
  }
}
