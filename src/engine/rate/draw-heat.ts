// A draw domain's share of the access heatmap, settled lazily: bucket b earns n * mass[b] / M from
// a stretch of n draws (M the domain's total mass then), so it is owed mass[b] times the sum of
// n / M over the stretches since its mass last changed. Keeping that sum (`clock`) makes a stretch
// O(1) instead of O(buckets); a bucket is settled before its mass changes, all of them before the
// heatmap is read. Example: mass [0.5, 0.25] of M = 1, 100 draws then 60 with M = 0.75: bucket 0
// is owed 0.5 * (100 / 1 + 60 / 0.75) = 90 references, bucket 1 45.

/** At most this many times a stretch's step on the clock: rounding then costs < 1e-9 of a step. */
const CLOCK_SPAN = 2 ** 20;

export class DrawHeat {
  /** p summed over the plainly mapped pages of each bucket, from global bucket `first` on. */
  readonly mass: Float64Array;
  readonly first: number;
  /** Sum of n / M over the stretches since the last full settle. */
  private clock = 0;
  /** Per bucket: `clock` when it was last settled. */
  private readonly since: Float64Array;

  constructor(first: number, nrBuckets: number) {
    this.first = first;
    this.mass = new Float64Array(nrBuckets);
    this.since = new Float64Array(nrBuckets);
  }

  /**
   * n draws were made with the domain's total mass at `total` (> 0). A stretch while M was tiny
   * (nearly every page PROT_NONE) adds a huge n / M; the clock is settled and restarted before it
   * grows past 2^20 stretches' worth, or later small ones would be lost to its rounding.
   */
  drew(references: Float64Array, n: number, total: number): void {
    const step = n / total;
    if (this.clock > step * CLOCK_SPAN) this.settle(references);
    this.clock += step;
  }

  /** Adds `delta` to bucket b's mass (clamped at 0), after paying what it is owed. */
  add(references: Float64Array, b: number, delta: number): void {
    this.settleBucket(references, b);
    this.mass[b] = Math.max(0, this.mass[b]! + delta);
  }

  /** Pays every bucket what it is owed into the heatmap's `references`, and restarts the clock. */
  settle(references: Float64Array): void {
    if (this.clock === 0) return;
    for (let b = 0; b < this.mass.length; b++) this.settleBucket(references, b);
    this.clock = 0;
    this.since.fill(0);
  }

  /** Settles, then every bucket's mass is 0. */
  clear(references: Float64Array): void {
    this.settle(references);
    this.mass.fill(0);
  }

  private settleBucket(references: Float64Array, b: number): void {
    const owed = this.clock - this.since[b]!;
    if (owed > 0) references[this.first + b]! += this.mass[b]! * owed;
    this.since[b] = this.clock;
  }
}
