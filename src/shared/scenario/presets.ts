// The registry of policy presets: named bundles of kernel knobs, one per system a user may want to
// reproduce, plus the mechanisms that system's kernel has at all. One file per preset in ./presets/.
import { defaultKnobs, type Knobs } from './knobs.ts';
import type { ResolvedPolicy } from './resolved.ts';
import { DEFAULT_KERNEL, type KernelVersion, type PresetKernel } from './kernels.ts';
import {
  KERNEL_DEPENDENT_KNOBS,
  KERNEL_KNOB_DEFAULTS,
  type KernelDependentKnob,
} from './kernel-knob-defaults.ts';
import { linux } from './presets/linux.ts';
import { noTiering } from './presets/no-tiering.ts';
import { hansen2020 } from './presets/hansen-2020.ts';
import { yangShiV3 } from './presets/yang-shi-v3.ts';
import { wu2018Daemon } from './presets/wu-2018-daemon.ts';
import { linuxTiering } from './presets/linux-tiering.ts';
import { tpp } from './presets/tpp.ts';
import { damonTiering } from './presets/damon-tiering.ts';
import { hybridtier } from './presets/hybridtier.ts';
import { colloid } from './presets/colloid.ts';
import { nomad } from './presets/nomad.ts';
import { memtis } from './presets/memtis.ts';

/**
 * What the modelled kernel can do, whatever the knobs say. A knob cannot switch on a mechanism the
 * kernel lacks: the parser rejects that, and the engine reads these flags (e.g. to compute no
 * demotion targets at all on a kernel that predates them).
 */
export interface PresetMechanisms {
  /** Demotion in reclaim (migrate-in-lieu-of-discard, v5.15; RFCs from 2019). */
  readonly demotion: boolean;
  /** NUMA balancing's memory-tiering mode, NUMA_BALANCING_MEMORY_TIERING (v5.18). */
  readonly tieringPromotion: boolean;
  /**
   * The 2019-20 RFCs' RECLAIM_MIGRATE (zone_reclaim_mode bit 8): demotion in reclaim to one
   * target per node, with that series' rules (Yang Shi v3: anon only, contended target -> swap).
   */
  readonly reclaimMigrate?: 'hansen-2020' | 'yang-shi-v3';
  /**
   * "Don't demote for memcg reclaim": the RFC series (Hansen 2019-20, Yang Shi v3) and mainline
   * 5.15-5.18 (Dave Hansen's 3a235693d393 "mm/vmscan: never demote for memcg reclaim") left a
   * cgroup's pages where they were when the cgroup hit its limit. Johannes Weiner's 3f1509c57b1b
   * (Revert "mm/vmscan: never demote for memcg reclaim", posted 2022-05-18, in the v5.19 mm pull
   * beside his "zswap: memcg accounting") demotes there again; presets without
   * this flag follow the revert.
   */
  readonly noMemcgDemotion?: boolean;
  /** TPP: WMARK_DEMOTE reclaim ahead of allocation, and promotion of active-LRU pages only. */
  readonly tpp?: boolean;
  /** A placement agent outside reclaim: the memory-optimizer daemon, DAMON's DAMOS schemes, HybridTier's runtime, MEMTIS. */
  readonly mover?: 'memory-optimizer' | 'damon' | 'hybridtier' | 'memtis';
  /**
   * Colloid's kernel (SOSP'24, a fork of v6.3): numa_balancing bit 4 balances the tiers' loaded
   * latencies through hint faults on both tiers (mm/colloid.ts).
   */
  readonly colloid?: boolean;
  /**
   * NOMAD (OSDI'24): promoted pages keep a slow-tier shadow until written, and promotion is
   * transactional (copy, then commit unless written meanwhile); knobs nomad_* (nomad-knobs.ts).
   */
  readonly nomad?: boolean;
  /** The multi-gen LRU (MGLRU, v6.1): lru_gen_enabled may switch reclaim to it. */
  readonly lruGen?: boolean;
  /** Wu's patch 10/21: DRAM and PMEM nodes get separate zonelists (no allocation fallback between them). */
  readonly separateZonelists?: boolean;
  /** Wu's patches 11-12: page-table pages always come from DRAM nodes. */
  readonly pageTablesInDram?: boolean;
}

export interface PolicyPreset {
  /** Kebab-case id used in scenario files: `"policy": { "preset": "linux" }`. */
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  /** Where the policy comes from: a kernel release, a patch series, a paper. */
  readonly source: string;
  /** Knobs the preset sets; the rest keep the kernel's defaults, and explicit knobs win over both. */
  readonly knobs: Partial<Knobs>;
  readonly mechanisms: PresetMechanisms;
  readonly kernel: PresetKernel;
}

/** Every preset, in the order the UI lists them. A new preset is a file in ./presets/ and a line here. */
export const PRESETS: readonly PolicyPreset[] = [
  linux,
  noTiering,
  hansen2020,
  yangShiV3,
  wu2018Daemon,
  linuxTiering,
  tpp,
  damonTiering,
  hybridtier,
  colloid,
  nomad,
  memtis,
];

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);

export const DEFAULT_PRESET = linux.name;

export function getPreset(name: string): PolicyPreset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/**
 * Knobs as a preset leaves them on `kernel` (resolveKernel's answer): the kernel's defaults, the
 * ones that depend on the version (kernel-knob-defaults.ts), then the preset's own. E.g. `linux`
 * on 6.12 has lru_gen_enabled true, on 6.1 false; `damon-tiering` (kernel null) false.
 */
export function presetKnobs(preset: PolicyPreset, kernel: KernelVersion | null): Knobs {
  const versioned = kernel !== null && preset.mechanisms.lruGen ? KERNEL_KNOB_DEFAULTS[kernel] : {};
  return { ...defaultKnobs(), ...versioned, ...preset.knobs };
}

/**
 * Knobs as a preset left them before any default depended on the kernel (lru_gen_enabled was off
 * on both): what a run stored then ran with, and what scenarioIdentity measures knobs against so
 * that those runs keep their group.
 */
export function presetKnobsBeforeKernelDefaults(preset: PolicyPreset): Knobs {
  return { ...defaultKnobs(), ...preset.knobs };
}

/** The knobs whose default for this preset depends on the kernel it runs (none for a fixed kernel). */
export function kernelDependentKnobs(preset: PolicyPreset): readonly KernelDependentKnob[] {
  if ('fixed' in preset.kernel) return [];
  const versions = preset.kernel.choice;
  const before = presetKnobsBeforeKernelDefaults(preset);
  return KERNEL_DEPENDENT_KNOBS.filter((name) =>
    versions.some((k) => presetKnobs(preset, k)[name] !== before[name]),
  );
}

/** The mechanisms a resolved policy's kernel has; throws for a preset name no parser would accept. */
export function policyMechanisms(policy: ResolvedPolicy): PresetMechanisms {
  const preset = getPreset(policy.preset);
  if (!preset) throw new Error(`unknown policy preset "${policy.preset}"`);
  return preset.mechanisms;
}

/** The kernel version a policy runs, or null for a research preset's own kernel (see PresetKernel). */
export function resolveKernel(preset: PolicyPreset, kernel: KernelVersion | undefined): KernelVersion | null {
  if ('fixed' in preset.kernel) return null;
  return (
    kernel ?? (preset.kernel.choice.includes(DEFAULT_KERNEL) ? DEFAULT_KERNEL : preset.kernel.choice[0]!)
  );
}

/** How the UI names a preset's kernel: "6.1 or 6.12", or the series' own release. */
export function presetKernelLabel(preset: PolicyPreset): string {
  return 'fixed' in preset.kernel ? preset.kernel.fixed : preset.kernel.choice.join(' or ');
}
