// Checks against what the engine can hold (./limits.ts): page frames per node and in all, the
// threads and virtual pages of the workloads, and the ticks and samples of the run. Each error
// names the field that crosses the limit and states the limit, so a file is refused before a run
// wraps a counter or allocates until the host gives up.
import { NR_COUNTERS } from '../vmstat.ts';
import { formatSize } from '../units.ts';
import { showBytes } from './errors.ts';
import { exactSizeText } from './size-text.ts';
import { MAX_PAGE_FRAMES, MAX_SAMPLE_ROWS, MAX_THREADS, MAX_TICKS, MAX_VIRTUAL_PAGES } from './limits.ts';
import type { Report } from './check.ts';
import type { ScenarioParts } from './salvage.ts';
import type { ParsedWorkload } from './workload-schema.ts';
import { workloadThreads, workloadVirtualPages } from './virtual-pages.ts';

/** Bytes exactly where a unit is exact ("8TiB"), else roughly ("about 8TiB"). */
const aboutBytes = (bytes: number): string => exactSizeText(bytes) ?? `about ${formatSize(bytes)}`;

/** A count as a message writes it: whole below a million, else like 1e21 or 2.5e9. */
function count(n: number): string {
  if (n < 1e6) return String(n);
  const [mantissa, exponent] = n.toExponential(2).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** `page` is the machine's page size when it is valid, else the checks that need it are skipped. */
export function checkLimits(parts: ScenarioParts, page: number | undefined, report: Report): void {
  if (page !== undefined && parts.nodes) checkFrames(parts.nodes, page, report);
  // Threads multiply a workload's pages: with too many, its pages say nothing more.
  const threadsFit = parts.workload ? checkThreads(parts.workload, report) : true;
  if (page !== undefined && threadsFit) checkVirtualPages(parts, page, report);
  if (parts.run) checkRunLength(parts.run, parts.nodes?.length ?? 1, report);
}

/** "(at most 2147483646 page frames = 8TiB less 8KiB at 4KiB pages)": "about 8TiB" would read as 8TiB. */
function framesLimit(page: number): string {
  const shortOf = 2 ** 31 - MAX_PAGE_FRAMES;
  const bytes = `${aboutBytes(2 ** 31 * page)} less ${showBytes(shortOf * page)}`;
  return `(at most ${MAX_PAGE_FRAMES} page frames = ${bytes} at ${showBytes(page)} pages)`;
}

/** Each node, then all of them: the engine numbers every node's frames in one pfn space. */
function checkFrames(nodes: NonNullable<ScenarioParts['nodes']>, page: number, report: Report): void {
  let total = 0;
  let eachFits = true;
  nodes.forEach((node, i) => {
    if (node?.capacity === undefined) return;
    const frames = Math.floor(node.capacity / page);
    total += frames;
    if (frames > MAX_PAGE_FRAMES) {
      eachFits = false;
      report(
        `machine.nodes[${i}].capacity`,
        `${showBytes(node.capacity)} is more than the engine can hold ${framesLimit(page)}`,
      );
    }
  });
  if (eachFits && total > MAX_PAGE_FRAMES) {
    report(
      'machine.nodes',
      `together the nodes hold ${total} page frames (${aboutBytes(total * page)}), ` +
        `more than the engine can hold ${framesLimit(page)}`,
    );
  }
}

/** The field that sizes an entry's memory, and that memory as the file gives it. */
function sizing(w: ParsedWorkload, ramBytes: number): { field: string; text: string } {
  const each = (bytes: number, threads: number) =>
    threads === 1 ? showBytes(bytes) : `${showBytes(bytes)} in each of ${threads} threads`;
  switch (w.type) {
    case 'usemem':
      return { field: 'size', text: each(w.size, w.threads) };
    case 'usemem-stress-numa-compact':
      return { field: 'fraction', text: `${w.fraction} of the machine's ${showBytes(ramBytes)}` };
    case 'sysbench-memory':
      return { field: 'blockSize', text: each(w.blockSize, w.scope === 'local' ? w.threads : 1) };
    case 'grep':
      return { field: 'corpus', text: showBytes(w.corpus) };
    case 'hotset':
      return { field: 'size', text: showBytes(w.size) };
    case 'multi-tenant': {
      const bytes = w.vms.reduce((sum, vm) => sum + vm.size, 0);
      return { field: 'vms', text: `the VMs' ${aboutBytes(bytes)}` };
    }
    case 'trace':
      return { field: 'file', text: 'the trace' };
    case 'stream':
      return { field: 'bandwidthGBps', text: 'no memory' };
  }
}

/** Threads per entry, then in all; false when some entry alone has too many. */
function checkThreads(workload: NonNullable<ScenarioParts['workload']>, report: Report): boolean {
  let threads = 0;
  let eachFits = true;
  workload.forEach((w, i) => {
    if (w?.common.threads === undefined) return;
    const tasks = workloadThreads(w.common.threads, w.whole);
    threads += tasks;
    if (tasks <= MAX_THREADS) return;
    eachFits = false;
    const what = tasks === w.common.threads ? `${tasks}` : `${w.common.threads} in each VM, ${tasks} in all,`;
    report(
      `workload[${i}].threads`,
      `${what} is more than the engine runs (at most ${MAX_THREADS} threads over all workloads)`,
    );
  });
  if (eachFits && threads > MAX_THREADS) {
    report(
      'workload',
      `together the workloads run ${threads} threads; the engine runs at most ${MAX_THREADS}`,
    );
  }
  return eachFits;
}

/** Virtual pages per entry, then in all: every workload's regions share one vpage space. */
function checkVirtualPages(parts: ScenarioParts, page: number, report: Report): void {
  const ramBytes = (parts.nodes ?? []).reduce((sum, n) => sum + (n?.capacity ?? 0), 0);
  const limit =
    `(at most ${MAX_VIRTUAL_PAGES} virtual pages = ${aboutBytes(MAX_VIRTUAL_PAGES * page)} at ` +
    `${showBytes(page)} pages, over all workloads)`;
  let pages = 0;
  let eachFits = true;
  parts.workload?.forEach((w, i) => {
    if (!w?.whole) return;
    const mapped = workloadVirtualPages(w.whole, page, ramBytes);
    pages += mapped;
    if (mapped <= MAX_VIRTUAL_PAGES) return;
    eachFits = false;
    const { field, text } = sizing(w.whole, ramBytes);
    report(`workload[${i}].${field}`, `${text} is more than the engine can hold ${limit}`);
  });
  if (eachFits && pages > MAX_VIRTUAL_PAGES) {
    report(
      'workload',
      `together the workloads map ${pages} virtual pages (${aboutBytes(pages * page)}), ` +
        `more than the engine can hold ${limit}`,
    );
  }
}

/** Ticks and sample rows: the run's loop count and the memory its samples keep. */
function checkRunLength(run: NonNullable<ScenarioParts['run']>, nrNodes: number, report: Report): void {
  const { durationMs, tickMs, sampleEveryMs } = run;
  if (durationMs === undefined) return;
  if (tickMs !== undefined && Math.ceil(durationMs / tickMs) > MAX_TICKS) {
    report(
      'run.tickMs',
      `a ${durationMs} ms run in ticks of ${tickMs} ms is ${count(Math.ceil(durationMs / tickMs))} ticks; ` +
        `the engine runs at most ${count(MAX_TICKS)}, each a pass over every task and node ` +
        '(make tickMs longer or durationMs shorter)',
    );
  }
  if (sampleEveryMs === undefined) return;
  // One sample at time 0, then one every sampleEveryMs and one at the end.
  const samples = Math.ceil(durationMs / sampleEveryMs) + 1;
  if (samples * nrNodes > MAX_SAMPLE_ROWS) {
    const rowBytes = NR_COUNTERS * 8;
    report(
      'run.sampleEveryMs',
      `a ${durationMs} ms run sampled every ${sampleEveryMs} ms is ${count(samples)} samples of ` +
        `${nrNodes} node${nrNodes === 1 ? '' : 's'}; the engine keeps at most ${count(MAX_SAMPLE_ROWS)} ` +
        `node rows of ${rowBytes} bytes (${Math.round((MAX_SAMPLE_ROWS * rowBytes) / 1e6)} MB) ` +
        '(make sampleEveryMs longer or durationMs shorter)',
    );
  }
}
