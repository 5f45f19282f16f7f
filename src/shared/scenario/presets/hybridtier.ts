// Preset `hybridtier`: HybridTier's user-space tiering runtime (Song et al., ASPLOS'25).
import type { PolicyPreset } from '../presets.ts';

export const hybridtier: PolicyPreset = {
  name: 'hybridtier',
  title: 'HybridTier: adaptive, lightweight CXL tiering (ASPLOS 2025)',
  summary:
    'A user-space runtime samples loads with PEBS (one sample every hybridtier_sample_period loads) and ' +
    'counts them, a batch of hybridtier_batch_samples at a time, in two count-min sketches of 4-bit ' +
    'counters: frequency (aged every 160 samples per fast-tier page) and momentum (100x smaller, aged every ' +
    '1.1 M samples: recency). A sampled page whose frequency reaches the hot threshold or whose momentum ' +
    'reaches hybridtier_momentum_threshold is move_pages()d to DRAM. When free DRAM falls below 1.25% ' +
    '(hybridtier_alloc_wmark_bp) it scans DRAM pages in address order for cold ones (low frequency, no ' +
    'momentum) and demotes up to 5% free (hybridtier_demote_wmark_bp); hot pages ' +
    'without momentum get a second chance (demoted 60 s later if not sampled since), demotion is ' +
    'throttled past 100 MiB/s. At a promotion plateau the hot threshold steps down from 5 to 3 while hot ' +
    'pages fill under 80% of DRAM; otherwise, or after two sweeps without enough cold pages, sampling ' +
    'stops (monitor mode: 120 s, then perf stat every 60 s) until the DRAM hit ratio falls, and the ' +
    'sketches age. The kernel neither demotes nor promotes. Sample counts (batch, momentum window, ' +
    "plateau) are scaled to the fast tier's share of the artifact's 32 GiB.",
  source:
    'HybridTier: an Adaptive and Lightweight CXL-Memory Tiering System, Kevin Song et al., ASPLOS 2025; ' +
    'the artifact github.com/rohankadekodi/hybridtier-asplos25-artifact (tiering_runtime/hybridtier.cpp, ' +
    'frequency_sketch_block.hpp). Left out: huge-page mode, PEBS cost to the application, sampling of ' +
    'sequential workloads and traces.',
  knobs: { demotion_enabled: false, numa_balancing: 0 },
  mechanisms: { demotion: true, tieringPromotion: true, mover: 'hybridtier' },
  kernel: {
    fixed: "the artifact's v6.2 (kevins981/linux v6.2-hybridtier)",
    reason:
      'the paper evaluated its runtime on a v6.2 kernel patched to emulate CXL memory with a remote NUMA ' +
      'node (the runtime itself needs only perf PEBS and move_pages), so neither 6.1 nor 6.12 is its kernel',
  },
};
