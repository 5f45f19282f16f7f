// A ladder queue of (draw count, vpage): when each waiting page of a workload is next drawn, sized
// for 10^8 waiting pages (a 1 TiB machine's PROT_NONE slow tier). A binary heap that big misses the
// cache at most of its ~27 levels on every pop (microseconds per hint fault); here far keys wait
// unsorted in buckets over key ranges ("rungs", each finer than the last) and reach the small heap
// at the front only when their bucket comes up. Each entry is moved a few times, each move a
// sequential read and an append to one of K bucket tails. Pops come out in key order, as from a heap.
// Pushed keys must not be below the last popped one (draw counts only grow).
import { TouchHeap } from './touch-heap.ts';

/** Buckets per rung. */
const K = 1024;
/** A bucket of at most this many entries goes into the front heap; a bigger one is split into a rung. */
const HEAP_MAX = 4096;
/** Rungs below the top list; past this depth a bucket goes into the heap whatever its size. */
const MAX_RUNGS = 8;
/** The unsorted list of keys past every rung: bucket index MAX_RUNGS * K. */
const TOP = MAX_RUNGS * K;
/** Entries per block of a bucket's chain, and blocks per storage segment (so nothing is ever copied). */
const BLOCK_SHIFT = 8;
const BLOCK = 1 << BLOCK_SHIFT;
const SEG_SHIFT = 6;
const SEG_MASK = (1 << SEG_SHIFT) - 1;
/** What scan() does with a bucket's entries. */
const SCAN_RANGE = 0;
const SCAN_TO_HEAP = 1;
const SCAN_TO_RUNG = 2;

export class TouchQueue {
  size = 0;
  /**
   * Entries the last refill brought to the front, not yet handed out by takeBroughtForward(): the
   * next ones due, whose pages the caller may load together while nothing waits on them.
   */
  private broughtForward = 0;
  /** The front: every key below nearEnd, in a heap small enough to stay in cache. */
  private readonly near = new TouchHeap();
  private nearEnd = -Infinity;
  // Rungs, coarsest first: rung r + 1 covers the bucket of rung r just before cur[r].
  private nrRungs = 0;
  private readonly start = new Float64Array(MAX_RUNGS);
  private readonly width = new Float64Array(MAX_RUNGS);
  private readonly end = new Float64Array(MAX_RUNGS);
  /** The rung's next bucket to come up; those before it are empty. */
  private readonly cur = new Int32Array(MAX_RUNGS);
  // Per bucket (rung r's bucket b is r * K + b; the top list is TOP): its chain of blocks.
  private readonly head = new Int32Array(TOP + 1).fill(-1);
  private readonly tail = new Int32Array(TOP + 1).fill(-1);
  private readonly tailFill = new Int32Array(TOP + 1);
  private readonly count = new Int32Array(TOP + 1);
  // Block storage: segments of 2^SEG_SHIFT blocks, a free list chained through `next`.
  private readonly segKeys: Float64Array[] = [];
  private readonly segVpages: Uint32Array[] = [];
  private next = new Int32Array(1024);
  private nrBlocks = 0;
  private freeBlock = -1;
  /** scan(SCAN_RANGE)'s result. */
  private lo = Infinity;
  private hi = -Infinity;

  /** The smallest key, or Infinity when empty. */
  minKey(): number {
    return this.near.size > 0 ? this.near.minKey() : this.refill();
  }

  /** The vpage of the smallest key (after minKey() returned a finite key). */
  minVpage(): number {
    return this.near.minVpage();
  }

  /** Removes the minimum (the caller read it with minKey/minVpage). */
  pop(): void {
    this.near.pop();
    this.size--;
  }

  /**
   * How many entries the last refill brought forward, once (0 until the next refill): their vpages
   * are the first that many of frontVpages().
   */
  takeBroughtForward(): number {
    const n = this.broughtForward;
    this.broughtForward = 0;
    return n;
  }

  frontVpages(): Uint32Array {
    return this.near.vpageArray();
  }

  /** Hands every entry to `visit`, in no particular order, then empties the queue. */
  drain(visit: (key: number, vpage: number) => void): void {
    const near = this.near;
    const nearKeys = near.keyArray();
    const nearVpages = near.vpageArray();
    for (let i = 0; i < near.size; i++) visit(nearKeys[i]!, nearVpages[i]!);
    for (let bk = 0; bk <= TOP; bk++) {
      const last = this.tail[bk]!;
      for (let blk = this.head[bk]!; blk >= 0; blk = blk === last ? -1 : this.next[blk]!) {
        const keys = this.segKeys[blk >>> SEG_SHIFT]!;
        const vpages = this.segVpages[blk >>> SEG_SHIFT]!;
        const from = (blk & SEG_MASK) << BLOCK_SHIFT;
        const to = from + (blk === last ? this.tailFill[bk]! : BLOCK);
        for (let i = from; i < to; i++) visit(keys[i]!, vpages[i]!);
      }
    }
    this.clear();
  }

  clear(): void {
    this.size = 0;
    this.broughtForward = 0;
    this.near.clear();
    this.nearEnd = -Infinity;
    this.nrRungs = 0;
    this.head.fill(-1);
    this.tail.fill(-1);
    this.tailFill.fill(0);
    this.count.fill(0);
    this.nrBlocks = 0;
    this.freeBlock = -1;
  }

  push(key: number, vpage: number): void {
    this.size++;
    if (key < this.nearEnd) {
      this.near.push(key, vpage);
      return;
    }
    for (let r = this.nrRungs - 1; r >= 0; r--) {
      if (key < this.end[r]!) {
        this.append(r * K + this.bucketOf(r, key), key, vpage);
        return;
      }
    }
    this.append(TOP, key, vpage);
  }

  /** Rung r's bucket for key: by its range, never one already come up, never past the last. */
  private bucketOf(r: number, key: number): number {
    const b = Math.floor((key - this.start[r]!) / this.width[r]!);
    return Math.min(K - 1, Math.max(this.cur[r]!, b));
  }

  /**
   * The front is empty: brings the next non-empty bucket forward (into the heap, or split into a
   * finer rung until one is small enough). Returns the new smallest key, or Infinity.
   */
  private refill(): number {
    while (this.near.size === 0) {
      if (this.nrRungs === 0) {
        if (this.count[TOP] === 0) return Infinity;
        this.bringForward(TOP, Infinity);
        continue;
      }
      const r = this.nrRungs - 1;
      let b = this.cur[r]!;
      while (b < K && this.count[r * K + b] === 0) b++;
      if (b === K) {
        this.cur[r] = K;
        this.nrRungs--;
        continue;
      }
      this.cur[r] = b + 1;
      this.bringForward(r * K + b, b === K - 1 ? this.end[r]! : this.start[r]! + (b + 1) * this.width[r]!);
    }
    return this.near.minKey();
  }

  /** Moves bucket bk (keys below `end`) into the heap, or splits it into a new rung. Empties it. */
  private bringForward(bk: number, end: number): void {
    this.scan(bk, SCAN_RANGE, 0);
    const lo = this.lo;
    const hi = this.hi;
    if (this.count[bk]! <= HEAP_MAX || this.nrRungs === MAX_RUNGS || !(hi > lo)) {
      // Keys below the bucket's end now belong to the heap (the top list's: below its largest key).
      this.nearEnd = end === Infinity ? hi : end;
      this.scan(bk, SCAN_TO_HEAP, 0);
      this.broughtForward = this.near.size;
      return;
    }
    const r = this.nrRungs++;
    this.start[r] = lo;
    this.end[r] = end === Infinity ? hi : end;
    this.width[r] = (hi - lo) / K;
    this.cur[r] = 0;
    this.scan(bk, SCAN_TO_RUNG, r);
  }

  /**
   * Reads every entry of bucket bk: SCAN_RANGE sets lo and hi to its smallest and largest key;
   * SCAN_TO_HEAP and SCAN_TO_RUNG move each entry (to the heap, to its bucket of rung r), freeing
   * each block once read. Postcondition of a move: bucket bk is empty.
   */
  private scan(bk: number, mode: number, r: number): void {
    const last = this.tail[bk]!;
    const lastFill = this.tailFill[bk]!;
    let blk = this.head[bk]!;
    let lo = Infinity;
    let hi = -Infinity;
    if (mode !== SCAN_RANGE) {
      this.head[bk] = -1;
      this.tail[bk] = -1;
      this.tailFill[bk] = 0;
      this.count[bk] = 0;
    }
    while (blk >= 0) {
      const keys = this.segKeys[blk >>> SEG_SHIFT]!;
      const vpages = this.segVpages[blk >>> SEG_SHIFT]!;
      const from = (blk & SEG_MASK) << BLOCK_SHIFT;
      const to = from + (blk === last ? lastFill : BLOCK);
      const following = blk === last ? -1 : this.next[blk]!;
      if (mode === SCAN_RANGE) {
        for (let i = from; i < to; i++) {
          const key = keys[i]!;
          if (key < lo) lo = key;
          if (key > hi) hi = key;
        }
      } else {
        if (mode === SCAN_TO_HEAP) for (let i = from; i < to; i++) this.near.push(keys[i]!, vpages[i]!);
        else
          for (let i = from; i < to; i++)
            this.append(r * K + this.bucketOf(r, keys[i]!), keys[i]!, vpages[i]!);
        // Freed once read (not before: the moves may take it), so a split needs one block more, not a copy.
        this.releaseBlock(blk);
      }
      blk = following;
    }
    this.lo = lo;
    this.hi = hi;
  }

  private append(bk: number, key: number, vpage: number): void {
    let blk = this.tail[bk]!;
    if (blk < 0 || this.tailFill[bk] === BLOCK) {
      const fresh = this.takeBlock();
      if (blk < 0) this.head[bk] = fresh;
      else this.next[blk] = fresh;
      this.tail[bk] = fresh;
      this.tailFill[bk] = 0;
      blk = fresh;
    }
    const i = ((blk & SEG_MASK) << BLOCK_SHIFT) + this.tailFill[bk]!++;
    this.segKeys[blk >>> SEG_SHIFT]![i] = key;
    this.segVpages[blk >>> SEG_SHIFT]![i] = vpage;
    this.count[bk]!++;
  }

  private takeBlock(): number {
    const free = this.freeBlock;
    if (free >= 0) {
      this.freeBlock = this.next[free]!;
      return free;
    }
    const blk = this.nrBlocks++;
    if (blk >>> SEG_SHIFT === this.segKeys.length) {
      this.segKeys.push(new Float64Array(BLOCK << SEG_SHIFT));
      this.segVpages.push(new Uint32Array(BLOCK << SEG_SHIFT));
    }
    if (blk === this.next.length) {
      const grown = new Int32Array(this.next.length * 2);
      grown.set(this.next);
      this.next = grown;
    }
    return blk;
  }

  private releaseBlock(blk: number): void {
    this.next[blk] = this.freeBlock;
    this.freeBlock = blk;
  }
}
