import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS, resolveMetric } from './metrics.ts';
import { makeNode, makeRun, makeTask } from '../../../tests/support/main/compare.ts';
import { memoryCost, memoryPrices } from '../../shared/memory-cost.ts';

const RUN = makeRun(
  {
    simulatedMs: 2000,
    tasks: [
      makeTask({
        name: 'hot',
        references: 3000,
        throughput: 1500,
        meanLatencyNs: 100,
        hitsByNode: { '0': 2400, '1': 300, '2': 0 },
        fastTierHitRatio: 0.8,
      }),
      makeTask({
        name: 'cold',
        references: 1000,
        throughput: 500,
        meanLatencyNs: 300,
        hitsByNode: { '0': 100, '1': 800 },
        fastTierHitRatio: 0.1,
      }),
    ],
    nodes: [
      makeNode({ id: 0, topTier: true, anonPages: 300 }),
      makeNode({ id: 1, memory: 'cxl', tier: 8, topTier: false, anonPages: 100 }),
      makeNode({ id: 2, memory: 'cxl', tier: 8, topTier: false, anonPages: 0 }),
    ],
    migrations: [
      { reason: 'numa_misplaced', from: 1, to: 0, pages: 256 },
      { reason: 'damon', from: 2, to: 0, pages: 256 },
      { reason: 'demotion', from: 0, to: 1, pages: 128 },
      { reason: 'damon', from: 0, to: 2, pages: 512 },
      { reason: 'daemon', from: 0, to: 1, pages: 128 },
      { reason: 'syscall', from: 1, to: 2, pages: 1024 }, // within one tier: neither direction
    ],
    pingPong: { windowMs: 10_000, promotedThenDemoted: 4, demotedThenPromoted: 9 },
  },
  {
    pgpromote_success: 512,
    pgdemote_kswapd: 200,
    pgdemote_direct: 50,
    pgdemote_khugepaged: 6,
    pgscan_kswapd: 40,
    pgsteal_kswapd: 30,
    allocstall_normal: 3,
    pswpout: 7,
    pswpin: 5,
    numa_miss: 11,
  },
);

function value(id: string, pageSize?: number): number {
  const metric = resolveMetric(id, { pageSize });
  if (!metric) throw new Error(`no metric ${id}`);
  return metric.extract(RUN);
}

describe('metrics', () => {
  it('sum throughput over tasks', () => {
    expect(value('throughput')).toBe(2000);
  });

  it('weight each task mean latency by its references', () => {
    expect(value('latency')).toBe(150); // (3000 x 100 + 1000 x 300) / 4000
  });

  it('give the share of anon pages on top-tier nodes in percent', () => {
    expect(value('fast-tier-share')).toBe(75); // 300 of 400
  });

  it('count every move to a faster tier as promotion whatever its reason, in MiB per simulated second', () => {
    // numa_misplaced 256 + damon 256 = 512 pages x 4096 B = 2 MiB over 2 s
    expect(value('promote-mibps')).toBe(1);
    expect(value('promote-mibps', 8192)).toBe(2);
  });

  it('count every move to a slower tier as demotion whatever its reason, and none within a tier', () => {
    // demotion 128 + damon 512 + daemon 128 = 768 pages = 3 MiB over 2 s
    expect(value('demote-mibps')).toBe(1.5);
  });

  it('give the migration rate of one reason over any nodes', () => {
    expect(value('migrated-mibps:damon')).toBe(1.5); // 256 + 512 pages = 3 MiB over 2 s
    expect(value('migrated-mibps:syscall')).toBe(2); // 1024 pages = 4 MiB over 2 s
    expect(value('migrated-mibps:demotion')).toBe(0.25); // 128 pages = 0.5 MiB over 2 s
    expect(resolveMetric('migrated-mibps:teleport')).toBeUndefined();
  });

  it('count ping-pong pages in both directions', () => {
    expect(value('ping-pong')).toBe(13); // 4 + 9
  });

  it('give kswapd efficiency as reclaimed over scanned, and none when nothing was scanned', () => {
    expect(value('kswapd-efficiency')).toBe(75);
    expect(value('direct-efficiency')).toBeNaN();
  });

  it('read the plain counters', () => {
    expect([value('allocstall'), value('pswpout'), value('pswpin'), value('numa_miss')]).toEqual([
      3, 7, 5, 11,
    ]);
  });

  it('read any kernel counter by name, lower being better', () => {
    const metric = resolveMetric('vmstat:pgdemote_kswapd');
    expect(metric?.extract(RUN)).toBe(200);
    expect(metric?.higherIsBetter).toBe(false);
  });

  it('read one task throughput, and none from a run without that task', () => {
    expect(value('task:cold:throughput')).toBe(500);
    expect(value('task:absent:throughput')).toBeNaN();
  });

  it('give the machine-wide hit ratio as top-tier hits over all references, not a mean of the tasks', () => {
    // (2400 + 100) of 4000 references hit node 0, the only top-tier node; the tasks' mean would be 45
    expect(value('hit-ratio')).toBe(62.5);
  });

  it('read one task hit ratio in percent, and none from a run without that task or its references', () => {
    expect(value('task:hot:hit-ratio')).toBe(80);
    expect(value('task:cold:hit-ratio')).toBe(10);
    expect(value('task:absent:hit-ratio')).toBeNaN();
    expect(resolveMetric('task:hot:hit-ratio')?.higherIsBetter).toBe(true);
    const idleTask = makeRun({ tasks: [makeTask({ name: 'hot', references: 0 })] });
    expect(resolveMetric('task:hot:hit-ratio')?.extract(idleTask)).toBeNaN();
  });

  it('prefer higher throughput, fast-tier share, hit ratio and efficiency, lower latency and traffic', () => {
    const higher = DEFAULT_METRICS.filter((id) => resolveMetric(id)?.higherIsBetter);
    expect(higher).toEqual([
      'throughput',
      'fast-tier-share',
      'hit-ratio',
      'kswapd-efficiency',
      'direct-efficiency',
      'strr',
    ]);
  });

  it('read the fleet metrics and the memory cost, NaN for a result from before them', () => {
    const fleet = {
      // 100, 300 and 200 pages of 4 KiB over three samples: a mean of 200 pages, 0.78125 MiB.
      workingSetPages: [100, 300, 200],
      idleMsPercentiles: Array.from({ length: 101 }, (_, p) => p * 10),
      coldAgePages: [],
      strr: 0.25,
      star: 0.125,
      cost: memoryCost(
        [
          { memory: 'dram', capacityBytes: 2 ** 30 },
          { memory: 'cxl', capacityBytes: 3 * 2 ** 30 },
        ],
        memoryPrices({ dram: 4, cxl: 2 }),
      ),
    };
    const run = makeRun({ fleet });
    const of = (id: string, r = run) => resolveMetric(id)!.extract(r);
    expect(of('working-set')).toBeCloseTo((200 * 4096) / 2 ** 20, 12);
    expect(of('idle-p50')).toBe(500);
    expect(of('idle-p90')).toBe(900);
    expect(of('strr')).toBe(25);
    expect(of('star')).toBe(12.5);
    // 1 GiB DRAM at 4 + 3 GiB CXL at 2 = 10 USD; all DRAM 16: 37.5% saved. makeTask's throughput: the default.
    expect(of('memory-cost')).toBeCloseTo(10, 12);
    expect(of('dram-saved')).toBeCloseTo(37.5, 12);
    const throughput = run.tasks.reduce((sum, t) => sum + t.throughput, 0);
    expect(of('cost-per-throughput')).toBeCloseTo(10 / (throughput / 1e6), 9);
    for (const id of ['working-set', 'idle-p50', 'strr', 'star', 'memory-cost', 'cost-per-throughput'])
      expect(of(id, makeRun())).toBeNaN();
  });

  it('know nothing of unknown ids or counters', () => {
    expect(resolveMetric('speed')).toBeUndefined();
    expect(resolveMetric('vmstat:pgfoo')).toBeUndefined();
  });

  it('give no latency or rate for a run that did nothing', () => {
    const idle = makeRun({ simulatedMs: 0, tasks: [] });
    expect(resolveMetric('latency')?.extract(idle)).toBeNaN();
    expect(resolveMetric('promote-mibps')?.extract(idle)).toBeNaN();
    expect(resolveMetric('fast-tier-share')?.extract(idle)).toBeNaN();
    expect(resolveMetric('hit-ratio')?.extract(idle)).toBeNaN();
  });
});
