// Preset `colloid`: Colloid (SOSP'24) on its TPP kernel: balance the tiers' loaded access latencies.
import type { PolicyPreset } from '../presets.ts';

export const colloid: PolicyPreset = {
  name: 'colloid',
  title: 'Colloid: balance loaded access latency (Vuppalapati & Agarwal, SOSP 2024)',
  summary:
    'Mainline tiering (demotion + NUMA balancing memory tiering, as TPP was upstreamed in 6.3) with ' +
    "Colloid's kernel integration (numa_balancing 6): each tick colloid-mon measures both tiers' loaded " +
    "latency by Little's law (queue occupancy over arrivals, both EWMA-smoothed) and the default tier's " +
    'share p of the accesses. The scanner makes default-tier pages PROT_NONE too. While the default ' +
    "tier's latency is above the alternate tier's, a hint fault on a hot default-tier page (scan-to-fault " +
    'latency under the hot threshold) demotes it and promotion is refused; while it is below, promotion ' +
    'runs as in mainline. Each 500 ms quantum moves at most delta p of the accesses: the step from p to ' +
    'the middle of [p_lo, p_hi], the interval that brackets the balancing share. With numa_balancing 2 ' +
    "the same kernel runs plain tiering (the paper's TPP baseline).",
  source:
    'Vuppalapati & Agarwal, "Tiered Memory Management: Access Latency is the Key!", SOSP 2024; ' +
    'host-architecture/colloid: tpp/linux-6.3 (kernel/sched/fair.c numa_migrate_memory_away_target, ' +
    'mm/mprotect.c, mm/memory.c do_numa_page), tpp/colloid-mon (latency measurement), and the delta p / ' +
    "migration limit of its MEMTIS integration's colloid-mon. Left out: CHA counters as such, a per-page " +
    "access count (a hint fault's latency estimates the share), NUMA_BALANCING_NORMAL with Colloid (7).",
  knobs: { demotion_enabled: true, numa_balancing: 6 },
  mechanisms: { demotion: true, tieringPromotion: true, colloid: true },
  kernel: {
    fixed: "Colloid's fork of v6.3",
    reason:
      "NUMA_BALANCING_COLLOID, the fast-tier hint faults and colloid-mon exist only in the authors' fork " +
      'of v6.3 (host-architecture/colloid tpp/linux-6.3), never posted upstream',
  },
};
