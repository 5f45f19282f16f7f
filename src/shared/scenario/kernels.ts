// The kernel versions a scenario can run: the two that today's distributions ship (6.1 in Debian 12,
// 6.12 in Debian 13 and 12's backports), and what Tierlab models differently between them. Each
// difference is one entry of KERNEL_CHANGES, with its source; the UI lists them from here.
export const KERNEL_VERSIONS = ['6.1', '6.12'] as const;
export type KernelVersion = (typeof KERNEL_VERSIONS)[number];

/** The newer one: `"kernel"` absent from a policy whose preset lets it choose. */
export const DEFAULT_KERNEL: KernelVersion = '6.12';

export const KERNEL_RELEASES: Readonly<Record<KernelVersion, { released: string; shippedBy: string }>> = {
  '6.1': { released: '2022-12-11', shippedBy: 'Debian 12 (bookworm), an LTS kernel' },
  '6.12': { released: '2024-11-17', shippedBy: 'Debian 13 (trixie) and bookworm-backports, an LTS kernel' },
};

/**
 * The kernel a preset runs. A mainline preset lets the policy's `"kernel"` pick one of
 * KERNEL_VERSIONS (absent: the newer); a research series keeps the kernel it was written for, so
 * the field is refused there: its mechanisms are that series', not 6.1's or 6.12's.
 */
export type PresetKernel =
  | { readonly choice: readonly KernelVersion[] }
  | {
      /** The release the series was posted against, as the UI shows it. */
      readonly fixed: string;
      /** Why it cannot run on 6.1 or 6.12. */
      readonly reason: string;
    };

/** Mainline presets that run on either modelled version. */
export const EITHER_KERNEL: PresetKernel = { choice: KERNEL_VERSIONS };

/** Where a difference shows: the counters a run records, or the behaviour of a modelled mechanism. */
export type KernelChangeKind = 'counters' | 'behaviour' | 'interface';

export interface KernelChange {
  /** The version that has it; the other behaves as the text's "before" says. */
  readonly in: KernelVersion;
  readonly kind: KernelChangeKind;
  /** What changes, in a line the UI can show. */
  readonly what: string;
  /** The commit or series, with the release it landed in. */
  readonly source: string;
}

/**
 * What Tierlab models differently on 6.12 than on 6.1. The counter entries follow vmstat.ts's
 * declarations (COUNTER_KERNELS, PER_NODE_SINCE), which carry the same sources.
 */
export const KERNEL_CHANGES: readonly KernelChange[] = [
  {
    in: '6.12',
    kind: 'behaviour',
    what:
      "a PMEM/CXL node's memory tier follows its HMAT performance (mt_perf_to_adistance); on 6.1 every " +
      'dax/kmem node gets the default adistance 2880 (memory_tier22), so a CXL and a PMEM node share a tier ' +
      'and an HBM node sits below DRAM',
    source:
      'Huang Ying, "memory tiering: calculate abstract distance based on ACPI HMAT" (v4, 2023-09-26), v6.7: ' +
      'mm/memory-tiers.c mt_perf_to_adistance, drivers/acpi/numa/hmat.c hmat_calculate_adistance',
  },
  {
    in: '6.12',
    kind: 'counters',
    what:
      'pgdemote_kswapd/direct are per node (/sys/devices/system/node/nodeN/vmstat, counted on the source ' +
      'node); on 6.1 they are machine-wide vm events only',
    source:
      'Li Zhijian, "mm/vmstat: Move pgdemote_* to per-node stats" (v2, 2023-11-03), v6.8: PGDEMOTE_* moved ' +
      'from enum vm_event_item to enum node_stat_item, demote_folio_list counts with mod_node_page_state',
  },
  {
    in: '6.12',
    kind: 'counters',
    what:
      'pgdemote_khugepaged, pgscan_khugepaged and pgsteal_khugepaged are printed (khugepaged is not ' +
      'modelled, so Tierlab records none of them)',
    source:
      'Johannes Weiner, "mm: vmscan: split khugepaged stats from direct reclaim stats" (v2, 2022-10-26), v6.2',
  },
  {
    in: '6.12',
    kind: 'interface',
    what:
      'MPOL_WEIGHTED_INTERLEAVE with /sys/kernel/mm/mempolicy/weighted_interleave/nodeN, every weight 1 until ' +
      'one is written (weighted_interleave/auto, weights from bandwidth, is v6.16: in neither); 6.1 refuses the mode',
    source:
      'Gregory Price, "mm/mempolicy: implement the sysfs-based weighted_interleave interface", v6.9; ' +
      'Joshua Hahn, "mm/mempolicy: Weighted Interleave Auto-tuning", v6.16',
  },
  {
    in: '6.12',
    kind: 'behaviour',
    what:
      'the multi-gen LRU keeps a memcg LRU per node (memcgs in generations of bins, rotated by ' +
      'lru_gen_rotate_memcg) that global reclaim walks (shrink_many, shrink_one); on 6.1 MGLRU walks ' +
      'memcgs as the two lists do (shrink_node_memcgs), kswapd ages them in lru_gen_age_node',
    source:
      'Yu Zhao, "mm: multi-gen LRU: memcg LRU" series (per-node lru_gen_folio lists, lru_gen_rotate_memcg), v6.3',
  },
  {
    in: '6.12',
    kind: 'behaviour',
    what:
      'the multi-gen LRU is on by default (lru_gen_enabled true, as Debian builds 6.12 with ' +
      'CONFIG_LRU_GEN_ENABLED=y) for presets linux and linux-tiering; on 6.1 (Debian 12) it is built in ' +
      'but off, so reclaim uses the active/inactive lists unless lru_gen_enabled is set',
    source:
      'Yu Zhao, "mm: multi-gen LRU" series, v6.1: mm/Kconfig LRU_GEN_ENABLED (default n) turns on ' +
      "lru_gen_caps[LRU_GEN_CORE] at boot; Debian's configs set CONFIG_LRU_GEN=y on both and " +
      'CONFIG_LRU_GEN_ENABLED=y on 6.12 only',
  },
  {
    in: '6.12',
    kind: 'behaviour',
    what:
      'NUMA balancing scans a VMA only once scan_delay has passed since its first visit (after the ' +
      "mm's first pass), and after its first two passes only if the scanning thread hint-faulted on it in " +
      'the last two windows of 4 x scan_delay, the last scan stopped inside it, it was last completed more ' +
      'passes ago than the process has threads, or no other VMA is left (one is then scanned anyway); ' +
      'the threads take turns scanning. On 6.1 every scan walks every VMA in order',
    source:
      'Raghavendra K T, "sched/numa: apply the scan delay to every new vma" (ef6a22b70f6d), "sched/numa: ' +
      'enhance vma scanning logic" (fc137c0ddab2) and "implement access PID reset logic", v6.4; Mel Gorman, ' +
      '"sched/numa: Complete scanning of partial VMAs regardless of PID activity" (b7a5b537c55c) and ' +
      '"Complete scanning of inactive VMAs when there is no alternative", v6.7; Raghavendra K T, ' +
      '"sched/numa: Fix mm numa_scan_seq based unconditional scan" (84db47ca7146, start_scan_seq); ' +
      'Yujie Liu, "sched/numa: Fix the vma scan starving issue" (f22cde4371f3, prev_scan_seq + ' +
      'get_nr_threads), v6.12',
  },
];

/**
 * The kernels whose NUMA-balancing scanner keeps per-VMA state (vma_numab_state) and passes over
 * the VMAs the scanning thread has not faulted on lately: every mainline release from v6.4, so of
 * the modelled ones 6.12 only. The KERNEL_CHANGES entry above carries the commits.
 */
export const VMA_SCAN_FILTER_KERNELS: readonly KernelVersion[] = ['6.12'];

/** The changes a run on `kernel` has that the other version lacks. */
export function changesIn(kernel: KernelVersion): readonly KernelChange[] {
  return KERNEL_CHANGES.filter((c) => c.in === kernel);
}
