// Child process of the rate bench: a 1 TiB machine (256 GiB DRAM + 768 GiB CXL, 4 KiB pages) runs a
// 600 GiB zipf hot set under linux-tiering for 10 simulated minutes; prints wall time and peak RSS.
import { runScenarioOnce } from './run-once.ts';
import { resolve } from './engine.ts';

const json = {
  format: 'tierlab.scenario/1',
  name: '1 TiB machine: 600 GiB zipf hot set under linux-tiering',
  machine: {
    pageSize: '4KiB',
    nodes: [
      { id: 0, memory: 'dram', capacity: '256GiB', cpus: 32 },
      { id: 1, memory: 'cxl', capacity: '768GiB', cpus: 0 },
    ],
  },
  policy: { preset: 'linux-tiering' },
  workload: [{ name: 'zipf', type: 'hotset', size: '600GiB', distribution: 'zipf', cpu: 0 }],
  run: { durationMs: 600_000, tickMs: 10, sampleEveryMs: 1000, seed: 1, engine: 'rate' },
};
const r = runScenarioOnce(resolve(json));
const rssGiB = (process.resourceUsage().maxRSS * 1024) / 2 ** 30;
console.log(
  `${json.name}, 10 simulated minutes: ${(r.wallMs / 1000).toFixed(1)} s wall (target < 60 s), ` +
    `peak RSS ${rssGiB.toFixed(2)} GiB (target < 10 GiB); ${r.vmstat.pgfault} faults, ` +
    `${r.vmstat.pgdemote_kswapd + r.vmstat.pgdemote_direct} demoted, ${r.vmstat.pgpromote_success} promoted`,
);
