// The scenario checks refuse what the engine cannot hold (shared/scenario/limits.ts); these tests
// fail when an encoding, a region size or the sample count here moves away from those limits.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { scenarioFileSchema } from '../../shared/scenario/schema.ts';
import {
  MAX_PAGE_FRAMES,
  MAX_VIRTUAL_PAGES,
  MEMTIER_CHUNK_BITS as CHECKED_CHUNK_BITS,
} from '../../shared/scenario/limits.ts';
import { workloadThreads, workloadVirtualPages } from '../../shared/scenario/virtual-pages.ts';
import { MEMTIER_CHUNK_BITS } from '../machine/adistance.ts';
import { deriveMachine } from '../machine/layout.ts';
import { createMemState, PTE_SWAPPED } from '../mm/mem-state.ts';
import { encodeRef, makeWorkload } from '../workloads/index.ts';
import { createSimulation } from './simulation.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

const MiB = 1024 ** 2;

/** One entry of every workload type whose regions the engine sizes itself, at odd sizes. */
const WORKLOADS = [
  { name: 'u', type: 'usemem', size: 10 * MiB + 1, threads: 3 },
  { name: 's', type: 'usemem-stress-numa-compact', fraction: 0.37, threads: 3 },
  { name: 'g', type: 'sysbench-memory', blockSize: 5 * MiB + 3, threads: 3, scope: 'global' },
  { name: 'l', type: 'sysbench-memory', blockSize: 5 * MiB + 3, threads: 3, scope: 'local' },
  { name: 'c', type: 'grep', corpus: 7 * MiB + 5, threads: 2 },
  { name: 'h', type: 'hotset', size: 9 * MiB + 7, threads: 2 },
  { name: 'm', type: 'multi-tenant', threads: 2, vms: [{ size: 3 * MiB + 1 }, { size: MiB }] },
];

describe('the limits the scenario checks enforce', () => {
  it('are the page-table and reference encodings of the engine', () => {
    expect(MAX_PAGE_FRAMES).toBe(PTE_SWAPPED - 2);
    expect(encodeRef(MAX_VIRTUAL_PAGES - 1, true)).toBe(0xffffffff);
    expect(CHECKED_CHUNK_BITS).toBe(MEMTIER_CHUNK_BITS);
  });

  it('let through every frame createMemState takes, and not one more', () => {
    const s = twoTierScenario();
    const layout = deriveMachine(s.machine, s.policy.knobs);
    const tooMany = { ...layout, managedPages: [MAX_PAGE_FRAMES, 1], spannedPages: [MAX_PAGE_FRAMES, 1] };
    // Refused before anything is allocated; MAX_PAGE_FRAMES itself would allocate ~58 GB here.
    expect(() => createMemState(tooMany, 0, 4096)).toThrow(/machine too large/);
  });

  it('count the virtual pages and threads each workload type maps, as the engine does', () => {
    const doc = {
      format: 'tierlab.scenario/1',
      name: 'regions',
      machine: {
        nodes: [
          { id: 0, memory: 'dram', capacity: 64 * MiB + 4096, cpus: 2 },
          { id: 1, memory: 'pmem', capacity: 128 * MiB, cpus: 0 },
        ],
      },
      workload: WORKLOADS.map((w) => ({ cpu: 0, ...w })),
    };
    const parsed = parseScenario(doc);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { machine, workload } = parsed.scenario;
    const ram = machine.nodes.reduce((sum, n) => sum + n.capacityBytes, 0);
    const engine = workload.map((w) => {
      const model = makeWorkload(w, machine.pageSize, ram);
      return { pages: model.regions.reduce((sum, r) => sum + r.pages, 0), threads: w.threads };
    });
    const checked = scenarioFileSchema.parse(doc).workload.map((w) => ({
      pages: workloadVirtualPages(w, machine.pageSize, ram),
      threads: workloadThreads('threads' in w ? w.threads : 0, w),
    }));
    // A multi-tenant entry is one VM per engine workload: compare the totals.
    const total = (xs: { pages: number; threads: number }[]) =>
      xs.reduce((t, x) => ({ pages: t.pages + x.pages, threads: t.threads + x.threads }), {
        pages: 0,
        threads: 0,
      });
    expect(checked.slice(0, -1)).toEqual(engine.slice(0, checked.length - 1));
    expect(total(checked)).toEqual(total(engine));
  });

  it('count samples as the engine takes them: one at 0, one per interval and one at the end', () => {
    for (const [durationMs, samples] of [
      [1000, 11],
      [1050, 12],
    ] as const) {
      const sim = createSimulation(twoTierScenario({ run: { durationMs, sampleEveryMs: 100 } }));
      sim.advance(durationMs);
      expect(sim.takeSamples()?.timesMs.length).toBe(samples);
    }
  });
});
