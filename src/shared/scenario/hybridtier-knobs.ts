// The knobs of HybridTier's runtime (Song et al., ASPLOS'25; tiering_runtime/hybridtier.cpp of the
// artifact), by the runtime's own names. The runtime's other constants are fixed in its code and in
// src/engine/movers/hybridtier/constants.ts.
import type { KnobSpec } from './knobs.ts';

export const HYBRIDTIER_KNOBS = {
  hybridtier_sample_period: {
    group: 'hybridtier',
    default: 100,
    kind: 'int',
    min: 1,
    max: 10000000,
    unit: 'loads',
    path: 'perf_event_attr.sample_period of MEM_LOAD_L3_MISS_RETIRED.LOCAL_DRAM/REMOTE_DRAM',
    help:
      'One PEBS sample every this many loads of a thread. The runtime sets perf frequency mode at ' +
      '100 kHz a CPU; a memory-bound thread making ~10 M loads/s is then sampled about every 100.',
  },
  hybridtier_batch_samples: {
    group: 'hybridtier',
    default: 100000,
    kind: 'int',
    min: 1,
    max: 100000000,
    unit: 'samples',
    path: 'SAMPLE_BATCH_SIZE',
    help:
      'Samples gathered before the runtime updates its sketches, promotes and checks free memory; the ' +
      'promotion-plateau check (hot threshold down a step) needs 500 batches.',
  },
  hybridtier_hot_threshold: {
    group: 'hybridtier',
    default: 5,
    kind: 'int',
    min: 3,
    max: 15,
    unit: 'samples',
    path: 'initial_hot_thresh',
    help:
      'A page whose frequency estimate reaches this is hot: promoted from the slow tier, never demoted. ' +
      'The runtime lowers it a step at a promotion plateau (to 3) and resets it after monitor mode.',
  },
  hybridtier_momentum_threshold: {
    group: 'hybridtier',
    default: 3,
    kind: 'int',
    min: 1,
    max: 15,
    unit: 'samples',
    path: 'INIT_MOMENTUM_THRESH (momentum_thresh)',
    help:
      'A page whose momentum (its estimate in a small sketch aged every ~1.1 M samples) reaches this ' +
      'is promoted even below the hot threshold: a newly hot page climbs before its frequency does.',
  },
  hybridtier_alloc_wmark_bp: {
    group: 'hybridtier',
    default: 125,
    kind: 'int',
    min: 1,
    max: 10000,
    unit: 'bp',
    path: 'ALLOC_WMARK (DEMOTE_WMARK / 4)',
    help:
      'The runtime demotes once free DRAM falls to this share (1/10000) of it. On a small simulated node ' +
      "the kernel's min watermark alone keeps more than 1.25% free, and the runtime would never demote: " +
      'raise it there (and hybridtier_demote_wmark_bp with it).',
  },
  hybridtier_demote_wmark_bp: {
    group: 'hybridtier',
    default: 500,
    kind: 'int',
    min: 1,
    max: 10000,
    unit: 'bp',
    path: 'DEMOTE_WMARK (FAST_MEMORY_SIZE / 20)',
    help: 'Each demotion pass frees DRAM up to this share (1/10000) of it, coldest pages first.',
  },
} as const satisfies Record<string, KnobSpec>;

export interface HybridtierKnobs {
  hybridtier_sample_period: number;
  hybridtier_batch_samples: number;
  hybridtier_hot_threshold: number;
  hybridtier_momentum_threshold: number;
  hybridtier_alloc_wmark_bp: number;
  hybridtier_demote_wmark_bp: number;
}
