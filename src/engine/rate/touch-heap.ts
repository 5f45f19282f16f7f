// A binary min-heap of (draw count, vpage): the front of a TouchQueue, where the waits due soonest
// are kept in order. Typed arrays that double when full, so pushing and popping allocate nothing.

export class TouchHeap {
  private keys = new Float64Array(64);
  private vpages = new Uint32Array(64);
  size = 0;

  /** The smallest key, or Infinity when empty. */
  minKey(): number {
    return this.size > 0 ? this.keys[0]! : Infinity;
  }

  minVpage(): number {
    return this.vpages[0]!;
  }

  /** The vpages of every entry, in heap order (the first `size` of them). */
  vpageArray(): Uint32Array {
    return this.vpages;
  }

  /** The keys of every entry, in heap order (the first `size` of them). */
  keyArray(): Float64Array {
    return this.keys;
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, vpage: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    const keys = this.keys;
    const vpages = this.vpages;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      vpages[i] = vpages[parent]!;
      i = parent;
    }
    keys[i] = key;
    vpages[i] = vpage;
  }

  /** Removes the minimum (the caller read it with minKey/minVpage). */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const keys = this.keys;
    const vpages = this.vpages;
    const key = keys[n]!;
    const vpage = vpages[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      vpages[i] = vpages[child]!;
      i = child;
    }
    keys[i] = key;
    vpages[i] = vpage;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const vpages = new Uint32Array(this.vpages.length * 2);
    keys.set(this.keys);
    vpages.set(this.vpages);
    this.keys = keys;
    this.vpages = vpages;
  }
}
