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
  /** What the last takeDue or takeWithin counted: how many faults (live entries), the smallest key (Infinity if none). */
  taken = 0;
  firstKey = Infinity;
  /** takeWithin's result: how many draws its time left room for after the faults it counted. */
  fitDraws = 0;

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
   * The smallest key of a live entry, after dropping the cancelled ones before it; stops at the
   * first key at or past `limit` (returned whatever its entry), so nothing past limit is dropped.
   */
  private nextLiveKey(limit: number): number {
    const q = this.keys;
    let key = q.minKey();
    for (; key < limit; key = q.minKey()) {
      const v = q.minVpage();
      if (this.bits(v) === LIVE) return key;
      q.pop();
      this.setBits(v, 0);
    }
    return key;
  }

  /** Counts the live entry at `key`, the one nextLiveKey() just returned. */
  private takeNext(key: number): void {
    const q = this.keys;
    this.setBits(q.minVpage(), 0);
    q.pop();
    if (this.taken === 0) this.firstKey = key;
    this.taken++;
  }

  /**
   * Pops every entry due before draw count `limit` and counts the live ones (taken, firstKey).
   * Returns how many faults that was. Postcondition: no entry below `limit` is left.
   */
  takeDue(limit: number): number {
    this.taken = 0;
    this.firstKey = Infinity;
    for (let key = this.nextLiveKey(limit); key < limit; key = this.nextLiveKey(limit)) this.takeNext(key);
    return this.taken;
  }

  /**
   * A stretch of at most `most` draws from draw count `from`, `perDraw` ns apart, in `roomNs` of
   * time, where each fault it passes takes `faultNs` of that time too: counts the faults (taken,
   * firstKey) and returns how many draws the stretch makes. Faults are taken in key order while
   * their draw comes before the time runs out, so the draws end where the exact engine's references
   * would: a fault begun just before the end runs past it, as a reference does. fitDraws is the
   * draws the time left room for after the faults (at most the result; the result is above it
   * only when the last fault ran past). Postcondition: no live entry below from + result is left.
   * Worked example: room 100 ns, 1 ns a draw, faults of 10 ns at keys 5, 30, 85 and 95: the
   * first two leave room for 80 draws, so the third (at 85) does not come; 80 draws are made.
   */
  takeWithin(from: number, most: number, roomNs: number, perDraw: number, faultNs: number): number {
    this.taken = 0;
    this.firstKey = Infinity;
    this.fitDraws = roomNs / perDraw;
    let n = Math.min(most, this.fitDraws);
    for (let key = this.nextLiveKey(from + n); key < from + n; key = this.nextLiveKey(from + n)) {
      this.takeNext(key);
      this.fitDraws = (roomNs - this.taken * faultNs) / perDraw;
      n = Math.max(key - from, Math.min(most, this.fitDraws));
    }
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
