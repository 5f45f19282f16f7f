import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { STAT, NR_COUNTERS } from '../../shared/vmstat.ts';
import { buildWorld } from '../sim/setup.ts';
import { MIGRATE_MOVABLE, MIGRATE_UNMOVABLE } from './free-area.ts';
import type { Kernel } from './kernel.ts';
import { mapPage } from './kernel.ts';
import { lruAdd } from './lru.ts';
import { NIL, pageToNid, takeFreeFrame } from './mem-state.ts';
import { MR } from './migrate.ts';
import { hotplugActions, offlineNode, onlineNode } from './memory-hotplug.ts';
import { getPageFromFreelist } from './page-alloc.ts';
import { WMARK_LOW, WMARK_MIN } from './watermark.ts';
import { allocHugeOnNode } from './huge-alloc.ts';
import { findWholeFreeBlock, takeFromBlock } from './free-area.ts';
import { folioNrPages } from './folio.ts';
import { PG } from './page-flags.ts';

/**
 * DRAM 24 MiB (6144 pages) with CPUs, and 64 MiB of PMEM added later in four 16 MiB blocks (4096
 * pages each). At boot min_free_kbytes = int_sqrt(6144 * 4 * 16) = 627, pages_min = 156: DRAM
 * min 156, gaps max(156 / 4, 6144 * 10 / 10000) = 39, so high = 234.
 */
function kernel(mode: 'online' | 'online_movable'): Kernel {
  const parsed = parseScenario({
    format: 'tierlab.scenario/1',
    name: 'hotplug',
    machine: {
      pageSize: '4KiB',
      memoryBlockSize: '16MiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '24MiB', cpus: 2 },
        { id: 1, memory: 'pmem', capacity: '64MiB', cpus: 0, hotplug: { onlineAtMs: 100, mode } },
      ],
    },
    policy: { preset: 'linux', knobs: { demotion_enabled: true } },
    workload: [{ name: 'w', type: 'hotset', size: '8MiB', cpu: 0 }],
    run: { durationMs: 1000 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildWorld(parsed.scenario).k;
}

const details = (k: Kernel): string[] => k.events.map((e) => e.detail);

/** A user page at vpage v in frame pfn, on its LRU (as a fault leaves it). */
function mapUserPage(k: Kernel, v: number, pfn: number): void {
  k.m.owner[pfn] = v;
  mapPage(k, v, pfn);
  lruAdd(k.m, pfn);
}

/** A THP of node n mapped at vpages 0..511, on its LRU (as do_huge_pmd_anonymous_page leaves it). */
function mapHugePage(k: Kernel, n: number): number {
  const head = allocHugeOnNode(k, n, WMARK_LOW);
  k.m.owner[head] = 0;
  k.m.flags[head] = PG.young;
  for (let v = 0; v < 512; v++) mapPage(k, v, head);
  lruAdd(k.m, head);
  return head;
}

const stat = (k: Kernel, n: number, name: keyof typeof STAT) => k.stats[n * NR_COUNTERS + STAT[name]]!;

describe('offlining a memory block that holds a THP', () => {
  it('migrates the THP whole into a free pageblock of the other node', () => {
    const k = kernel('online_movable');
    onlineNode(k, 1, true, 100);
    const head = mapHugePage(k, 1);
    offlineNode(k, 1, 500);
    const dst = k.m.pte[0]! - 1;
    expect(pageToNid(k.m, dst)).toBe(0);
    expect(folioNrPages(k.m, dst)).toBe(512);
    for (let v = 0; v < 512; v++) expect(k.m.pte[v]).toBe(dst + 1);
    expect(stat(k, 1, 'thp_migration_success')).toBe(1);
    expect(stat(k, 1, 'pgmigrate_success')).toBe(512);
    expect(k.migrated[(MR.memoryHotplug * 2 + 1) * 2 + 0]).toBe(512);
    expect(k.m.managedPages[1]).toBe(0);
    expect(k.m.nrFree[1]).toBe(0); // the freed block was isolated: not the zone's free pages
    expect(k.m.owner[head]).toBe(NIL);
    expect(k.resident[0]).toBe(512);
    expect(k.resident[1]).toBe(0);
  });

  it('splits the THP and migrates its base pages when the other node has no free pageblock', () => {
    const k = kernel('online_movable');
    onlineNode(k, 1, true, 100);
    mapHugePage(k, 1);
    // One frame of every free DRAM pageblock taken: 12 blocks, 511 free pages each stay free.
    for (let b = findWholeFreeBlock(k.m.area, 0); b >= 0; b = findWholeFreeBlock(k.m.area, 0)) {
      takeFromBlock(k.m.area, k.m.lruNext, k.m.nodeStart[0]!, 0, b, MIGRATE_MOVABLE);
      k.m.nrFree[0]!--;
    }
    offlineNode(k, 1, 500);
    for (let v = 0; v < 512; v++) {
      const pfn = k.m.pte[v]! - 1;
      expect(pageToNid(k.m, pfn)).toBe(0);
      expect(folioNrPages(k.m, pfn)).toBe(1);
      expect(k.m.owner[pfn]).toBe(v);
    }
    expect(stat(k, 1, 'thp_migration_fail')).toBe(1);
    expect(stat(k, 1, 'thp_migration_split')).toBe(1);
    expect(stat(k, 1, 'thp_split_page')).toBe(1);
    expect(stat(k, 1, 'pgmigrate_success')).toBe(512);
    expect(k.m.managedPages[1]).toBe(0);
    expect(k.m.nrFree[1]).toBe(0);
    expect(k.resident[0]).toBe(512);
  });
});

describe('memory hot-plug', () => {
  it('keeps a hot-plugged node memoryless until it is onlined', () => {
    const k = kernel('online_movable');
    expect(k.m.managedPages[1]).toBe(0);
    expect(k.m.nrFree[1]).toBe(0);
    expect(k.layout.tierOf[1]).toBe(-1);
    expect(k.layout.zonelist[0]).toEqual([0]);
    expect(k.layout.watermarks[0]).toEqual({ min: 156, low: 195, high: 234, promo: 273 });
  });

  it('onlines every block into ZONE_MOVABLE and recomputes the watermarks as init_per_zone_wmark_min does', () => {
    const k = kernel('online_movable');
    onlineNode(k, 1, true, 100);
    expect(k.m.managedPages[1]).toBe(16384);
    expect(k.m.nrFree[1]).toBe(16384);
    // Movable pages are not lowmem: min_free_kbytes = int_sqrt((6144 - 229) * 4 * 16) = 615 after
    // the second block (153 pages), DRAM min 153, gaps 38. PMEM's share is 153 * 16384 / 6144 = 408,
    // so its gaps are 102, but its own min is 16384 / 1024 = 16 clamped up to 32.
    expect(k.layout.minFreeKbytes).toBe(615);
    expect(k.layout.watermarks[0]).toEqual({ min: 153, low: 191, high: 229, promo: 267 });
    expect(k.layout.watermarks[1]).toEqual({ min: 32, low: 134, high: 236, promo: 338 });
    expect(k.layout.zoneMovable[1]).toBe(true);
  });

  it('logs the zonelists, the Built line and the demotion targets when the first block comes online', () => {
    const k = kernel('online_movable');
    onlineNode(k, 1, true, 100);
    // Total pages: nr_free_zone_pages() before the watermarks are redone: (6144 - 234) + 4096.
    expect(details(k).slice(0, 5)).toEqual([
      'Fallback order for Node 0: 0 1 ',
      'Fallback order for Node 1: 1 0 ',
      'Built 2 zonelists, mobility grouping on.  Total pages: 10006',
      'Demotion targets for Node 0: preferred: 1, fallback: 1',
      'Demotion targets for Node 1: null',
    ]);
    expect(k.events.every((e) => e.kind === 'memory_hotplug' && e.atMs === 100)).toBe(true);
    expect(k.layout.tierOf[1]).toBeGreaterThan(k.layout.tierOf[0]!);
    expect(k.layout.topTier).toEqual([true, false]);
  });

  it('gives kernel allocations no page from ZONE_MOVABLE, and user pages one', () => {
    const k = kernel('online_movable');
    onlineNode(k, 1, true, 100);
    expect(getPageFromFreelist(k, [1], null, WMARK_MIN, 0, false, MIGRATE_UNMOVABLE)).toBe(NIL);
    const pfn = getPageFromFreelist(k, [1], null, WMARK_MIN, 0, false, MIGRATE_MOVABLE);
    expect(pageToNid(k.m, pfn)).toBe(1);
  });

  it('migrates user pages out on offline and leaves the node memoryless', () => {
    const k = kernel('online_movable');
    onlineNode(k, 1, true, 100);
    for (let v = 0; v < 10; v++) mapUserPage(k, v, takeFreeFrame(k.m, 1));
    k.events.length = 0;
    offlineNode(k, 1, 500);
    for (let v = 0; v < 10; v++) expect(pageToNid(k.m, k.m.pte[v]! - 1)).toBe(0);
    expect(k.stats[1 * NR_COUNTERS + STAT.pgmigrate_success]).toBe(10);
    expect(k.migrated[(MR.memoryHotplug * 2 + 1) * 2 + 0]).toBe(10);
    expect(k.m.managedPages[1]).toBe(0);
    expect(k.m.nrFree[1]).toBe(0);
    expect(k.layout.tierOf[1]).toBe(-1);
    expect(details(k)).toContain('Fallback order for Node 0: 0 ');
    expect(details(k)).toContain('Demotion targets for Node 0: null');
  });

  it('fails to offline a ZONE_NORMAL block holding a kernel page and offlines the others', () => {
    const k = kernel('online');
    onlineNode(k, 1, false, 100);
    // A page-table page in node 1's first block: pfns 6144.., addresses 0x1800000-0x27fffff.
    expect(pageToNid(k.m, takeFreeFrame(k.m, 1, MIGRATE_UNMOVABLE))).toBe(1);
    k.events.length = 0;
    offlineNode(k, 1, 500);
    expect(details(k)[0]).toBe(
      'memory offlining [mem 0x01800000-0x027fffff] failed due to failure to isolate range',
    );
    expect(k.m.managedPages[1]).toBe(4096);
    expect(k.layout.tierOf[1]).toBeGreaterThan(-1);
    expect(details(k).at(-1)).toBe('node 1: offlined 3 memory blocks (48MiB); 1 (16MiB) stay online');
  });

  it('orders the actions by time, onlines before offlines', () => {
    const k = kernel('online');
    expect(hotplugActions(k.machine)).toEqual([{ atMs: 100, node: 1, online: true, movable: false }]);
  });
});
