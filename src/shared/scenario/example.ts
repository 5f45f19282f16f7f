// The scenario from the format's specification (issue 2): 1.5x DRAM of anonymous memory with demotion
// on. A starting point for the UI's "new scenario", the docs and tests.
import type { ScenarioFile } from './schema.ts';

/** A fresh copy each call, so callers may edit it. */
export function exampleScenarioFile(): ScenarioFile {
  return {
    format: 'tierlab.scenario/1',
    name: 'usemem 1.5x DRAM, demotion on',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '384MiB', cpus: 2 },
        {
          id: 1,
          memory: 'pmem',
          capacity: '768MiB',
          cpus: 0,
          readLatencyNs: 305,
          writeLatencyNs: 94,
          readBandwidthGBps: 6.6,
          writeBandwidthGBps: 2.3,
        },
      ],
      distances: [
        [10, 17],
        [17, 10],
      ],
      swap: { capacity: '1GiB', device: 'ssd' },
    },
    policy: { preset: 'linux', knobs: { demotion_enabled: true, numa_balancing: 0 } },
    workload: [
      {
        name: 'memhog',
        type: 'usemem',
        size: '576MiB',
        step: '4KiB',
        repeats: 1,
        cpu: 0,
        mempolicy: { mode: 'bind', nodes: [0] },
      },
    ],
    run: { durationMs: 60000, tickMs: 10, sampleEveryMs: 100, seed: 1 },
  };
}
