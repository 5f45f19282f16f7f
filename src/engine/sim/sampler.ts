// Collects a sample every sampleEveryMs: per node, the event counters as they stand and the gauges
// (free pages, LRU sizes, ...) read from the page state at that moment, and their machine-wide sum.
import { readColloidGauges } from '../mm/colloid.ts';
import { COUNTERS, NR_COUNTERS, STAT, recordedCounters } from '../../shared/vmstat.ts';
import { emptyColumns, numaStatColumn, sumOverNodes, type SampleBatch } from '../../shared/samples.ts';
import { MEMCG_SAMPLE_COLUMNS } from '../../shared/memcg-stat.ts';
import { readCgroupStat } from './memcg-stat.ts';
import type { Kernel } from '../mm/kernel.ts';
import { nrFreePageblocks } from '../mm/free-area.ts';
import { lruSize } from '../mm/lru.ts';
import {
  genPages,
  LRU_GEN_ANON,
  LRU_GEN_FILE,
  lruGenFromSeq,
  MAX_NR_GENS,
  type LruGen,
} from '../mm/lru-gen.ts';
import { createHeatLog, recordHeat, type HeatLog } from './heat-log.ts';
import { takeFleetSnapshot } from './fleet-snapshot.ts';
import { NR_COLD_AGE_BINS } from '../../shared/fleet-metrics.ts';
import { LRU_ACTIVE_ANON, LRU_ACTIVE_FILE, LRU_INACTIVE_ANON, LRU_INACTIVE_FILE } from '../mm/page-flags.ts';

export interface Sampler {
  /** The samples taken since the last takeSamples, column by column. */
  batch: SampleBatch;
  /** This sample's per-node rows, node after node (scratch, reused). */
  nodeRows: Float64Array;
  /** The machine-wide row of the latest sample, for progress reports. */
  latest: Float64Array;
  /** Every sample's time and per-workload residency (group x node), kept for the result. */
  residencyTimes: number[];
  residency: number[][];
  /** Every sample's cumulative references per workload, for throughput over time. */
  references: number[][];
  /** Every sample's cumulative top-tier hits per workload, for the hit ratio over time. */
  fastTierHits: number[][];
  /** References and top-tier share per address bucket over time, for the access heatmap. */
  heat: HeatLog;
  /** Every sample's estimated working-set pages per workload (fleet-snapshot.ts). */
  workingSet: number[][];
}

export function createSampler(k: Kernel): Sampler {
  return {
    batch: newBatch(k),
    nodeRows: new Float64Array(k.m.nrNodes * NR_COUNTERS),
    latest: new Float64Array(NR_COUNTERS),
    residencyTimes: [],
    residency: [],
    references: [],
    fastTierHits: [],
    heat: createHeatLog(k.heat),
    workingSet: [],
  };
}

/** A batch with a column for each counter the run's kernel records, machine-wide and per node, and per cgroup. */
function newBatch(k: Kernel): SampleBatch {
  const nodes: SampleBatch['nodes'] = {};
  const perNode = recordedCounters(k.kernel, 'node');
  for (let n = 0; n < k.m.nrNodes; n++) nodes[n] = emptyColumns(perNode);
  const batch: SampleBatch = {
    timesMs: [],
    counters: emptyColumns(recordedCounters(k.kernel, 'machine')),
    nodes,
  };
  if (k.memcg.names.length > 1) {
    batch.cgroups = {};
    for (const name of k.memcg.names.slice(1))
      batch.cgroups[name] = emptyColumns(cgroupColumnNames(k.m.nrNodes));
  }
  return batch;
}

function cgroupColumnNames(nrNodes: number): string[] {
  const nodes = Array.from({ length: nrNodes }, (_, n) => n);
  return [
    ...MEMCG_SAMPLE_COLUMNS,
    ...nodes.map((n) => numaStatColumn('anon', n)),
    ...nodes.map((n) => numaStatColumn('file', n)),
  ];
}

/** Each cgroup's files at this sample, into its columns. */
function recordCgroups(b: SampleBatch, k: Kernel): void {
  if (!b.cgroups) return;
  for (let memcg = 1; memcg < k.memcg.names.length; memcg++) {
    const c = readCgroupStat(k, memcg);
    const columns = b.cgroups[c.name]!;
    columns.current!.push(c.current);
    for (const name of MEMCG_SAMPLE_COLUMNS) {
      if (name === 'current') continue;
      columns[name]!.push(
        name in c.events ? c.events[name as keyof typeof c.events] : c.stat[name as keyof typeof c.stat],
      );
    }
    c.numaStat.anon.forEach((bytes, n) => columns[numaStatColumn('anon', n)]!.push(bytes));
    c.numaStat.file.forEach((bytes, n) => columns[numaStatColumn('file', n)]!.push(bytes));
  }
}

export function readNodeCounters(k: Kernel, n: number, row: Float64Array): void {
  row.set(k.stats.subarray(n * NR_COUNTERS, (n + 1) * NR_COUNTERS));
  const ia = lruSize(k.m, n, LRU_INACTIVE_ANON);
  const aa = lruSize(k.m, n, LRU_ACTIVE_ANON);
  const inf = lruSize(k.m, n, LRU_INACTIVE_FILE);
  const af = lruSize(k.m, n, LRU_ACTIVE_FILE);
  row[STAT.nr_free_pages] = k.m.nrFree[n]!;
  row[STAT.nr_inactive_anon] = ia;
  row[STAT.nr_active_anon] = aa;
  row[STAT.nr_inactive_file] = inf;
  row[STAT.nr_active_file] = af;
  // NR_ANON_MAPPED: pages read ahead into the swap cache sit on the anon LRU but are not mapped.
  row[STAT.nr_anon_pages] = ia + aa - (k.swap ? k.swap.nrUnmapped[n]! : 0);
  // Swap-cache pages are counted in NR_FILE_PAGES too, as __add_to_swap_cache() does.
  const swapcached = k.swap ? k.swap.nrSwapcached[n]! : 0;
  row[STAT.nr_file_pages] = inf + af + swapcached;
  row[STAT.nr_swapcached] = swapcached;
  row[STAT.nr_dirty] = k.m.nrDirty[n]!;
  // Swap is machine-wide; it is carried on node 0's row so that sums over nodes stay right.
  row[STAT.nr_swap_used] = n === 0 && k.swap ? k.swap.usedPages : 0;
  row[STAT.nr_page_table_pages] = k.kmem.nrPageTablePages[n]!;
  row[STAT.nr_slab_reclaimable] = k.kmem.nrSlabReclaimable[n]!;
  row[STAT.nr_free_pageblocks] = nrFreePageblocks(k.m.area, n);
  row[STAT.nr_watermark_boost] = k.watermarkBoost[n]!;
  row[STAT.mem_read_latency_ns] = k.latency[n * 2]!;
  readColloidGauges(k, n, row);
  if (k.m.lrugen) readLruGen(k, n, row);
  // As of the latest sample (takeFleetSnapshot).
  for (let b = 0; b < NR_COLD_AGE_BINS; b++)
    row[STAT.cold_age_pages_0 + b] = k.fleet.nodeBins[n * NR_COLD_AGE_BINS + b]!;
}

/**
 * The node's generations as lru_gen_seq_show() prints them, youngest first: slot i is seq
 * max_seq - i, with its age (now - birth) and its anon and file pages (0 below a type's min_seq).
 * With cgroups each memcg has its own lrugen on the node: the pages are summed slot by slot over
 * them, and the seqs and ages are those of the node's largest lruvec.
 */
function readLruGen(k: Kernel, n: number, row: Float64Array): void {
  const lg = k.m.lrugen!;
  let largest = n;
  let largestPages = -1;
  for (let lv = n; lv < lg.nrLruvecs; lv += lg.nrNodes) {
    const pages = lruvecPages(lg, lv);
    if (pages > largestPages) [largest, largestPages] = [lv, pages];
  }
  row[STAT.lru_gen_max_seq] = lg.maxSeq[largest]!;
  row[STAT.lru_gen_min_seq_anon] = lg.minSeq[largest * 2 + LRU_GEN_ANON]!;
  row[STAT.lru_gen_min_seq_file] = lg.minSeq[largest * 2 + LRU_GEN_FILE]!;
  const nowMs = k.nowNs / 1e6;
  for (let i = 0; i < MAX_NR_GENS; i++) {
    let anon = 0;
    let file = 0;
    for (let lv = n; lv < lg.nrLruvecs; lv += lg.nrNodes) {
      const seq = lg.maxSeq[lv]! - i;
      if (seq >= lg.minSeq[lv * 2 + LRU_GEN_ANON]!) anon += genPages(lg, lv, seq, LRU_GEN_ANON);
      if (seq >= lg.minSeq[lv * 2 + LRU_GEN_FILE]!) file += genPages(lg, lv, seq, LRU_GEN_FILE);
    }
    row[STAT.lru_gen_anon_0 + i] = anon;
    row[STAT.lru_gen_file_0 + i] = file;
    const seq = lg.maxSeq[largest]! - i;
    row[STAT.lru_gen_age_ms_0 + i] =
      seq >= 0 ? nowMs - lg.birthMs[largest * MAX_NR_GENS + lruGenFromSeq(seq)]! : 0;
  }
}

/** Every page on one lruvec's generations. */
function lruvecPages(lg: LruGen, lruvec: number): number {
  let pages = 0;
  for (let gen = 0; gen < MAX_NR_GENS; gen++)
    pages += genPages(lg, lruvec, gen, LRU_GEN_ANON) + genPages(lg, lruvec, gen, LRU_GEN_FILE);
  return pages;
}

export function recordSample(
  s: Sampler,
  k: Kernel,
  timeMs: number,
  referencesByGroup: number[],
  fastTierHitsByGroup: number[],
): void {
  const nrNodes = k.m.nrNodes;
  takeFleetSnapshot(k, timeMs * 1e6);
  s.workingSet.push(Array.from(k.fleet.workingSet));
  for (let n = 0; n < nrNodes; n++)
    readNodeCounters(k, n, s.nodeRows.subarray(n * NR_COUNTERS, (n + 1) * NR_COUNTERS));
  sumOverNodes(s.nodeRows, nrNodes, s.latest);
  const b = s.batch;
  b.timesMs.push(timeMs);
  // Only the kernel's counters have columns; the row keeps every counter the model counts.
  for (let c = 0; c < NR_COUNTERS; c++) {
    const name = COUNTERS[c]!;
    b.counters[name]?.push(s.latest[c]!);
    for (let n = 0; n < nrNodes; n++) b.nodes[n]![name]?.push(s.nodeRows[n * NR_COUNTERS + c]!);
  }
  recordCgroups(b, k);
  s.residencyTimes.push(timeMs);
  s.residency.push(Array.from(k.resident));
  s.references.push(referencesByGroup);
  s.fastTierHits.push(fastTierHitsByGroup);
  k.refs?.settleHeat(k);
  recordHeat(s.heat, k, timeMs);
}

/** Hands over the samples taken since the last call (the sampler starts a new batch), or null. */
export function takeSamples(s: Sampler, k: Kernel): SampleBatch | null {
  if (s.batch.timesMs.length === 0) return null;
  const batch = s.batch;
  s.batch = newBatch(k);
  return batch;
}
