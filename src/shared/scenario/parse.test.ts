import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from './parse.ts';
import { exampleScenarioFile } from './example.ts';
import { defaultKnobs } from './knobs.ts';
import { MEMORY_KIND_DEFAULTS, SWAP_DEVICE_DEFAULTS } from './memory-kinds.ts';
import { editedExample, errorsOf, resolves } from '../../../tests/support/shared/scenario.ts';

const MiB = 1024 ** 2;

describe('parseScenario', () => {
  it('reads the specification example with every size in bytes', () => {
    const s = resolves(exampleScenarioFile());
    expect(s.name).toBe('usemem 1.5x DRAM, demotion on');
    expect(s.machine.pageSize).toBe(4096);
    expect(s.machine.nodes.map((n) => n.capacityBytes)).toEqual([402653184, 768 * MiB]);
    expect(s.machine.nodes[1]).toMatchObject({
      memory: 'pmem',
      cpus: 0,
      readLatencyNs: 305,
      writeLatencyNs: 94,
      readBandwidthGBps: 6.6,
      writeBandwidthGBps: 2.3,
    });
    expect(s.machine.distances).toEqual([
      [10, 17],
      [17, 10],
    ]);
    expect(s.machine.swap).toEqual({
      capacityBytes: 1024 * MiB,
      device: 'ssd',
      pageInUs: 100,
      pageOutUs: 40,
    });
    expect(s.policy).toEqual({
      preset: 'linux',
      // 6.12 turns the multi-gen LRU on by default (kernel-knob-defaults.ts).
      knobs: { ...defaultKnobs(), demotion_enabled: true, lru_gen_enabled: true },
      kernel: '6.12',
    });
    expect(s.workload).toEqual([
      {
        type: 'usemem',
        name: 'memhog',
        cpu: 0,
        startMs: 0,
        stopMs: null,
        threads: 1,
        load: 1,
        dramShare: null,
        mempolicy: { mode: 'bind', nodes: [0], flags: [] },
        sizeBytes: 576 * MiB,
        stepBytes: 4096,
        repeats: 1,
        readonly: false,
        random: false,
      },
    ]);
    expect(s.run).toEqual({ engine: 'rate', durationMs: 60000, tickMs: 10, sampleEveryMs: 100, seed: 1 });
  });

  it('fills every default a minimal file leaves out', () => {
    const s = resolves({
      format: 'tierlab.scenario/1',
      name: 'minimal',
      machine: {
        nodes: [
          { id: 0, memory: 'cxl', capacity: 1 << 20, cpus: 0 },
          { id: 1, memory: 'dram', capacity: '1MiB', cpus: 4 },
        ],
      },
      workload: [{ name: 'w', type: 'usemem', size: '64KiB' }],
    });
    expect(s.machine.pageSize).toBe(4096);
    expect(s.machine.nodes[0]).toEqual({
      id: 0,
      memory: 'cxl',
      capacityBytes: MiB,
      cpus: 0,
      ...MEMORY_KIND_DEFAULTS.cxl,
      // The CXL shape at 20 GB/s and 200 ns.
      loadedLatency: [
        { bandwidthGBps: 6, latencyNs: 210 },
        { bandwidthGBps: 12, latencyNs: 260 },
        { bandwidthGBps: 16, latencyNs: 360 },
        { bandwidthGBps: 18, latencyNs: 500 },
        { bandwidthGBps: 20, latencyNs: 800 },
      ],
      adistance: null,
      hmat: true,
    });
    expect(s.machine.distances).toEqual([
      [10, 20],
      [20, 10],
    ]);
    expect(s.machine.swap).toBeNull();
    expect(s.policy).toEqual({
      preset: 'linux',
      knobs: { ...defaultKnobs(), lru_gen_enabled: true },
      kernel: '6.12',
    });
    // The first node with CPUs runs a workload that names none; the step is one page.
    expect(s.workload[0]).toMatchObject({
      cpu: 1,
      stepBytes: 4096,
      mempolicy: { mode: 'default', nodes: [] },
    });
    expect(s.run).toEqual({ engine: 'rate', durationMs: 60000, tickMs: 10, sampleEveryMs: 100, seed: 1 });
  });

  it('takes the swap device defaults unless the file overrides them', () => {
    const hdd = resolves(editedExample([['machine', 'swap'], { capacity: '2GiB', device: 'hdd' }]));
    expect(hdd.machine.swap).toMatchObject({ device: 'hdd', ...SWAP_DEVICE_DEFAULTS.hdd });
    const tuned = resolves(editedExample([['machine', 'swap', 'pageInUs'], 7]));
    expect(tuned.machine.swap).toMatchObject({ pageInUs: 7, pageOutUs: SWAP_DEVICE_DEFAULTS.ssd.pageOutUs });
  });

  it('lets explicit knobs win over the preset and the preset over kernel defaults', () => {
    const preset = resolves(editedExample([['policy'], { preset: 'no-tiering' }]));
    expect(preset.policy.knobs).toEqual(defaultKnobs());
    const explicit = resolves(
      editedExample([['policy', 'knobs'], { numa_balancing: 1, swappiness: 100, min_free_kbytes: 2048 }]),
    );
    expect(explicit.policy.knobs).toMatchObject({
      numa_balancing: 1,
      swappiness: 100,
      min_free_kbytes: 2048,
    });
    expect(explicit.policy.knobs.demotion_enabled).toBe(false);
  });

  it('reports both problems of the contract case: a negative capacity and a workload on node 7', () => {
    const errors = errorsOf(
      editedExample([['machine', 'nodes', 0, 'capacity'], '-5MiB'], [['workload', 0, 'cpu'], 7]),
    );
    expect(errors).toEqual([
      {
        path: 'machine.nodes[0].capacity',
        message: 'must be a positive size such as "384MiB" or a number of bytes (got "-5MiB")',
      },
      { path: 'workload[0].cpu', message: 'node 7 does not exist; the machine has nodes 0-1' },
    ]);
  });

  it('still checks a workload against the machine when another field of that workload is wrong', () => {
    const errors = errorsOf(editedExample([['workload', 0, 'size'], 'lots'], [['workload', 0, 'cpu'], 1]));
    expect(errors.map((e) => e.path)).toEqual(['workload[0].size', 'workload[0].cpu']);
    expect(errors[1]?.message).toBe('node 1 has no CPUs to run "memhog" on; its "cpus" is 0');
  });

  it('rejects a value that is not an object with one error for the whole file', () => {
    expect(parseScenario([1, 2])).toEqual({
      ok: false,
      errors: [{ path: '', message: 'must be an object (got [1,2])' }],
    });
  });
});

describe('parseScenarioText', () => {
  it('parses the example from its JSON text', () => {
    const result = parseScenarioText(JSON.stringify(exampleScenarioFile(), null, 2));
    expect(result.ok).toBe(true);
  });

  it('ignores a byte-order mark at the start of the file', () => {
    expect(parseScenarioText('\uFEFF' + JSON.stringify(exampleScenarioFile())).ok).toBe(true);
  });

  it('reports invalid JSON with its line and column', () => {
    const text = '{\n  "format": "tierlab.scenario/1",\n  "name": "x",\n}\n';
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: "not valid JSON at line 3, column 14: a trailing comma before '}' (JSON allows none)",
        },
      ],
    });
  });

  it('reports an empty file as JSON that ends too early', () => {
    expect(parseScenarioText('')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'not valid JSON at line 1, column 1: the text ends; expected a value' }],
    });
  });
});
