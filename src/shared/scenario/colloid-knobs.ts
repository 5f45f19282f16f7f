// Colloid's knobs (Vuppalapati & Agarwal, SOSP'24): the constants of its colloid-mon kernel module
// and its migration quantum, by their names in host-architecture/colloid. Part of KNOBS (knobs.ts).
import type { KnobSpec } from './knobs.ts';

export const COLLOID_KNOBS = {
  colloid_ewma_exp: {
    group: 'colloid',
    default: 1,
    kind: 'int',
    min: 0,
    max: 10,
    unit: 'shift',
    path: 'colloid-mon.c EWMA_EXP',
    help:
      'Smoothing of the per-tier occupancy and arrival counts, one sample a tick: each sample weighs ' +
      "1/2^exp against the history. colloid-mon's value when it samples every 10 ms is 1 (its spin-polling " +
      'build uses 5 over microsecond samples).',
  },
  colloid_delta_percent: {
    group: 'colloid',
    default: 5,
    kind: 'int',
    min: 0,
    max: 100,
    unit: '%',
    path: 'colloid-mon.c COLLOID_DELTA_PERCENT',
    help:
      "Latencies within this share of the default tier's count as balanced: delta p is 0 and Colloid moves " +
      'nothing.',
  },
  colloid_epsilon_percent: {
    group: 'colloid',
    default: 1,
    kind: 'int',
    min: 1,
    max: 50,
    unit: '%',
    path: 'colloid-mon.c COLLOID_EPSILON_PERCENT',
    help:
      'When the search interval [p_lo, p_hi] for the balancing access share is narrower than this, it is ' +
      'reopened on the side the latencies point to (the load changed).',
  },
  colloid_quantum_ms: {
    group: 'colloid',
    default: 500,
    kind: 'int',
    min: 10,
    max: 60000,
    unit: 'ms',
    path: 'colloid-mon.c MIGRATION_QUANTUM_MS',
    help:
      'Each quantum Colloid may shift delta p of the accesses between tiers (as measured at its start) and ' +
      'no more; moves stop for the rest of the quantum once the pages moved add up to it.',
  },
  colloid_migrate_limit_MBps: {
    group: 'colloid',
    default: 65536,
    kind: 'int',
    min: 1,
    max: 1048576,
    unit: 'MB/s',
    path: 'Tierlab: a cap on the dynamic limit (the artifact has none)',
    help:
      "A static cap on Colloid's moves per quantum, on top of delta p. The artifact caps nothing beyond " +
      "delta p (and NUMA balancing's own promotion rate limit), so the default does not bind.",
  },
} as const satisfies Record<string, KnobSpec>;

export interface ColloidKnobs {
  colloid_ewma_exp: number;
  colloid_delta_percent: number;
  colloid_epsilon_percent: number;
  colloid_quantum_ms: number;
  colloid_migrate_limit_MBps: number;
}
