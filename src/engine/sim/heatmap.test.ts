import { describe, expect, it } from 'vitest';
import type { AccessHeatmap, TaskResult } from '../../shared/result.ts';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

type Json = Record<string, unknown>;

/** A 16 MiB hot set (4096 pages: 64 buckets of 64), hot 20% at the head taking 80% of references. */
function hotset(workload: Json = {}, run: Json = {}) {
  return twoTierScenario({
    workload: { type: 'hotset', size: '16MiB', distribution: 'hot', hotPosition: 'head', ...workload },
    run: { durationMs: 600, ...run },
  });
}

function heatmapOf(t: TaskResult): AccessHeatmap {
  if (!t.heatmap) throw new Error('the task has no heatmap');
  return t.heatmap;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** References per bucket over columns [from, to). */
function bucketTotals(h: AccessHeatmap, from = 0, to = h.timesMs.length): number[] {
  const out = new Array<number>(h.references[0]!.length).fill(0);
  for (let c = from; c < to; c++) h.references[c]!.forEach((r, b) => (out[b]! += r));
  return out;
}

/** Share of the references in columns [from, to) that went to buckets [lo, hi). */
function shareIn(h: AccessHeatmap, lo: number, hi: number, from?: number, to?: number): number {
  const totals = bucketTotals(h, from, to);
  return sum(totals.slice(lo, hi)) / sum(totals);
}

describe.each(ENGINES)('the access heatmap (%s engine)', (engine) => {
  it('splits the workload into 64 equal buckets and a column per sample interval', () => {
    const h = heatmapOf(runToEnd(hotset(), engine).tasks[0]!);
    expect(h.pages).toBe(4096);
    expect(h.bucketPages).toBe(64);
    expect(h.timesMs).toEqual([100, 200, 300, 400, 500, 600]);
    expect(h.references.every((row) => row.length === 64)).toBe(true);
    expect(h.topTierShare.every((row) => row.length === 64)).toBe(true);
  });

  it('has bucket references that add up to the task’s references', () => {
    const t = runToEnd(hotset(), engine).tasks[0]!;
    const total = sum(bucketTotals(heatmapOf(t)));
    // The rate engine's counts are expectations, rounded per cell: at most half a reference each.
    expect(Math.abs(total - t.references)).toBeLessThanOrEqual(engine === 'exact' ? 0 : 64 * 6 * 0.5);
    expect(t.references).toBeGreaterThan(100_000);
  });

  it('puts the references of a hot set at the head in the first buckets, and at the tail after a phase change', () => {
    const t = runToEnd(hotset({ phases: [{ atMs: 300, hotPosition: 'tail' }] }), engine).tasks[0]!;
    const h = heatmapOf(t);
    // Columns 1..2 cover 100..300 ms (after the populate pass), 4..5 cover 400..600 ms.
    expect(shareIn(h, 0, 13, 1, 3)).toBeGreaterThan(0.75);
    expect(shareIn(h, 51, 64, 1, 3)).toBeLessThan(0.1);
    expect(shareIn(h, 51, 64, 4, 6)).toBeGreaterThan(0.75);
    expect(shareIn(h, 0, 13, 4, 6)).toBeLessThan(0.1);
  });

  it('marks every resident bucket of a workload bound to DRAM as top tier, and bound to the slow node as not', () => {
    for (const [node, share] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const h = heatmapOf(runToEnd(hotset({ mempolicy: { mode: 'bind', nodes: [node] } }), engine).tasks[0]!);
      const shares = h.topTierShare.flat();
      expect(shares.filter((s) => s !== null).every((s) => s === share)).toBe(true);
      // By the end every page has been touched: each bucket has resident pages.
      expect(h.topTierShare.at(-1)!.every((s) => s === share)).toBe(true);
    }
  });

  it('keeps each bucket’s pages per node, adding up per node to the task’s residency at each column', () => {
    const small = twoTierScenario({
      nodes: [
        { id: 0, memory: 'dram', capacity: '8MiB', cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '32MiB', cpus: 0 },
      ],
      knobs: { min_free_kbytes: 128 },
      workload: { type: 'hotset', size: '16MiB', distribution: 'hot', hotPosition: 'head' },
      run: { durationMs: 600 },
    });
    const t = runToEnd(small, engine).tasks[0]!;
    const h = heatmapOf(t);
    const resident = h.residentPages!;
    expect(resident).toHaveLength(h.timesMs.length);
    h.timesMs.forEach((ms, c) => {
      // The residency over time has a row per sample (the first at 0 ms); a column ends at one of them.
      const row = t.residency.pages[t.residency.timesMs.indexOf(ms)]!;
      expect(resident[c]).toHaveLength(64);
      const perNode = [0, 1].map((n) => sum(resident[c]!.map((b) => b[n]!)));
      expect(perNode).toEqual(row);
      // No bucket holds more pages than it spans.
      expect(resident[c]!.every((b) => sum(b) <= h.bucketPages)).toBe(true);
    });
    // The hot set overflows DRAM (8 MiB of 16 MiB): by the end both nodes hold some of it.
    expect(resident.at(-1)!.some((b) => b[0]! > 0) && resident.at(-1)!.some((b) => b[1]! > 0)).toBe(true);
  });

  it('puts every resident page of a workload bound to the slow node on that node', () => {
    const h = heatmapOf(runToEnd(hotset({ mempolicy: { mode: 'bind', nodes: [1] } }), engine).tasks[0]!);
    const last = h.residentPages!.at(-1)!;
    expect(last.every((b) => b[0] === 0 && b[1] === 64)).toBe(true);
  });

  it('merges adjacent samples so that a long run keeps at most 2000 columns', () => {
    const s = hotset({ size: '1MiB' }, { durationMs: 2100, tickMs: 1, sampleEveryMs: 1 });
    const t = runToEnd(s, engine).tasks[0]!;
    const h = heatmapOf(t);
    // 2000 columns of 1 sample, merged to 1000 of 2 at the 2001st, then 50 more of 2.
    expect(h.timesMs).toHaveLength(1050);
    expect(h.timesMs.slice(0, 2)).toEqual([2, 4]);
    expect(h.timesMs.at(-1)).toBe(2100);
    expect(Math.abs(sum(bucketTotals(h)) - t.references)).toBeLessThanOrEqual(
      engine === 'exact' ? 0 : 0.5 * 1050 * h.references[0]!.length,
    );
  });
});

describe('the access heatmap in both engines', () => {
  it('has the same bucket totals within a few percent on a hot set', () => {
    const s = hotset({ distribution: 'zipf' });
    const [rate, exact] = (['rate', 'exact'] as const).map((e) =>
      bucketTotals(heatmapOf(runToEnd(s, e).tasks[0]!)),
    );
    const rateTotal = sum(rate!);
    const exactTotal = sum(exact!);
    expect(Math.abs(rateTotal / exactTotal - 1)).toBeLessThan(0.03);
    // Per bucket, as shares of all references: within 3% of the bucket's share, or 0.1% of all.
    exact!.forEach((x, b) => {
      const a = rate![b]! / rateTotal;
      const e = x / exactTotal;
      expect(Math.abs(a - e)).toBeLessThan(Math.max(0.03 * e, 0.001));
    });
  });
});
