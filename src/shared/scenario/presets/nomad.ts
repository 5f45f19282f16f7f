// Preset `nomad`: NOMAD's non-exclusive memory tiering with transactional page migration (OSDI'24)
// on top of mainline tiering's demotion and NUMA-balancing promotion.
import type { PolicyPreset } from '../presets.ts';

export const nomad: PolicyPreset = {
  name: 'nomad',
  title: 'NOMAD: non-exclusive tiering, transactional promotion (OSDI 2024)',
  summary:
    'Promotion candidates are chosen as in mainline tiering (NUMA balancing mode 2, hot threshold, rate ' +
    'limit), but a hint fault only queues the page: a promotion worker copies it while it stays mapped and ' +
    'commits the move only if the page was not written during the copy (abort otherwise, retried at a ' +
    'later hint fault). A promoted page keeps its slow-tier copy as a shadow and is mapped write-protected: ' +
    'its first write frees the shadow; demoting a still-clean page remaps it to its shadow without a copy; ' +
    'the slow node gives shadow memory back first when it reclaims.',
  source:
    'Xiang, Lin, Deng, Lu, Rao, Yuan, Wang, "NOMAD: Non-Exclusive Memory Tiering via Transactional Page ' +
    'Migration", OSDI 2024; github.com/lingfenghsiang/Nomad (src/nomad_module/async_promote_main.c, ' +
    'src/implementation_patches/nomad.patch on Linux 5.13-rc6 with TPP). Candidate selection here is ' +
    "mainline's hot-page selection, not the module's look-back over the last 20 hint faults.",
  knobs: { demotion_enabled: true, numa_balancing: 2 },
  mechanisms: { demotion: true, tieringPromotion: true, nomad: true },
  kernel: {
    fixed: "the paper's own (Linux 5.13-rc6 + TPP + NOMAD's module)",
    reason:
      "NOMAD's shadow pages and transactional migration are an out-of-tree patch and module; neither 6.1 " +
      'nor 6.12 has them',
  },
};
