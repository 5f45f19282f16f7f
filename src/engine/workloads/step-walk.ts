// A thread that walks a byte range with a fixed step, pass after pass: usemem's inner loop, which
// also serves mmtests' usemem runs and grep's page-cache streaming. One reference per step.
import type { Rng } from '../random/rng.ts';
import type { RefSource } from './types.ts';

export interface StepWalkSpec {
  /** Global vpage of the range's first byte. */
  base: number;
  bytes: number;
  stepBytes: number;
  pageSize: number;
  passes: number;
  write: boolean;
  /** When set, each step goes to a uniformly random step position instead of the next one. */
  rng: Rng | null;
}

export class StepWalk implements RefSource {
  /** encodeRef(base, write): adding 2 * page gives a page's reference. */
  private readonly baseRef: number;
  private readonly nSteps: number;
  private readonly stepBytes: number;
  private readonly pageSize: number;
  private readonly passes: number;
  private readonly rng: Rng | null;
  private step = 0;
  private pass = 0;

  constructor(spec: StepWalkSpec) {
    this.baseRef = spec.base * 2 + (spec.write ? 1 : 0);
    // usemem: `for (i = 0; i < bytes/8; i += step/8)`, so ceil(bytes/step) steps a pass.
    this.nSteps = Math.ceil(spec.bytes / spec.stepBytes);
    this.stepBytes = spec.stepBytes;
    this.pageSize = spec.pageSize;
    // An empty range has nothing to walk; without this a pass would never end.
    this.passes = this.nSteps > 0 ? spec.passes : 0;
    this.rng = spec.rng;
  }

  /** References in one pass. */
  get stepsPerPass(): number {
    return this.nSteps;
  }

  fill(buf: Uint32Array, max: number): number {
    const { baseRef, nSteps, stepBytes, pageSize, passes, rng } = this;
    let step = this.step;
    let pass = this.pass;
    let n = 0;
    while (n < max && pass < passes) {
      const at = rng === null ? step : rng.int(nSteps);
      buf[n++] = baseRef + 2 * Math.floor((at * stepBytes) / pageSize);
      if (++step === nSteps) {
        step = 0;
        pass++;
      }
    }
    this.step = step;
    this.pass = pass;
    return n;
  }
}
