// Replay of a Valgrind lackey trace: the host reads the file into dense page ids (trace/lackey.ts,
// main/trace) and the engine plays the references back against one region of the trace's footprint.
import type { TraceWorkload } from '../../shared/scenario/resolved.ts';
import { regionBase } from './share.ts';
import type { RefSource, WorkloadModel } from './types.ts';

/** Plays `refs` (id * 2 + write) `repeats` times, offset into the region starting at `base`. */
class TraceReplay implements RefSource {
  private next = 0;
  private pass = 0;
  private readonly refs: Uint32Array;
  private readonly offset: number;
  private readonly repeats: number;

  constructor(refs: Uint32Array, base: number, repeats: number) {
    this.refs = refs;
    this.offset = base * 2;
    this.repeats = repeats;
  }

  fill(buf: Uint32Array, max: number): number {
    let n = 0;
    while (n < max) {
      if (this.next === this.refs.length) {
        if (++this.pass >= this.repeats || this.refs.length === 0) break;
        this.next = 0;
      }
      buf[n++] = this.refs[this.next++]! + this.offset;
    }
    return n;
  }
}

/** One anonymous region of the footprint; every thread replays the whole trace over it. */
export function makeTrace(w: TraceWorkload): WorkloadModel {
  const data = w.data;
  if (!data) throw new Error(`trace workload "${w.name}": the host did not load ${w.file}`);
  return {
    regions: [{ pages: data.footprintPages, file: false }],
    threads: (bases) => {
      const base = regionBase(bases, 0);
      return Array.from({ length: w.threads }, () => new TraceReplay(data.refs, base, w.repeats));
    },
  };
}
