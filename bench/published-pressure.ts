// Promotion under pressure (issue 12 §3; the observation behind Huang Ying's promotion rate limit
// and TPP's hysteresis): once a uniformly hot working set spills far past the fast tier, every
// promotion needs a demotion to make room, pgdemote_* and pgpromote_success run at the same rate,
// and throughput is no better than with promotion off (the migrations cost time and the
// fast-tier hit ratio stays at DRAM's share of the set).
import { papersKernel, pct, runToEnd } from './published-run.ts';

function spill(multiple: number, preset: string, knobs: Record<string, unknown>): unknown {
  return {
    format: 'tierlab.scenario/1',
    name: `uniform hot set ${multiple}x DRAM, ${preset}`,
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '256MiB', cpus: 2 },
        { id: 1, memory: 'cxl', capacity: '4GiB', cpus: 0 },
      ],
    },
    policy: { preset, knobs: papersKernel(knobs) },
    workload: [
      {
        name: 'hot',
        type: 'hotset',
        size: `${256 * multiple}MiB`,
        distribution: 'uniform',
        readRatio: 0.8,
        cpu: 0,
      },
    ],
    run: { durationMs: 30000, tickMs: 10, sampleEveryMs: 1000, seed: 1 },
  };
}

const MiBps = (pages: number): string => `${((pages * 4096) / 2 ** 20 / 30).toFixed(1)} MiB/s`;

export function benchPublishedPressure(): void {
  console.log('== promotion under pressure: uniform hot set on DRAM 256 MiB + CXL 4 GiB (30 s)');
  console.log('  published: past the fast tier, demotion and promotion run at the same rate; no gain');
  let agree = 0;
  const multiples = [2, 4, 8];
  for (const m of multiples) {
    const off = runToEnd(spill(m, 'linux', { demotion_enabled: true }));
    const on = runToEnd(spill(m, 'linux-tiering', {}));
    const demoted = on.vmstat.pgdemote_kswapd! + on.vmstat.pgdemote_direct!;
    const promoted = on.vmstat.pgpromote_success!;
    const gain = on.tasks[0]!.throughput / off.tasks[0]!.throughput - 1;
    const sameRate = Math.abs(promoted / demoted - 1) < 0.15;
    if (sameRate && gain <= 0.02) agree++;
    console.log(
      `  ${`${m}x DRAM`.padEnd(8)} promotion on: demoted ${MiBps(demoted)}, promoted ${MiBps(promoted)} ` +
        `(ratio ${(promoted / demoted).toFixed(2)}), fast-tier hits ${pct(on.tasks[0]!.fastTierHitRatio)} ` +
        `vs ${pct(off.tasks[0]!.fastTierHitRatio)} off; throughput ${(gain * 100).toFixed(1)}% vs promotion off`,
    );
  }
  const verdict = agree === multiples.length ? 'agree' : agree > 0 ? 'partly' : 'disagree';
  console.log(
    `  verdict: ${verdict} (${agree} of ${multiples.length} spills: same rate within 15%, gain <= 2%)`,
  );
}
