// The one entry point from a scenario's workload to the engine's view of it: regions plus a
// reference source per thread.
import type { ResolvedWorkload } from '../../shared/scenario/resolved.ts';
import { makeGrep } from './grep.ts';
import { makeHotset } from './hotset.ts';
import { makeSysbenchMemory } from './sysbench-memory.ts';
import type { WorkloadModel } from './types.ts';
import { makeUsememStress } from './usemem-stress-numa-compact.ts';
import { makeUsemem } from './usemem.ts';
import { makeTrace } from './trace.ts';
import { makeStream } from './stream.ts';

export type { RefSource, RegionSpec, WorkloadModel } from './types.ts';
export { encodeRef } from './types.ts';

/** `totalRamBytes` is the machine's memory over all nodes (mmtests' MEMTOTAL_BYTES). */
export function makeWorkload(w: ResolvedWorkload, pageSize: number, totalRamBytes: number): WorkloadModel {
  switch (w.type) {
    case 'usemem':
      return makeUsemem(w, pageSize, totalRamBytes);
    case 'usemem-stress-numa-compact':
      return makeUsememStress(w, pageSize, totalRamBytes);
    case 'sysbench-memory':
      return makeSysbenchMemory(w, pageSize, totalRamBytes);
    case 'grep':
      return makeGrep(w, pageSize, totalRamBytes);
    case 'hotset':
      return makeHotset(w, pageSize, totalRamBytes);
    case 'trace':
      return makeTrace(w);
    case 'stream':
      return makeStream();
    default: {
      const unknown: never = w;
      throw new Error(`unknown workload type ${JSON.stringify(unknown)}`);
    }
  }
}
