// TPP's cover letter (Hasan Al Maruf, linux-mm 2021-11-24, cover.1637778851.git.hasanalmaruf@fb.com):
// a Meta cache application on DRAM + CXL-attached DRAM at 1:4. "With default page placement
// policy, file caches fills up the toptier node and anons get trapped in the slowtier node. Only
// 14% of the total anons reside in toptier node. Remote NUMA read bandwidth is 80%. Throughput
// regression is 18% compared to all memory being served from toptier node. [TPP] brings 80% of
// the anons to the toptier node ... remote NUMA read bandwidth reduces from 80% to 40% ...
// throughput regression is only 5%."
// The letter's baseline is the default placement of its 5.16-rc kernel: no promotion, and
// demotion (v5.15) off by default; we run `linux` with demotion off and on (the same here: kswapd
// on DRAM is never woken while CXL has free pages, so nothing is demoted), mainline tiering for
// reference, `tpp`, and the all-DRAM baseline the letter measures its regression against.
import { machineHitRatio } from '../src/shared/hit-ratio.ts';
import { papersKernel, pct, runToEnd, task, topTierShare } from './published-run.ts';

/** DRAM 512 MiB : CXL 2 GiB; page cache read over and over fills DRAM first, the anon heap comes 3 s later. */
function cacheApp(preset: string, knobs: Record<string, unknown>, allDram = false): unknown {
  const nodes = allDram
    ? [{ id: 0, memory: 'dram', capacity: '2560MiB', cpus: 2 }]
    : [
        { id: 0, memory: 'dram', capacity: '512MiB', cpus: 2 },
        { id: 1, memory: 'cxl', capacity: '2GiB', cpus: 0 },
      ];
  return {
    format: 'tierlab.scenario/1',
    name: `TPP cache app, ${preset}`,
    machine: { pageSize: '4KiB', nodes },
    policy: { preset, knobs: papersKernel(knobs) },
    workload: [
      { name: 'files', type: 'grep', corpus: '768MiB', passes: 100, cpu: 0 },
      {
        name: 'anon',
        type: 'hotset',
        size: '640MiB',
        distribution: 'hot',
        hotFraction: 0.3,
        hotProbability: 0.9,
        readRatio: 0.8,
        cpu: 0,
        startMs: 3000,
      },
    ],
    run: { durationMs: 30000, tickMs: 10, sampleEveryMs: 1000, seed: 1 },
  };
}

interface TppFigures {
  anonTopShare: number;
  slowShare: number;
  regression: number;
}

function measure(json: unknown, baselineThroughput: number): TppFigures {
  const r = runToEnd(json);
  const anon = task(r, 'anon');
  return {
    anonTopShare: topTierShare(r, anon),
    slowShare: 1 - machineHitRatio(r),
    regression: 1 - anon.throughput / baselineThroughput,
  };
}

export function benchPublishedTpp(): void {
  console.log('== TPP cover letter: DRAM:CXL 1:4, page cache first, then a 640 MiB anon heap (30 s)');
  const baseline = task(runToEnd(cacheApp('linux', {}, true)), 'anon').throughput;
  const rows: [string, TppFigures][] = [
    ['linux, demotion off (the letter)', measure(cacheApp('linux', {}), baseline)],
    ['linux, demotion on', measure(cacheApp('linux', { demotion_enabled: true }), baseline)],
    ['linux-tiering (NUMAB 2)', measure(cacheApp('linux-tiering', {}), baseline)],
    ['tpp', measure(cacheApp('tpp', {}), baseline)],
  ];
  console.log('  published: default 14% of anon in DRAM, 80% remote reads, -18%; TPP 80%, 40%, -5%');
  for (const [label, f] of rows) {
    console.log(
      `  ${label.padEnd(34)} anon in DRAM ${pct(f.anonTopShare).padStart(4)}, ` +
        `slow-tier references ${pct(f.slowShare).padStart(4)}, ` +
        `anon throughput ${(-f.regression * 100).toFixed(1)}% vs all-DRAM`,
    );
  }
  const def = rows[0]![1];
  const tpp = rows[3]![1];
  const direction =
    def.anonTopShare < 0.3 && tpp.anonTopShare > 2 * def.anonTopShare && tpp.regression < def.regression;
  const size = Math.abs(tpp.regression - 0.05) < 0.05 && Math.abs(def.regression - 0.18) < 0.1;
  console.log(
    `  verdict: ${direction ? (size ? 'agree' : 'partly') : 'disagree'}: ` +
      `direction ${direction ? 'as published' : 'not as published'}; sizes ${size ? 'close' : 'differ'} ` +
      '(our anon task is all memory references, so slow memory costs it more than a real application)',
  );
}
