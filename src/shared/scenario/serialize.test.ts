import { describe, expect, it } from 'vitest';
import { toScenarioFile } from './serialize.ts';
import { parseScenario } from './parse.ts';
import { exampleScenarioFile } from './example.ts';
import { defaultKnobs } from './knobs.ts';
import { defaultLatencyCurve } from './memory-kinds.ts';
import type { ResolvedScenario } from './resolved.ts';
import { editedExample, resolves } from '../../../tests/support/shared/scenario.ts';

const MiB = 1024 ** 2;
const common = { startMs: 0, stopMs: null, threads: 1, load: 1, dramShare: null };
const noPolicy = () => ({ mode: 'default' as const, nodes: [], flags: [] });

/** A scenario that uses every workload type and every optional machine feature, with awkward numbers. */
function everything(): ResolvedScenario {
  return {
    name: 'everything',
    machine: {
      pageSize: 4096,
      nodes: [
        {
          id: 0,
          memory: 'dram',
          capacityBytes: 256 * MiB + 3000,
          cpus: 4,
          readLatencyNs: 90,
          writeLatencyNs: 95.5,
          readBandwidthGBps: 20,
          writeBandwidthGBps: 18,
          loadedLatency: [{ bandwidthGBps: 10, latencyNs: 95 }],
          adistance: null,
          hmat: true,
        },
        {
          id: 1,
          memory: 'cxl',
          capacityBytes: 1.5 * 1024 * MiB,
          cpus: 0,
          readLatencyNs: 220,
          writeLatencyNs: 230,
          readBandwidthGBps: 18,
          writeBandwidthGBps: 15,
          loadedLatency: [
            { bandwidthGBps: 4.5, latencyNs: 231 },
            { bandwidthGBps: 17.25, latencyNs: 700.5 },
          ],
          adistance: 700,
          hmat: false,
        },
        {
          id: 2,
          memory: 'hbm',
          capacityBytes: 64 * MiB,
          cpus: 1,
          readLatencyNs: 100,
          writeLatencyNs: 100,
          readBandwidthGBps: 250,
          writeBandwidthGBps: 200,
          loadedLatency: defaultLatencyCurve('hbm', 250, 100),
          adistance: null,
          hmat: true,
        },
      ],
      distances: [
        [10, 20, 20],
        [20, 10, 20],
        [20, 20, 10],
      ],
      swap: null,
      interleaveWeights: [3, 1, 2],
      interleaveAuto: false,
    },
    policy: {
      preset: 'no-tiering',
      knobs: { ...defaultKnobs(), numa_balancing: 1, min_free_kbytes: 4096, transparent_hugepage: 'always' },
      kernel: null,
    },
    workload: [
      {
        ...common,
        mempolicy: noPolicy(),
        type: 'usemem',
        name: 'u',
        cpu: 0,
        sizeBytes: 100_000,
        stepBytes: 64,
        repeats: 3,
        readonly: true,
        random: true,
        stopMs: 900,
      },
      {
        ...common,
        mempolicy: { mode: 'bind', nodes: [0, 2], flags: ['numa_balancing'] },
        type: 'usemem-stress-numa-compact',
        name: 's',
        cpu: 2,
        fraction: 0.8,
        loops: 60,
        iterations: 7,
        threads: 2,
      },
      {
        ...common,
        mempolicy: noPolicy(),
        type: 'sysbench-memory',
        name: 'b',
        cpu: 0,
        blockSizeBytes: 1024,
        totalSizeBytes: 100 * 1024 ** 3,
        scope: 'local',
        oper: 'read',
        accessMode: 'rnd',
        randType: 'pareto',
        paretoH: 0.3,
      },
      {
        ...common,
        type: 'grep',
        name: 'g',
        cpu: 0,
        corpusBytes: 12_345_678,
        passes: 2,
        mempolicy: { mode: 'interleave', nodes: [0, 1], flags: [] },
      },
      {
        ...common,
        type: 'hotset',
        name: 'h',
        cpu: 2,
        sizeBytes: 64 * MiB,
        distribution: 'zipf',
        hotFraction: 0.1,
        hotProbability: 0.9,
        zipfS: 1.1,
        stddevFraction: 0.05,
        hotPosition: 3 * MiB + 1,
        readRatio: 0.5,
        accesses: 1_000_000,
        phases: [
          { atMs: 100, hotPosition: 'tail' },
          { atMs: 200, hotPosition: 0 },
        ],
        mempolicy: { mode: 'preferred', nodes: [2], flags: [] },
      },
      {
        ...common,
        load: 0.25,
        dramShare: 0.5,
        thp: true,
        mempolicy: noPolicy(),
        type: 'trace',
        name: 't',
        cpu: 0,
        file: 'traces/ls.lackey.gz',
        repeats: 3,
        data: null,
      },
      {
        ...common,
        mempolicy: noPolicy(),
        type: 'stream',
        name: 'bw',
        cpu: 0,
        threads: 0,
        startMs: 250,
        stopMs: 750,
        node: 1,
        bandwidthGBps: 7.5,
        readRatio: 2 / 3,
        onMs: 20,
        offMs: 60,
      },
    ],
    run: { engine: 'exact', durationMs: 1000, tickMs: 1, sampleEveryMs: 5, seed: 4294967295 },
  };
}

describe('toScenarioFile', () => {
  it('writes the example so that it parses back to the same scenario', () => {
    const scenario = resolves(exampleScenarioFile());
    expect(parseScenario(toScenarioFile(scenario))).toEqual({ ok: true, scenario });
  });

  it('round-trips every workload type, odd sizes, adistance, hmat and tuned knobs through JSON text', () => {
    const scenario = everything();
    const text = JSON.stringify(toScenarioFile(scenario));
    expect(parseScenario(JSON.parse(text))).toEqual({ ok: true, scenario });
  });

  it('writes sizes as readable text when exact and as bytes when not', () => {
    const file = toScenarioFile(everything());
    expect(file.machine.nodes.map((n) => n.capacity)).toEqual([268438456, '1.5GiB', '64MiB']);
    expect(file.workload[3]).toMatchObject({ corpus: 12_345_678 });
    expect(file.workload[4]).toMatchObject({
      size: '64MiB',
      hotPosition: 3 * MiB + 1,
      phases: [{ hotPosition: 'tail' }, { hotPosition: '0B' }],
    });
  });

  it('writes only the knobs that differ from the preset, and no distances when they are the default', () => {
    const file = toScenarioFile(everything());
    expect(file.policy).toEqual({
      preset: 'no-tiering',
      knobs: { numa_balancing: 1, min_free_kbytes: 4096, transparent_hugepage: 'always' },
    });
    expect(file.machine.distances).toBeUndefined();
    expect(file.machine.swap).toBeUndefined();
  });
});

describe('toScenarioFile and the defaults that moved with the kernel', () => {
  const linux = (kernel: string, knobs: Record<string, unknown> = {}) =>
    resolves(editedExample([['policy'], { preset: 'linux', kernel, knobs }]));
  const written = (s: ResolvedScenario) => toScenarioFile(s).policy?.knobs;

  it('writes lru_gen_enabled where it differs from the default of today or of before 6.12 turned it on', () => {
    // 6.12's default (true) differs from the old one (false): written, so an older reader runs MGLRU too.
    expect(written(linux('6.12'))).toEqual({ lru_gen_enabled: true });
    // The classic LRU on 6.12 differs from today's default: written, so today's reader keeps it.
    expect(written(linux('6.12', { lru_gen_enabled: false }))).toEqual({ lru_gen_enabled: false });
    // 6.1's default is both: left out.
    expect(written(linux('6.1'))).toEqual({});
    expect(written(linux('6.1', { lru_gen_enabled: true }))).toEqual({ lru_gen_enabled: true });
  });

  it('writes a file that parses back to the same lru_gen_enabled on either kernel', () => {
    for (const s of [linux('6.12'), linux('6.12', { lru_gen_enabled: false }), linux('6.1')]) {
      expect(resolves(toScenarioFile(s)).policy).toEqual(s.policy);
    }
  });
});

describe('toScenarioFile with memory cgroups', () => {
  it("round-trips cgroups shared by name and given per VM, writing each cgroup's settings once", () => {
    const file = exampleScenarioFile() as unknown as { workload: Record<string, unknown>[] };
    file.workload[0]!.cgroup = {
      name: 'box',
      max: '256MiB',
      low: 1_000_001,
      reclaim: [{ atMs: 500, size: '16MiB', nodes: [0] }],
    };
    file.workload.push({
      name: 'host',
      type: 'multi-tenant',
      cpu: 0,
      cgroup: 'box',
      vms: [{ size: '32MiB' }, { size: '32MiB', cgroup: { name: 'vm1', high: '16MiB' } }],
    });
    const scenario = resolves(file);
    const written = toScenarioFile(scenario);
    expect(written.workload.map((w) => ('cgroup' in w ? w.cgroup : undefined))).toEqual([
      {
        name: 'box',
        max: '256MiB',
        high: 'max',
        low: 1_000_001,
        min: 0,
        reclaim: [{ atMs: 500, size: '16MiB', nodes: [0] }],
      },
      'box',
      { name: 'vm1', max: 'max', high: '16MiB', low: 0, min: 0, reclaim: [] },
    ]);
    expect(parseScenario(JSON.parse(JSON.stringify(written)))).toEqual({ ok: true, scenario });
  });
});
