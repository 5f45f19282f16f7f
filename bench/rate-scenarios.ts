// The kernel-like scenarios the rate engine's speed target is measured on (60 simulated seconds
// each; target: under 1 s of wall time in the rate engine), on the seeds' QEMU-like machine:
// 256 MiB of DRAM and 768 MiB of PMEM (seeds/ run their tests on about 266 + 768 MiB).
type Json = Record<string, unknown>;

const machine = (swap: boolean): Json => ({
  pageSize: '4KiB',
  nodes: [
    { id: 0, memory: 'dram', capacity: '256MiB', cpus: 2 },
    { id: 1, memory: 'pmem', capacity: '768MiB', cpus: 0 },
  ],
  ...(swap ? { swap: { capacity: '1GiB', device: 'ssd' } } : {}),
});

const hot = (size: string, extra: Json = {}): Json => ({
  name: 'hot',
  type: 'hotset',
  size,
  distribution: 'hot',
  hotFraction: 0.2,
  hotProbability: 0.8,
  cpu: 0,
  ...extra,
});

/** A cold filler that takes DRAM first, so a hot set started after it lands in the slow tier. */
const filler: Json = { name: 'filler', type: 'usemem', size: '240MiB', repeats: 1, cpu: 0 };

const scenario = (
  name: string,
  preset: string,
  knobs: Json,
  workload: Json[],
  swap = false,
  durationMs = 60_000,
): Json => ({
  format: 'tierlab.scenario/1',
  name,
  machine: machine(swap),
  policy: { preset, knobs },
  workload,
  run: { durationMs, tickMs: 10, sampleEveryMs: 1000, seed: 1 },
});

export const RATE_SCENARIOS: Json[] = [
  scenario('hot set 1.5x DRAM, demotion on', 'linux', { demotion_enabled: true }, [hot('384MiB')]),
  scenario('hot set 1.5x DRAM, demotion off', 'linux', { demotion_enabled: false }, [hot('384MiB')]),
  scenario('hot set 3x DRAM, demotion on', 'linux', { demotion_enabled: true }, [hot('768MiB')]),
  scenario(
    'hot set 1.5x DRAM bound to DRAM (swap)',
    'linux',
    { demotion_enabled: true },
    [hot('384MiB', { mempolicy: { mode: 'bind', nodes: [0] } })],
    true,
  ),
  scenario(
    'NUMA balancing 1, hot set in the slow tier',
    'linux',
    { demotion_enabled: true, numa_balancing: 1 },
    [filler, hot('256MiB', { startMs: 2000 })],
  ),
  scenario('NUMA balancing 2, hot set in the slow tier', 'linux-tiering', {}, [
    filler,
    hot('256MiB', { startMs: 2000 }),
  ]),
  scenario(
    'swap: zipf hot set past DRAM + PMEM, demotion off',
    'linux',
    { demotion_enabled: false },
    [hot('1152MiB', { distribution: 'zipf' })],
    true,
  ),
  scenario('page-cache stream: grep 1 GiB twice beside a hot set', 'linux', { demotion_enabled: true }, [
    hot('128MiB'),
    { name: 'grep', type: 'grep', corpus: '1GiB', passes: 2, cpu: 0 },
  ]),
];
