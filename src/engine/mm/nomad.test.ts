// NOMAD's mechanisms step by step, each figure worked by hand from async_promote_main.c's logic:
// a 64 MiB DRAM node 0 and a 128 MiB PMEM node 1 (PMEM reads 6.6 GB/s, DRAM writes 12 GB/s).
import { describe, expect, it } from 'vitest';
import { stat } from '../../../tests/support/engine/kernel-pages.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { buildWorld } from '../sim/setup.ts';
import type { Kernel } from './kernel.ts';
import { lruAdd } from './lru.ts';
import { pageToNid, takeFreeFrame } from './mem-state.ts';
import { PG_SHADOWED, shadowWriteFault, WP_FAULT_NS } from './nomad-shadow.ts';
import { PG } from './page-flags.ts';
import { PG_COPYING } from './nomad-tpm.ts';
import { scanControl } from './scan-control.ts';
import { shrinkInactiveList } from './shrink-list.ts';
import { shrinkNode } from './vmscan.ts';
import { LRU_INACTIVE_ANON } from './page-flags.ts';

function nomadKernel(knobs: Record<string, unknown> = {}): Kernel {
  const parsed = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'nomad',
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '64MiB', cpus: 1 },
        { id: 1, memory: 'pmem', capacity: '128MiB', cpus: 0 },
      ],
    },
    policy: { preset: 'nomad', knobs },
    workload: [{ name: 'hot', cpu: 0, type: 'hotset', size: '16MiB' }],
    run: { durationMs: 1000, tickMs: 10, sampleEveryMs: 100, seed: 7, engine: 'exact' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildWorld(parsed.scenario).k;
}

/** Maps vpages 0..n-1 to fresh frames on `node`, on its inactive anon list; returns their frames. */
function pagesOn(k: Kernel, node: number, n: number): number[] {
  const out: number[] = [];
  for (let v = 0; v < n; v++) {
    const pfn = takeFreeFrame(k.m, node);
    k.m.owner[pfn] = v;
    k.m.pte[v] = pfn + 1;
    lruAdd(k.m, pfn);
    out.push(pfn);
  }
  return out;
}

/** Queues each page for promotion to node 0 and lets the worker start and then commit the copies. */
function promote(k: Kernel, frames: number[]): void {
  for (const pfn of frames) expect(k.nomadTpm!.queue(k, pfn, 0, 0)).toBe(true);
  k.nomadTpm!.run(k, 100_000); // starts the copies
  k.nomadTpm!.run(k, 200_000); // commits them
}

const frameOf = (k: Kernel, v: number): number => k.m.pte[v]! - 1;

describe('NOMAD transactional promotion', () => {
  it('copies while the page stays mapped and commits it a round later, keeping the old frame as a shadow', () => {
    const k = nomadKernel();
    const [old] = pagesOn(k, 1, 1);
    const free0 = k.m.nrFree[0]!;
    const free1 = k.m.nrFree[1]!;
    expect(k.nomadTpm!.queue(k, old!, 0, 0)).toBe(true);
    k.nomadTpm!.run(k, 100_000);
    // Copying: still mapped on PMEM, a DRAM frame taken, 4096 bytes read from PMEM and written to DRAM.
    expect(frameOf(k, 0)).toBe(old);
    expect(k.m.nrFree[0]).toBe(free0 - 1);
    expect(k.traffic[1 * 2]).toBe(4096);
    expect(k.traffic[0 * 2 + 1]).toBe(4096);
    k.nomadTpm!.run(k, 200_000);
    expect(pageToNid(k.m, frameOf(k, 0))).toBe(0);
    expect(k.m.flags[frameOf(k, 0)]! & PG_SHADOWED).toBe(PG_SHADOWED);
    // The PMEM frame is not freed: it is the shadow, held on node 1.
    expect(k.m.nrFree[1]).toBe(free1);
    expect(stat(k, 1, 'nr_nomad_shadow')).toBe(1);
    expect(stat(k, 0, 'nomad_tpm_commit')).toBe(1);
    expect(stat(k, 0, 'pgpromote_success')).toBe(1);
    expect(stat(k, 1, 'pgfree')).toBe(0);
    // The copy is not made twice: the commit only remaps.
    expect(k.traffic[1 * 2]).toBe(4096);
  });

  it('aborts when the page is written during its copy and leaves it on its LRU in the slow tier', () => {
    // The copy starts at the round's end, 100,000 ns, and takes 4096 B / 6.6 GB/s = 620.6 ns.
    const k = nomadKernel();
    const [old] = pagesOn(k, 1, 1);
    const free0 = k.m.nrFree[0]!;
    k.nomadTpm!.queue(k, old!, 0, 0);
    k.nomadTpm!.run(k, 100_000);
    expect(k.m.flags[old!]! & PG_COPYING).toBe(PG_COPYING);
    k.nowNs = 100_600; // a write reference inside the window
    k.nomadTpm!.wrote(k, old!);
    k.nomadTpm!.run(k, 200_000);
    expect(frameOf(k, 0)).toBe(old);
    expect(k.m.flags[old!]! & (PG.lru | PG_COPYING)).toBe(PG.lru);
    expect(k.m.nrFree[0]).toBe(free0); // the copy's frame is given back
    expect(stat(k, 1, 'nomad_tpm_abort')).toBe(1);
    expect(stat(k, 0, 'nomad_tpm_commit')).toBe(0);
    expect(stat(k, 0, 'pgpromote_success')).toBe(0);
  });

  it('commits a page written after its copy ended or before it began, and aborts the one copied then', () => {
    // Copy 0 runs from 100,000 to 100,620.6 ns, copy 1 from 100,620.6 to 101,241.2 ns.
    const k = nomadKernel();
    const frames = pagesOn(k, 1, 2);
    for (const pfn of frames) k.nomadTpm!.queue(k, pfn, 0, 0);
    k.nomadTpm!.run(k, 100_000);
    k.nowNs = 100_621; // after copy 0's window, inside copy 1's
    k.nomadTpm!.wrote(k, frames[0]!);
    k.nomadTpm!.wrote(k, frames[1]!);
    k.nowNs = 99_000; // before either began
    k.nomadTpm!.wrote(k, frames[0]!);
    k.nomadTpm!.run(k, 200_000);
    expect(stat(k, 0, 'nomad_tpm_commit')).toBe(1);
    expect(stat(k, 1, 'nomad_tpm_abort')).toBe(1);
    expect(pageToNid(k.m, frameOf(k, 0))).toBe(0);
    expect(pageToNid(k.m, frameOf(k, 1))).toBe(1);
  });

  it('starts as many copies a round as fit in 100 us of copy time: 162 of 200 at 620.6 ns each', () => {
    // 4096 B / min(6.6 GB/s PMEM read, 12 GB/s DRAM write) = 620.6 ns; 161 copies take 99,917 ns,
    // under 100 us, so a 162nd starts; the other 38 wait for the next round.
    const k = nomadKernel();
    const frames = pagesOn(k, 1, 200);
    for (const pfn of frames) k.nomadTpm!.queue(k, pfn, 0, 0);
    k.nomadTpm!.run(k, 100_000);
    expect(k.traffic[1 * 2]).toBe(162 * 4096);
    k.nomadTpm!.run(k, 200_000);
    expect(stat(k, 0, 'nomad_tpm_commit')).toBe(162);
    k.nomadTpm!.run(k, 300_000);
    expect(stat(k, 0, 'nomad_tpm_commit')).toBe(200);
  });

  it('refuses to queue past nomad_promote_queue_len pages (queued and in flight together)', () => {
    const k = nomadKernel({ nomad_promote_queue_len: 2 });
    const frames = pagesOn(k, 1, 3);
    expect(k.nomadTpm!.queue(k, frames[0]!, 0, 0)).toBe(true);
    k.nomadTpm!.run(k, 100_000);
    expect(k.nomadTpm!.queue(k, frames[1]!, 0, 0)).toBe(true);
    expect(k.nomadTpm!.queue(k, frames[2]!, 0, 0)).toBe(false);
    expect(k.m.flags[frames[2]!]! & PG.lru).toBe(PG.lru); // not isolated
  });
});

describe('NOMAD shadow pages', () => {
  it('frees the shadow at the first write, in a write-protect fault of 700 ns', () => {
    const k = nomadKernel();
    const [old] = pagesOn(k, 1, 1);
    promote(k, [old!]);
    const free1 = k.m.nrFree[1]!;
    k.chargedNs = 0;
    shadowWriteFault(k, frameOf(k, 0));
    expect(k.chargedNs).toBe(WP_FAULT_NS);
    expect(WP_FAULT_NS).toBe(700);
    expect(k.m.nrFree[1]).toBe(free1 + 1);
    expect(k.m.flags[frameOf(k, 0)]! & PG_SHADOWED).toBe(0);
    expect(stat(k, 1, 'nr_nomad_shadow')).toBe(0);
    expect(stat(k, 1, 'nomad_shadow_wp_free')).toBe(1);
  });

  it('demotes a clean shadowed page by remapping it to its shadow: no allocation, no copy', () => {
    const k = nomadKernel();
    const [old] = pagesOn(k, 1, 1);
    promote(k, [old!]);
    const free1 = k.m.nrFree[1]!;
    const read0 = k.traffic[0]!;
    const sc = scanControl('kswapd', 32);
    const reclaimed = shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_ANON, sc);
    expect(reclaimed).toBe(1);
    expect(frameOf(k, 0)).toBe(old); // back in the very frame it was promoted from
    expect(k.m.nrFree[1]).toBe(free1);
    expect(k.traffic[0]).toBe(read0); // nothing read from DRAM to copy
    expect(stat(k, 0, 'pgdemote_kswapd')).toBe(1);
    expect(stat(k, 0, 'nomad_shadow_demote')).toBe(1);
    expect(stat(k, 1, 'nr_nomad_shadow')).toBe(0);
  });

  it('demotes a written page with a copy to a new frame, its shadow freed at the write', () => {
    const k = nomadKernel();
    const [old] = pagesOn(k, 1, 1);
    promote(k, [old!]);
    shadowWriteFault(k, frameOf(k, 0));
    const read0 = k.traffic[0]!;
    shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(pageToNid(k.m, frameOf(k, 0))).toBe(1);
    expect(k.traffic[0]).toBe(read0 + 4096);
    expect(stat(k, 0, 'nomad_shadow_demote')).toBe(0);
    expect(stat(k, 0, 'pgdemote_kswapd')).toBe(1);
  });

  it('gives shadow memory back first when the slow node reclaims, counted as reclaimed', () => {
    const k = nomadKernel();
    const frames = pagesOn(k, 1, 3);
    promote(k, frames);
    const free1 = k.m.nrFree[1]!;
    const sc = scanControl('kswapd', 2);
    shrinkNode(k, 1, sc);
    expect(sc.nrReclaimed).toBe(2);
    expect(k.m.nrFree[1]).toBe(free1 + 2);
    expect(stat(k, 1, 'nomad_shadow_reclaim')).toBe(2);
    expect(stat(k, 1, 'nr_nomad_shadow')).toBe(1);
    expect(stat(k, 1, 'pgscan_kswapd')).toBe(0);
    const stillShadowed = [0, 1, 2].filter((v) => k.m.flags[frameOf(k, v)]! & PG_SHADOWED);
    expect(stillShadowed).toHaveLength(1);
  });

  it('promotes exclusively with nomad_shadow_enabled off: the old frame is freed at commit', () => {
    const k = nomadKernel({ nomad_shadow_enabled: false });
    const [old] = pagesOn(k, 1, 1);
    const free1 = k.m.nrFree[1]!;
    promote(k, [old!]);
    expect(k.m.nrFree[1]).toBe(free1 + 1);
    expect(k.m.flags[frameOf(k, 0)]! & PG_SHADOWED).toBe(0);
    expect(stat(k, 1, 'nr_nomad_shadow')).toBe(0);
  });
});
