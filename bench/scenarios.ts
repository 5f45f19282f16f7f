// The fixed scenarios `npm run bench` measures. Each stresses a different path of the engine.
import { LS_TRACE } from '../tests/fixtures/lackey.ts';

type Json = Record<string, unknown>;

/** The scenario with `run.engine` set: the per-reference figures are the exact engine's. */
export const withEngine = (json: Json, engine: 'rate' | 'exact'): Json => ({
  ...json,
  run: { ...(json.run as Json), engine },
});

const machine = (dram: string, pmem: string, swap = true): Json => ({
  pageSize: '4KiB',
  nodes: [
    { id: 0, memory: 'dram', capacity: dram, cpus: 2 },
    { id: 1, memory: 'pmem', capacity: pmem, cpus: 0 },
  ],
  ...(swap ? { swap: { capacity: '2GiB', device: 'ssd' } } : {}),
});

const scenario = (name: string, m: Json, knobs: Json, workload: Json[], durationMs: number): Json => ({
  format: 'tierlab.scenario/1',
  name,
  machine: m,
  policy: { preset: 'linux', knobs },
  workload,
  run: { durationMs, tickMs: 10, sampleEveryMs: 100, seed: 1 },
});

export const BENCH_SCENARIOS: Json[] = [
  scenario(
    'hot loop: zipf hot set resident in DRAM',
    machine('4GiB', '8GiB'),
    {},
    [{ name: 'hot', type: 'hotset', size: '1GiB', distribution: 'zipf', cpu: 0 }],
    4000,
  ),
  scenario(
    'hot loop: two sysbench threads, random gaussian over DRAM + PMEM',
    machine('1GiB', '4GiB'),
    {},
    [
      {
        name: 'sb',
        type: 'sysbench-memory',
        blockSize: '1536MiB',
        totalSize: '1TiB',
        accessMode: 'rnd',
        randType: 'gaussian',
        threads: 2,
        cpu: 0,
      },
    ],
    4000,
  ),
  scenario(
    'promotion: NUMA balancing mode 2, a hot set 1.5x DRAM (hot 20% takes 80% of accesses)',
    machine('1GiB', '4GiB'),
    { demotion_enabled: true, numa_balancing: 2, scan_delay_ms: 0 },
    [{ name: 'hot', type: 'hotset', size: '1536MiB', distribution: 'hot', cpu: 0 }],
    4000,
  ),
  scenario(
    'promotion: NUMA balancing mode 2, zipf hot set twice the size of DRAM',
    machine('1GiB', '4GiB'),
    { demotion_enabled: true, numa_balancing: 2, scan_delay_ms: 0 },
    [{ name: 'hot', type: 'hotset', size: '2GiB', distribution: 'zipf', cpu: 0 }],
    4000,
  ),
  scenario(
    'reclaim: usemem 1.5x DRAM bound to DRAM, demotion on',
    machine('1GiB', '2GiB'),
    { demotion_enabled: true },
    [
      {
        name: 'usemem',
        type: 'usemem',
        size: '1536MiB',
        repeats: 3,
        cpu: 0,
        mempolicy: { mode: 'bind', nodes: [0] },
      },
    ],
    10000,
  ),
  scenario(
    'reclaim: grep streams 4 GiB through a 1 GiB page cache',
    machine('1GiB', '2GiB'),
    { demotion_enabled: true },
    [{ name: 'grep', type: 'grep', corpus: '4GiB', passes: 1, cpu: 0 }],
    30000,
  ),
];

/** The fixture trace replayed 200 times on a DRAM node that holds a third of its footprint. */
export const TRACE_REPLAY: Json = scenario(
  'trace replay: ls /usr/bin (lackey fixture) x 200, promotion on',
  {
    pageSize: '4KiB',
    nodes: [
      { id: 0, memory: 'dram', capacity: '192KiB', cpus: 1 },
      { id: 1, memory: 'pmem', capacity: '4MiB', cpus: 0 },
    ],
  },
  { demotion_enabled: true, numa_balancing: 2, scan_delay_ms: 0, min_free_kbytes: 128 },
  [
    {
      name: 'ls',
      type: 'trace',
      file: LS_TRACE,
      repeats: 200,
      cpu: 0,
    },
  ],
  60000,
);

/** The size target: a 64 GiB DRAM + 256 GiB PMEM machine at 4 KiB pages. */
export const BIG_MACHINE: Json = scenario(
  '64 GiB DRAM + 256 GiB PMEM',
  machine('64GiB', '256GiB'),
  { demotion_enabled: true },
  [{ name: 'toucher', type: 'usemem', size: '64MiB', cpu: 0 }],
  100,
);
