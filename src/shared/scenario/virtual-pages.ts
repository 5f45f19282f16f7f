// The virtual pages a workload maps, sized as the engine's workload models size their regions
// (src/engine/workloads/*.ts), so the checks can refuse a file whose page table the engine cannot
// hold. src/engine/sim/limits.test.ts checks the two agree for every workload type.
import type { ParsedWorkload } from './workload-schema.ts';

/** Pages needed to map `bytes`: a partial last page is still a page. */
const pagesFor = (bytes: number, pageSize: number): number => Math.ceil(bytes / pageSize);

/**
 * Virtual pages of one workload entry. A trace's footprint is only known once the host has read
 * the trace file, so it counts 0 here.
 */
export function workloadVirtualPages(w: ParsedWorkload, pageSize: number, totalRamBytes: number): number {
  switch (w.type) {
    case 'usemem':
      return w.threads * pagesFor(w.size, pageSize);
    case 'usemem-stress-numa-compact':
      return w.threads * pagesFor(Math.floor((w.fraction * totalRamBytes) / w.threads), pageSize);
    case 'sysbench-memory':
      return (w.scope === 'global' ? 1 : w.threads) * pagesFor(w.blockSize, pageSize);
    case 'grep':
      return pagesFor(w.corpus, pageSize);
    case 'hotset':
      return pagesFor(w.size, pageSize);
    case 'multi-tenant':
      return w.vms.reduce((sum, vm) => sum + pagesFor(vm.size, pageSize), 0);
    case 'trace':
    case 'stream':
      return 0;
  }
}

/**
 * Threads (engine tasks) of one entry: a multi-tenant entry runs its threads in each VM, a stream
 * antagonist none.
 */
export function workloadThreads(threads: number, w: ParsedWorkload | undefined): number {
  if (w?.type === 'stream') return 0;
  return w?.type === 'multi-tenant' ? threads * w.vms.length : threads;
}
