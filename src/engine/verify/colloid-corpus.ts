// Colloid's runs for the verify corpus: its own regime, DRAM loaded by a STREAM antagonist past the
// alternate tier's latency, so hot DRAM pages are demoted at their hint faults (steady, and in
// bursts that flip the latencies' order), and a hot set in the slow tier promoted within delta p.
// The alternate tier is a 135 ns CXL node (the paper's lowest unloaded latency), so the antagonist
// can make DRAM the slower tier; every preset x regime of corpus.ts runs colloid on PMEM as well.
import {
  corpusEntry,
  DRAM_MIB,
  renamed,
  workload,
  type CorpusEntry,
  type Json,
  type WorkloadKind,
} from './corpus.ts';

/**
 * Scans every ~200 ms from the start, so a run sees several passes of hint faults. Not 200: when
 * update_task_scan_period() doubles the period it counts from the pass's first hint fault, which
 * the rate engine places at the tick's start and the exact engine a reference later, so a period
 * that is a multiple of the tick would put the next scan a tick apart in the two engines.
 */
const COLLOID_KNOBS = {
  demotion_enabled: true,
  numa_balancing: 6,
  scan_delay_ms: 0,
  scan_period_min_ms: 207,
};

/** `e` on DRAM + the 135 ns CXL node, with Colloid's knobs over the regime's. */
function onCxl(e: CorpusEntry, name: string, workloads: Json[], knobs: Json = {}): CorpusEntry {
  const machine = e.file.machine as Json;
  const nodes = machine.nodes as Json[];
  const cxl = {
    id: 1,
    memory: 'cxl',
    capacity: (nodes[1] as Json).capacity,
    cpus: 0,
    readLatencyNs: 135,
    writeLatencyNs: 135,
  };
  return renamed(e, name, {
    machine: { ...machine, nodes: [nodes[0], cxl] },
    policy: { preset: 'colloid', knobs: { ...COLLOID_KNOBS, ...knobs } },
    workload: workloads,
  });
}

/**
 * A hot set of 0.8 x DRAM beside an antagonist on DRAM from 200 ms, steady or 500 ms on / 500 ms
 * off, for 2 s: 11 GB/s takes DRAM just past the CXL node's 135 ns, so the first quantum demotes
 * (delta p is large: the antagonist's reads count in p, as the CHA counts them) and the next ones
 * promote back within their delta p.
 */
export function loadedDramEntry(kind: WorkloadKind, bursts: boolean): CorpusEntry {
  const e = corpusEntry('colloid', kind, 'fits', 2000);
  const stream = {
    name: 'stream',
    type: 'stream',
    node: 0,
    bandwidthGBps: 11,
    startMs: 200,
    ...(bursts ? { onMs: 500, offMs: 500 } : {}),
  };
  const name = `colloid ${kind} loaded-dram${bursts ? '-bursts' : ''}`;
  return onCxl(e, name, [workload(kind, 'w', DRAM_MIB * 0.8, { threads: 2 }), stream]);
}

/** The slow-hot regime under numa_balancing 6: DRAM unloaded, promotion within each quantum's delta p. */
export function slowHotColloidEntry(kind: WorkloadKind): CorpusEntry {
  const e = corpusEntry('colloid', kind, 'slow-hot-nb2');
  return onCxl(e, `colloid ${kind} slow-hot-colloid`, e.file.workload as Json[]);
}

export function colloidEntries(): CorpusEntry[] {
  return [
    loadedDramEntry('hot', false),
    loadedDramEntry('zipf', false),
    loadedDramEntry('uniform', false),
    loadedDramEntry('hot', true),
    slowHotColloidEntry('hot'),
    slowHotColloidEntry('zipf'),
  ];
}
