// Runs where the rate engine counts most slow-tier hint faults in aggregate (rate/hint-faults.ts):
// a zipf set far bigger than DRAM lands in the slow tier, so its tail's pages wait millions of draws
// for their next touch, and a hot threshold of a few ms leaves most of them past it. One keeps the
// defaults beside that; one has the threshold auto-adjust every second against a 1 MB/s rate limit,
// so the adjust runs at aggregate faults' times. At 2 ms its step (2 * 2 / 16, integer ms) is 0, so
// the threshold stays at 2 ms; the 1 s scan_period_max keeps a scan every 500 ms, half the set each.
import { corpusEntry, type CorpusEntry, type Json } from './corpus.ts';

const HOT_MIB = 512;
const SLOW_MIB = 640;

function wideColdEntry(tag: string, knobs: Json): CorpusEntry {
  const e = corpusEntry('linux-tiering', 'zipf', 'slow-hot-nb2', 2000);
  const name = `${e.name} 2s wide-cold ${tag}`;
  const machine = e.file.machine as Json;
  const nodes = machine.nodes as Json[];
  const [filler, w] = e.file.workload as Json[];
  const policy = e.file.policy as Json;
  return {
    ...e,
    name,
    file: {
      ...e.file,
      name,
      machine: { ...machine, nodes: [nodes[0], { ...nodes[1], capacity: `${SLOW_MIB}MiB` }] },
      policy: { ...policy, knobs: { ...(policy.knobs as Json), ...knobs } },
      workload: [filler, { ...w, size: `${HOT_MIB}MiB` }],
    },
  };
}

export function hintAggregateEntries(): CorpusEntry[] {
  return [
    wideColdEntry('th2', { hot_threshold_ms: 2 }),
    wideColdEntry('th2-adjust', {
      hot_threshold_ms: 2,
      numa_balancing_promote_rate_limit_MBps: 1,
      scan_period_max_ms: 1000,
    }),
  ];
}
