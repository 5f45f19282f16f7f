// Child process of the rate bench: a 1 TiB machine (256 GiB DRAM + 768 GiB CXL, 4 KiB pages) runs a
// 600 GiB zipf hot set under linux-tiering; prints wall time, kernel events and peak RSS. The target
// is 10 simulated minutes in under 60 s; `npm run bench -- --terabyte-minutes 10` runs all of them
// (the first ~3 minutes populate, one first-touch fault a page; the rest are ~0.27 M NUMA hint
// faults and ~0.65 M scanner PTE updates a simulated second, most of those faults past every hot
// threshold and counted in aggregate: src/engine/rate/hint-faults.ts), the default of 1 keeps the
// bench short.
import { runScenarioOnce } from './run-once.ts';
import { resolve } from './engine.ts';

const minutes = Number(process.argv[2] ?? 1);
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
  // Measured (README) with the classic LRU, before 6.12's MGLRU default: pinned so the figures stay comparable.
  policy: { preset: 'linux-tiering', knobs: { lru_gen_enabled: false } },
  workload: [{ name: 'zipf', type: 'hotset', size: '600GiB', distribution: 'zipf', cpu: 0 }],
  run: { durationMs: minutes * 60_000, tickMs: 10, sampleEveryMs: 1000, seed: 1, engine: 'rate' },
};
const r = runScenarioOnce(resolve(json));
const rssGiB = (process.resourceUsage().maxRSS * 1024) / 2 ** 30;
const vm = r.vmstat;
// What the engine's cost follows: first-touch and NUMA hint faults, and pages moved.
const events = vm.pgfault! + vm.pgmigrate_success!;
console.log(
  `${json.name}, ${minutes} simulated minute(s): ${(r.wallMs / 1000).toFixed(1)} s wall ` +
    `(target: 10 minutes in < 60 s), peak RSS ${rssGiB.toFixed(2)} GiB (target < 10 GiB); ` +
    `${(vm.pgfault! / 1e6).toFixed(1)} M faults (${(vm.numa_hint_faults! / 1e6).toFixed(1)} M NUMA hint faults), ` +
    `${vm.pgdemote_kswapd! + vm.pgdemote_direct!} demoted, ${vm.pgpromote_success!} promoted: ` +
    `${(events / (r.wallMs / 1000) / 1e6).toFixed(2)} M kernel events per wall second`,
);
