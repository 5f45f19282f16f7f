// Memory hot-plug (mm/memory_hotplug.c): online_pages() and offline_pages() one memory block at a
// time, as `daxctl reconfigure-device --mode=system-ram` (and back to devdax) drives them for a
// PMEM/CXL device, with the memory-tiers notifier, build_all_zonelists() and
// init_per_zone_wmark_min() re-deriving the machine (src/engine/machine) and logging as the kernel does.
import { STAT } from '../../shared/vmstat.ts';
import { DEFAULT_MEMORY_BLOCK_SIZE, type ResolvedMachine } from '../../shared/scenario/resolved.ts';
import {
  demoteOrders,
  demotionTargetsLog,
  deriveLayout,
  fallbackOrderLog,
  recalculateMinFreeKbytes,
} from '../machine/index.ts';
import { effectiveDemotion } from '../machine/memory-tiers.ts';
import {
  isolatePageblock,
  MIGRATE_ISOLATE,
  resetIsolatedPageblock,
  unisolatePageblock,
} from './free-area.ts';
import { hpagePmdNr, isThpHead } from './folio.ts';
import { getHugePageFromFreelist } from './huge-alloc.ts';
import { splitHugePage } from './huge-memory.ts';
import { count, type Kernel } from './kernel.ts';
import { migrateHugeFolio } from './thp-migrate.ts';
import { wakeupKswapd } from './kswapd.ts';
import { lruDel } from './lru.ts';
import { NIL, pageToNid, putFreeFrame } from './mem-state.ts';
import { migrateFolio, MR } from './migrate.ts';
import { getPageFromFreelist, MAX_RECLAIM_RETRIES, zoneStatistics } from './page-alloc.ts';
import { PG } from './page-flags.ts';
import { tryToFreePages } from './vmscan.ts';
import { WMARK_LOW, WMARK_MIN } from './watermark.ts';

/** One scheduled change: all of a node's memory blocks onlined (with their zone) or offlined. */
export interface HotplugAction {
  atMs: number;
  node: number;
  online: boolean;
  movable: boolean;
}

/** The machine's online and offline times in the order they happen (ties by node, onlines first). */
export function hotplugActions(machine: ResolvedMachine): HotplugAction[] {
  const out: HotplugAction[] = [];
  machine.nodes.forEach((n, node) => {
    const h = n.hotplug;
    if (!h) return;
    const movable = h.mode === 'online_movable';
    if (h.onlineAtMs !== null) out.push({ atMs: h.onlineAtMs, node, online: true, movable });
    if (h.offlineAtMs !== null) out.push({ atMs: h.offlineAtMs, node, online: false, movable });
  });
  return out.sort((a, b) => a.atMs - b.atMs || Number(b.online) - Number(a.online) || a.node - b.node);
}

/** Memory block geometry of the machine: pages per block and pageblocks per block. */
function blockGeometry(k: Kernel): { pages: number; pageblocks: number } {
  const bytes = k.machine.memoryBlockBytes ?? DEFAULT_MEMORY_BLOCK_SIZE;
  const pages = Math.floor(bytes / k.pageSize);
  return { pages, pageblocks: Math.max(1, pages / k.m.area.pageblockNr) };
}

/** Pageblock index of the first pageblock of node's memory block i. */
const firstPageblock = (k: Kernel, node: number, i: number, pageblocks: number): number =>
  k.m.area.blockStart[node]! + i * pageblocks;

function log(k: Kernel, atMs: number, node: number, detail: string): void {
  k.events.push({ atMs, kind: 'memory_hotplug', node, detail });
}

/** Nodes that are N_ONLINE: every boot node, and hot-plugged ones once their memory was added. */
function nrOnlineNodes(k: Kernel, atMs: number): number {
  return k.machine.nodes.filter(
    (n) => !n.hotplug || (n.hotplug.onlineAtMs !== null && n.hotplug.onlineAtMs <= atMs),
  ).length;
}

/**
 * Re-derives the layout for the memory now online. `zonelists`: a zone became (un)populated, so
 * build_all_zonelists() runs and logs; `tiers`: the node gained its first or lost its last memory,
 * so the memory-tiers notifier re-establishes demotion targets and dump_demotion_targets() logs.
 * Watermarks are always redone (init_per_zone_wmark_min), which also clears every watermark boost:
 * online_pages() does that after build_all_zonelists(), offline_pages() before it, which decides
 * the high marks that "Total pages" (nr_free_zone_pages) subtracts.
 */
function rederive(k: Kernel, atMs: number, node: number, online: boolean, changed: boolean): void {
  const managed = Array.from(k.m.managedPages);
  const old = k.layout;
  const min = recalculateMinFreeKbytes(
    managed,
    old.watermarks.map((w) => w.high),
    old.zoneMovable,
    k.pageSize,
    k.knobs.min_free_kbytes ?? undefined,
  );
  const next = deriveLayout(
    k.machine,
    k.knobs,
    { managedPages: managed, zoneMovable: old.zoneMovable, minFreeKbytes: min.minFreeKbytes },
    { ...k.mechanisms, kernel: k.kernel },
  );
  const minLog = `min_free_kbytes is not updated to ${min.estimate} because user defined value ${min.minFreeKbytes} is preferred`;
  if (min.kept && !online) log(k, atMs, node, minLog);
  if (changed) {
    k.machine.nodes.forEach((_, n) => log(k, atMs, node, fallbackOrderLog(n, next.zonelist[n]!)));
    const high = (online ? old : next).watermarks;
    const total = managed.reduce((sum, pages, n) => sum + Math.max(0, pages - high[n]!.high), 0);
    log(
      k,
      atMs,
      node,
      `Built ${nrOnlineNodes(k, atMs)} zonelists, mobility grouping on.  Total pages: ${total}`,
    );
  }
  if (min.kept && online) log(k, atMs, node, minLog);
  k.layout = next;
  k.watermarkBoost.fill(0);
  k.demoteOrder = demoteOrders(
    next.zonelist,
    next.demotion.map((d) => d.fallback),
  );
  if (!changed) return;
  next.demotion.forEach((d, n) => {
    if (next.managedPages[n]! > 0)
      log(k, atMs, node, demotionTargetsLog(n, effectiveDemotion(k.mechanisms, d)));
  });
}

/**
 * online_pages() for every offline memory block of `node`, lowest address first, into ZONE_MOVABLE
 * or ZONE_NORMAL. Postcondition: the blocks' pages are free and managed, the layout re-derived.
 */
export function onlineNode(k: Kernel, node: number, movable: boolean, atMs: number): void {
  const { pages, pageblocks } = blockGeometry(k);
  const a = k.m.area;
  const nrBlocks = Math.floor(k.layout.spannedPages[node]! / pages);
  let onlined = 0;
  for (let i = 0; i < nrBlocks; i++) {
    const first = firstPageblock(k, node, i, pageblocks);
    if (a.type[first] !== MIGRATE_ISOLATE) continue;
    const wasEmpty = k.m.managedPages[node] === 0;
    if (wasEmpty) k.layout.zoneMovable[node] = movable;
    for (let b = first; b < first + pageblocks; b++) resetIsolatedPageblock(a, b, a.pageblockNr);
    k.m.nrFree[node]! += pages;
    k.m.managedPages[node]! += pages;
    rederive(k, atMs, node, true, wasEmpty);
    onlined++;
  }
  // undo_isolate_page_range() puts onlined pages at the tail of the free lists: the lowest
  // addresses are handed out first, as at boot (createFreeArea), so add the highest first. Every
  // isolated pageblock of the node is one just onlined.
  for (let b = a.blockStart[node + 1]! - 1; b >= a.blockStart[node]!; b--) {
    if (a.type[b] === MIGRATE_ISOLATE) unisolatePageblock(a, node, b);
  }
  if (onlined > 0) {
    const zone = k.layout.zoneMovable[node] ? 'Movable' : 'Normal';
    log(
      k,
      atMs,
      node,
      `node ${node}: onlined ${onlined} memory blocks (${(onlined * pages * k.pageSize) / 2 ** 20}MiB) into zone ${zone}`,
    );
  }
}

/** Allocated pages of pageblock b that are not movable (page tables, slab): has_unmovable_pages(). */
function nrUnmovable(k: Kernel, b: number): number {
  const a = k.m.area;
  return a.pageblockNr - a.nrFree[b]! - a.nrMovable[b]!;
}

/**
 * alloc_migration_target() for a page of `node`: its zonelist minus the node itself (nmask is
 * N_MEMORY without it), GFP_USER | __GFP_MOVABLE | __GFP_RETRY_MAYFAIL: kswapd, direct reclaim,
 * never the OOM killer. Returns a pfn or NIL.
 */
function allocMigrationTarget(k: Kernel, node: number, zonelist: readonly number[]): number {
  let pfn = getPageFromFreelist(k, zonelist, null, WMARK_LOW, node, false);
  if (pfn !== NIL) return pfn;
  for (const n of zonelist) wakeupKswapd(k, n);
  for (let retries = 0; pfn === NIL && retries <= MAX_RECLAIM_RETRIES; retries++) {
    pfn = getPageFromFreelist(k, zonelist, null, WMARK_MIN, node, false);
    if (pfn === NIL && tryToFreePages(k, zonelist, null) === 0) retries++;
  }
  return pfn;
}

/**
 * The do_migrate_range() passes over one isolated memory block: every page on an LRU moves to the
 * nearest other node (reason MR_MEMORY_HOTPLUG), a THP whole if a free pageblock takes it. The kernel repeats until no movable page is left
 * or a signal arrives; a pass that moves nothing stands for daxctl giving up. Returns whether the
 * block is now wholly free.
 */
function migrateOutBlock(k: Kernel, node: number, first: number, pageblocks: number): boolean {
  const m = k.m;
  const a = m.area;
  const zonelist = k.layout.zonelist[node]!.filter((n) => n !== node);
  const start = m.nodeStart[node]! + (first - a.blockStart[node]!) * a.pageblockNr;
  const end = start + pageblocks * a.pageblockNr;
  for (;;) {
    let moved = 0;
    let left = 0;
    for (let pfn = start; pfn < end; pfn++) {
      if (m.owner[pfn] === NIL || !(m.flags[pfn]! & PG.lru)) continue;
      if (isThpHead(m, pfn)) {
        // Moved whole, or split and its pages (still on the LRU) taken as base pages from pfn on.
        if (migrateOutHuge(k, node, pfn, zonelist)) {
          moved++;
          pfn += hpagePmdNr(m) - 1;
        } else pfn--;
        continue;
      }
      const dst = zonelist.length > 0 ? allocMigrationTarget(k, node, zonelist) : NIL;
      // Reclaim for the target may have freed this page meanwhile.
      if (m.owner[pfn] === NIL || !(m.flags[pfn]! & PG.lru)) {
        if (dst !== NIL) putFreeFrame(m, dst);
        continue;
      }
      if (dst === NIL) {
        count(k, node, STAT.pgmigrate_fail);
        left++;
        continue;
      }
      zoneStatistics(k, node, pageToNid(m, dst), node);
      lruDel(m, pfn);
      migrateFolio(k, pfn, dst, MR.memoryHotplug);
      moved++;
    }
    k.chargedNs = 0; // the daxctl process's time, which no workload pays
    let free = 0;
    for (let b = first; b < first + pageblocks; b++) free += a.nrFree[b]!;
    if (free === pageblocks * a.pageblockNr) return true;
    if (moved === 0 || left === 0) return false;
  }
}

/**
 * migrate_pages() of THP `head` for offlining: alloc_migration_target() asks for a folio of the
 * same order on the other nodes (free pageblocks only here: no compaction for the target); on
 * -ENOMEM the THP is split (thp_migration_fail, thp_migration_split) and its base pages retried.
 * Returns true if it moved whole; else it is split, its pages on the LRU.
 */
function migrateOutHuge(k: Kernel, node: number, head: number, zonelist: readonly number[]): boolean {
  let dst = getHugePageFromFreelist(k, zonelist, null, WMARK_LOW);
  if (dst === NIL) dst = getHugePageFromFreelist(k, zonelist, null, WMARK_MIN);
  if (dst === NIL) {
    count(k, node, STAT.thp_migration_fail);
    count(k, node, STAT.thp_migration_split);
    splitHugePage(k, head);
    return false;
  }
  zoneStatistics(k, node, pageToNid(k.m, dst), node, hpagePmdNr(k.m));
  lruDel(k.m, head);
  migrateHugeFolio(k, head, dst, MR.memoryHotplug);
  return true;
}

/** %#010llx of a physical address: our pfns stand for physical frame numbers. */
const hex = (bytes: number): string => `0x${bytes.toString(16).padStart(8, '0')}`;

/**
 * offline_pages() for every online memory block of `node`, lowest address first. A block holding
 * kernel pages fails at once ("failure to isolate range": has_unmovable_pages(); never in
 * ZONE_MOVABLE); otherwise its movable pages migrate out and the block goes offline. Blocks that
 * fail stay online. Postcondition: managed pages and the layout match the blocks still online.
 */
export function offlineNode(k: Kernel, node: number, atMs: number): void {
  const { pages, pageblocks } = blockGeometry(k);
  const m = k.m;
  const a = m.area;
  const nrBlocks = Math.floor(k.layout.spannedPages[node]! / pages);
  let offlined = 0;
  let failed = 0;
  for (let i = 0; i < nrBlocks; i++) {
    const first = firstPageblock(k, node, i, pageblocks);
    if (a.type[first] === MIGRATE_ISOLATE) continue;
    const startPfn = m.nodeStart[node]! + i * pages;
    const range = `[mem ${hex(startPfn * k.pageSize)}-${hex((startPfn + pages) * k.pageSize - 1)}]`;
    let reason = '';
    if (!k.layout.zoneMovable[node]) {
      for (let b = first; b < first + pageblocks; b++)
        if (nrUnmovable(k, b) > 0) reason = 'failure to isolate range';
    }
    if (reason === '') {
      for (let b = first; b < first + pageblocks; b++) m.nrFree[node]! -= isolatePageblock(a, node, b);
      if (!migrateOutBlock(k, node, first, pageblocks)) {
        reason = 'signal backoff';
        for (let b = first; b < first + pageblocks; b++) m.nrFree[node]! += unisolatePageblock(a, node, b);
      }
    }
    if (reason !== '') {
      log(k, atMs, node, `memory offlining ${range} failed due to ${reason}`);
      failed++;
      continue;
    }
    for (let b = first; b < first + pageblocks; b++) resetIsolatedPageblock(a, b, 0);
    m.managedPages[node]! -= pages;
    const empty = m.managedPages[node] === 0;
    rederive(k, atMs, node, false, empty);
    if (empty) k.kswapd[node]!.awake = false; // kswapd_stop()
    offlined++;
  }
  const mib = (nr: number): number => (nr * pages * k.pageSize) / 2 ** 20;
  log(
    k,
    atMs,
    node,
    `node ${node}: offlined ${offlined} memory blocks (${mib(offlined)}MiB)` +
      (failed > 0 ? `; ${failed} (${mib(failed)}MiB) stay online` : ''),
  );
}

/**
 * Applies the actions due in [t0Ns, t1Ns) from `next` on, at the time each is due; returns the
 * index of the first action not yet due.
 */
export function runHotplug(k: Kernel, actions: readonly HotplugAction[], next: number, t1Ns: number): number {
  let i = next;
  for (; i < actions.length && actions[i]!.atMs * 1e6 < t1Ns; i++) {
    const act = actions[i]!;
    k.nowNs = act.atMs * 1e6;
    if (act.online) onlineNode(k, act.node, act.movable, act.atMs);
    else offlineNode(k, act.node, act.atMs);
  }
  return i;
}
