// PEBS sampling in the rate engine: a draw hits page v with probability p(v), and one reference in
// `period` is sampled, so v's samples among plain draws are a Poisson process of rate p(v) / period
// in the draw count. Each plainly mapped page keeps its next sample's draw count in a queue, as
// waiting pages keep their next touch (DrawDomain.waits); references that are events (faults, hint
// faults) are sampled one in `period` by chance instead (sampleEvent).
import type { AccessSampler } from '../mm/access-sampler.ts';
import type { Kernel } from '../mm/kernel.ts';
import { NOT_MAPPED, plainNode } from '../mm/reference-model.ts';
import type { Rng } from '../random/rng.ts';
import type { PageLaw } from '../workloads/types.ts';
import { TouchQueue } from './touch-queue.ts';

export class PebsDraws {
  private readonly queue = new TouchQueue();
  /** One bit per page of the law: it has an entry in the queue. */
  private readonly queued: Uint8Array;
  /** The sampler's epoch the queue was built for: a new period means new rates. */
  private epoch: number;

  private readonly sampler: AccessSampler;
  private readonly law: PageLaw;
  private readonly rng: Rng;

  constructor(sampler: AccessSampler, law: PageLaw, rng: Rng) {
    this.sampler = sampler;
    this.law = law;
    this.rng = rng;
    this.queued = new Uint8Array(Math.ceil(law.pages / 8));
    this.epoch = sampler.epoch;
  }

  /** Draw count of the next sample of a plain draw (Infinity if none is due). */
  nextKey(k: Kernel, drawn: number): number {
    if (this.epoch !== this.sampler.epoch) this.rebuild(k, drawn);
    return this.queue.minKey();
  }

  /** Takes the due sample (after nextKey): records it if its page is still plainly mapped. */
  fire(k: Kernel, drawn: number): void {
    const v = this.queue.minVpage();
    this.queue.pop();
    const i = v - this.law.base;
    this.queued[i >> 3]! &= ~(1 << (i & 7));
    // While the page was not plainly mapped its references were events: a plain-draw sample due
    // then is dropped, and the page queues again when it is mapped (pageMapped).
    if (plainNode(k, v) === NOT_MAPPED) return;
    this.sampler.record(k, v, 1);
    this.schedule(drawn, v);
  }

  /** Queues v's next sample unless it has one (memoryless: an old entry stays valid). */
  schedule(drawn: number, v: number): void {
    const i = v - this.law.base;
    const bit = 1 << (i & 7);
    if (this.queued[i >> 3]! & bit) return;
    const p = this.law.p(i);
    if (!(p > 0)) return;
    this.queued[i >> 3]! |= bit;
    this.queue.push(drawn - (Math.log(1 - this.rng.float()) * this.sampler.period) / p, v);
  }

  /** An event's reference to v (a fault or hint fault just completed) is sampled one time in `period`. */
  sampleEvent(k: Kernel, v: number): void {
    if (this.rng.float() * this.sampler.period < 1) this.sampler.record(k, v, 1);
  }

  /** From scratch (a new law or a new period): every plainly mapped page queues its next sample. */
  rebuild(k: Kernel, drawn: number): void {
    this.epoch = this.sampler.epoch;
    this.queue.clear();
    this.queued.fill(0);
    for (let i = 0; i < this.law.pages; i++) {
      const v = this.law.base + i;
      if (plainNode(k, v) !== NOT_MAPPED) this.schedule(drawn, v);
    }
  }
}
