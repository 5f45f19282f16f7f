// Charging and limits of memory cgroups (mm/memcontrol.c): try_charge reclaims a cgroup over
// memory.max in the charging task and OOM-kills inside the cgroup when that fails; a cgroup over
// memory.high is reclaimed and throttled when the task returns to user space; memory.reclaim
// reclaims on request (proactive). The reclaim itself is try_to_free_mem_cgroup_pages (vmscan.ts).
import { groupOf, type Kernel } from './kernel.ts';
import { MEMCG_EVENT, MEMCG_STAT } from './memcg-state.ts';
import { memcgCount, memcgMemoryEvent, memcgUsage } from './memcg-protection.ts';
import { DEF_PRIORITY, SWAP_CLUSTER_MAX, scanControl, type ScanControl } from './scan-control.ts';
import { doTryToFreePages } from './vmscan.ts';

/** MAX_RECLAIM_RETRIES: charge attempts without progress before the memcg OOM killer. */
const MAX_RECLAIM_RETRIES = 16;
/** MEMCG_CHARGE_BATCH: pages a per-CPU stock precharges; memory.high is checked per batch. */
export const MEMCG_CHARGE_BATCH = 64;
/** PAGE_ALLOC_COSTLY_ORDER 3: a charge of up to 8 pages retries as long as reclaim made progress. */
const COSTLY_PAGES = 8;
/** CONFIG_HZ (250 is Kconfig's default): the high-limit penalty is counted in jiffies. */
const HZ = 250;
const NS_PER_JIFFY = 1e9 / HZ;
/** MEMCG_MAX_HIGH_DELAY_JIFFIES: a task sleeps at most 2 s per return to user for memory.high. */
const MAX_HIGH_DELAY_JIFFIES = 2 * HZ;
/**
 * Our bound on try_charge's and the high handler's retry loops, which the kernel leaves open while
 * reclaim reports progress (demoted pages count as reclaimed, yet stay charged): a run never hangs.
 */
const MAX_CHARGE_LOOPS = 4096;

/** The cgroup vpage's workload is charged to (get_mem_cgroup_from_mm). */
export function memcgOfVpage(k: Kernel, vpage: number): number {
  return k.memcg.ofGroup[groupOf(k, vpage)]!;
}

/** mem_cgroup_margin(): pages memcg may still charge under memory.max. */
export function memcgMargin(k: Kernel, memcg: number): number {
  if (memcg === 0) return Infinity;
  return Math.max(0, k.memcg.limits[memcg]!.max - memcgUsage(k, memcg));
}

export interface MemcgReclaimOptions {
  /** MEMCG_RECLAIM_MAY_SWAP. */
  maySwap: boolean;
  /** MEMCG_RECLAIM_PROACTIVE: memory.reclaim. */
  proactive: boolean;
  /** memory.reclaim's nodes= (6.2-rc only): the nodes reclaim may scan, null for all. */
  nodemask: Uint8Array | null;
  /** numa_node_id() of the reclaiming task: whose zonelist is walked. */
  local: number;
}

/**
 * try_to_free_mem_cgroup_pages(): reclaim aimed at one cgroup's lruvecs, over the local node's
 * whole fallback zonelist "to put equal pressure on all the nodes". Returns the scan control,
 * whose costNs the caller charges to whoever runs it.
 */
export function tryToFreeMemCgroupPages(
  k: Kernel,
  memcg: number,
  nrPages: number,
  o: MemcgReclaimOptions,
): ScanControl {
  const sc = scanControl('direct', Math.max(nrPages, SWAP_CLUSTER_MAX), DEF_PRIORITY);
  sc.targetMemcg = memcg;
  sc.maySwap = o.maySwap;
  sc.proactive = o.proactive;
  sc.nodemask = o.nodemask;
  sc.noDemotion = k.mechanisms.noMemcgDemotion === true;
  doTryToFreePages(k, k.layout.zonelist[o.local]!, null, sc);
  return sc;
}

function reclaimForCharge(k: Kernel, memcg: number, nrPages: number, local: number): number {
  const sc = tryToFreeMemCgroupPages(k, memcg, nrPages, {
    maySwap: true,
    proactive: false,
    nodemask: null,
    local,
  });
  k.chargedNs += sc.costNs;
  return sc.nrReclaimed;
}

/**
 * try_charge() of nrPages for a fault of a task in memcg on node `local`, before its page is
 * allocated. Over memory.max it counts a `max` event and reclaims the cgroup, retrying while
 * reclaim progresses (up to MAX_RECLAIM_RETRIES times without); then the memcg OOM killer kills
 * the cgroup's largest task and the retries start over. Returns false when the charging task was
 * killed. If there is nothing in the cgroup to kill the charge goes through over the limit (the
 * kernel would fail the fault with VM_FAULT_OOM and retry it).
 */
export function memcgTryCharge(
  k: Kernel,
  memcg: number,
  nrPages: number,
  local: number,
  isCurrentKilled: () => boolean,
): boolean {
  if (memcg === 0) return true;
  const max = k.memcg.limits[memcg]!.max;
  let retries = MAX_RECLAIM_RETRIES;
  for (let loop = 0; loop < MAX_CHARGE_LOOPS; loop++) {
    if (memcgUsage(k, memcg) + nrPages <= max) return true;
    memcgMemoryEvent(k, memcg, MEMCG_EVENT.max);
    const reclaimed = reclaimForCharge(k, memcg, nrPages, local);
    if (memcgMargin(k, memcg) >= nrPages) continue;
    if (reclaimed && nrPages <= COSTLY_PAGES) continue;
    if (retries-- > 0) continue;
    // mem_cgroup_oom() -> mem_cgroup_out_of_memory(): the OOM killer within the cgroup.
    memcgMemoryEvent(k, memcg, MEMCG_EVENT.oom);
    if (!k.oom.killLargest(k, 'Memory cgroup out of memory', memcg)) return true;
    if (isCurrentKilled()) return false;
    retries = MAX_RECLAIM_RETRIES;
  }
  return true;
}

/**
 * After a charge of nrPages went through (the page is on memcg's lists): counts the fault in
 * memory.stat and, once per MEMCG_CHARGE_BATCH pages as the stock refill does, checks memory.high,
 * adding a batch to the task's memcg_nr_pages_over_high when usage is above it.
 */
export function memcgCharged(k: Kernel, memcg: number, nrPages: number): void {
  if (memcg === 0) return;
  const s = k.memcg;
  s.sinceHighCheck[memcg]! += nrPages;
  if (s.sinceHighCheck[memcg]! < MEMCG_CHARGE_BATCH) return;
  const batch = s.sinceHighCheck[memcg]!;
  s.sinceHighCheck[memcg] = 0;
  if (memcgUsage(k, memcg) > s.limits[memcg]!.high) {
    s.overHigh.memcg = memcg;
    s.overHigh.nrPages += batch;
  }
}

/** memcg_events(PGFAULT) for memory.stat. */
export function memcgCountFault(k: Kernel, memcg: number): void {
  memcgCount(k, memcg, MEMCG_STAT.pgfault);
}

/**
 * calculate_high_delay(): the throttle for a task that charged nrPages over memory.high, growing
 * with the square of the overage ((usage - high) / high, in 2^-20 units), in jiffies, at most 2 s.
 */
export function calculateHighDelay(usage: number, high: number, nrPages: number): number {
  if (usage <= high) return 0;
  const overage = Math.floor(((usage - high) * 2 ** 20) / Math.max(high, 1));
  // max_overage^2 * HZ >> MEMCG_DELAY_PRECISION_SHIFT (20) >> MEMCG_DELAY_SCALING_SHIFT (14)
  let penalty = Math.floor((overage * overage * HZ) / 2 ** 34);
  penalty = Math.floor((penalty * nrPages) / MEMCG_CHARGE_BATCH);
  return Math.min(penalty, MAX_HIGH_DELAY_JIFFIES);
}

/**
 * mem_cgroup_handle_over_high(), on return to user space: reclaim_high() the pages charged over
 * memory.high (a `high` event each time usage is still above it), and while the penalty is more
 * than 10 ms and reclaim progresses (or retries remain) reclaim SWAP_CLUSTER_MAX more; then sleep
 * the penalty (schedule_timeout_killable), charged to the task as stall time.
 */
export function memcgHandleOverHigh(k: Kernel, local: number): void {
  const over = k.memcg.overHigh;
  const { memcg, nrPages } = over;
  if (!nrPages) return;
  over.nrPages = 0;
  const high = k.memcg.limits[memcg]!.high;
  let inRetry = false;
  let retries = MAX_RECLAIM_RETRIES;
  let penalty = 0;
  for (let loop = 0; loop < MAX_CHARGE_LOOPS; loop++) {
    let reclaimed = 0;
    if (memcgUsage(k, memcg) > high) {
      memcgMemoryEvent(k, memcg, MEMCG_EVENT.high);
      reclaimed = reclaimForCharge(k, memcg, inRetry ? SWAP_CLUSTER_MAX : nrPages, local);
    }
    penalty = calculateHighDelay(memcgUsage(k, memcg), high, nrPages);
    if (penalty <= HZ / 100) return;
    if (!reclaimed && retries-- <= 0) break;
    inRetry = true;
  }
  k.chargedNs += penalty * NS_PER_JIFFY;
}

/** What one write to memory.reclaim did: pages asked, pages reclaimed, and -EAGAIN if short. */
export interface MemoryReclaimResult {
  nrToReclaim: number;
  nrReclaimed: number;
  eagain: boolean;
}

/**
 * memory_reclaim(): a write of `bytes` to the cgroup's memory.reclaim. Reclaims in batches of a
 * quarter of what is left ("will converge on zero, but reclaim enforces a minimum" of
 * SWAP_CLUSTER_MAX), proactive and may swap; gives up with -EAGAIN after MAX_RECLAIM_RETRIES
 * batches that freed nothing. Demoted pages count as reclaimed, as shrink_folio_list counts them.
 * Its cost is the writer's (a user-space agent outside the simulation), not a task's.
 */
export function memoryReclaim(
  k: Kernel,
  memcg: number,
  bytes: number,
  nodemask: Uint8Array | null,
  local: number,
): MemoryReclaimResult {
  const nrToReclaim = Math.floor(bytes / k.pageSize);
  let nrReclaimed = 0;
  let retries = MAX_RECLAIM_RETRIES;
  while (nrReclaimed < nrToReclaim) {
    const batch = Math.floor((nrToReclaim - nrReclaimed) / 4);
    const sc = tryToFreeMemCgroupPages(k, memcg, batch, { maySwap: true, proactive: true, nodemask, local });
    if (!sc.nrReclaimed && retries-- <= 0) return { nrToReclaim, nrReclaimed, eagain: true };
    nrReclaimed += sc.nrReclaimed;
  }
  return { nrToReclaim, nrReclaimed, eagain: false };
}
