// Checks that relate fields to each other (node ids, CPUs, distances, mempolicies, time steps, the
// engine's limits), run after the schema on whatever parts of the file it could read, so every
// problem is reported.
import { NUMA_BALANCING_COLLOID, NUMA_BALANCING_MEMORY_TIERING, type Knobs } from './knobs.ts';
import { getPreset, presetKnobs, resolveKernel } from './presets.ts';
import type { ScenarioError } from './errors.ts';
import type { ScenarioParts } from './salvage.ts';
import { checkMachine, validPageSize } from './check-machine.ts';
import { checkLimits } from './check-limits.ts';
import { checkHotplug } from './check-hotplug.ts';
import { checkWorkloads } from './check-workload.ts';

export type Report = (path: string, message: string) => void;

/** Checks the parts of a file (see ./salvage.ts); each check runs only on the fields it needs. */
export function checkScenario(parts: ScenarioParts): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const report: Report = (path, message) => errors.push({ path, message });
  checkMachine(parts, report);
  checkHotplug(parts, report);
  if (parts.preset !== undefined) checkPolicy(parts.preset, parts.kernel, parts.knobs, report);
  if (parts.preset !== undefined) checkKernel(parts, report);
  checkWorkloads(parts, report);
  if (parts.run) checkRun(parts.run, report);
  checkLimits(parts, validPageSize(parts.pageSize), report);
  return errors;
}

/** A knob cannot switch on a mechanism the preset's kernel does not have. */
function checkPolicy(
  presetName: string,
  kernel: ScenarioParts['kernel'],
  explicit: Partial<Knobs>,
  report: Report,
): void {
  const preset = getPreset(presetName);
  if (!preset) return;
  const knobs = { ...presetKnobs(preset, resolveKernel(preset, kernel)), ...explicit };
  if (!preset.mechanisms.demotion && knobs.demotion_enabled) {
    report(
      'policy.knobs.demotion_enabled',
      `preset "${preset.name}" models a kernel without demotion in reclaim, so this must stay false; ` +
        'use preset "linux" to demote',
    );
  }
  if (!preset.mechanisms.tieringPromotion && knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING) {
    report(
      'policy.knobs.numa_balancing',
      `preset "${preset.name}" models a kernel without NUMA balancing's memory-tiering mode (2), ` +
        `so this may be 0 or 1 (got ${knobs.numa_balancing})`,
    );
  }
  if (!preset.mechanisms.colloid && knobs.numa_balancing & NUMA_BALANCING_COLLOID) {
    report(
      'policy.knobs.numa_balancing',
      `mode 6 (bit 4, NUMA_BALANCING_COLLOID) exists only in Colloid's kernel (preset "colloid"), not in ` +
        `preset "${preset.name}"`,
    );
  }
  if (!preset.mechanisms.reclaimMigrate && knobs.zone_reclaim_mode & RECLAIM_MIGRATE) {
    report(
      'policy.knobs.zone_reclaim_mode',
      `bit 8 (RECLAIM_MIGRATE) existed only in the 2019-20 RFC kernels (presets hansen-2020, yang-shi-v3), ` +
        `not in preset "${preset.name}"; use demotion_enabled to demote`,
    );
  }
  if (!preset.mechanisms.lruGen && knobs.lru_gen_enabled) {
    report(
      'policy.knobs.lru_gen_enabled',
      `preset "${preset.name}" models a kernel before the multi-gen LRU (v6.1), so this must stay false; ` +
        'use preset "linux", "linux-tiering" or "damon-tiering" for MGLRU',
    );
  }
  checkDamon(knobs, report);
  checkHybridtier(knobs, report);
}

/**
 * A research preset runs its series' own kernel, so `kernel` is refused there; 6.1 has no
 * MPOL_WEIGHTED_INTERLEAVE (v6.9), and 6.12 no weighted_interleave/auto (v6.16).
 */
function checkKernel(parts: ScenarioParts, report: Report): void {
  const preset = getPreset(parts.preset ?? '');
  if (!preset) return;
  if ('fixed' in preset.kernel && parts.kernel !== undefined) {
    report(
      'policy.kernel',
      `preset "${preset.name}" runs the kernel its series was written for (${preset.kernel.fixed}): ` +
        `${preset.kernel.reason}; leave kernel out, or use preset "linux" or "linux-tiering" to pick one`,
    );
  }
  const kernel = resolveKernel(preset, parts.kernel);
  if (kernel === '6.12' && parts.weightedInterleave?.auto === true)
    report(
      'machine.weightedInterleave.auto',
      'kernel 6.12 has no weighted_interleave/auto (it came in v6.16): its weights start at 1; ' +
        'give nodeN weights, or leave auto out',
    );
  if (kernel !== '6.1') return;
  parts.workload?.forEach((w, i) => {
    if (w?.common.mempolicy?.mode === 'weighted_interleave')
      report(
        `workload.${i}.mempolicy.mode`,
        'kernel 6.1 has no weighted_interleave (MPOL_WEIGHTED_INTERLEAVE came in v6.9); use interleave, ' +
          'or kernel "6.12"',
      );
  });
}

/** DAMON refuses min_nr_regions > max_nr_regions (damon_set_attrs). */
function checkDamon(knobs: Knobs, report: Report): void {
  if (knobs.damon_min_nr_regions > knobs.damon_max_nr_regions) {
    report(
      'policy.knobs.damon_min_nr_regions',
      `must not exceed damon_max_nr_regions (${knobs.damon_max_nr_regions}) (got ${knobs.damon_min_nr_regions})`,
    );
  }
}

/** HybridTier demotes from ALLOC_WMARK up to DEMOTE_WMARK: the first cannot lie above the second. */
function checkHybridtier(knobs: Knobs, report: Report): void {
  if (knobs.hybridtier_alloc_wmark_bp > knobs.hybridtier_demote_wmark_bp) {
    report(
      'policy.knobs.hybridtier_alloc_wmark_bp',
      `must not exceed hybridtier_demote_wmark_bp (${knobs.hybridtier_demote_wmark_bp}) (got ${knobs.hybridtier_alloc_wmark_bp})`,
    );
  }
}

/** zone_reclaim_mode bit of the 2019-20 RFCs: migrate in reclaim instead of discarding. */
export const RECLAIM_MIGRATE = 8;

/** Samples are taken at tick boundaries, so the sampling interval is a whole number of ticks. */
function checkRun({ tickMs, sampleEveryMs }: NonNullable<ScenarioParts['run']>, report: Report): void {
  if (tickMs === undefined || sampleEveryMs === undefined) return;
  const ticks = sampleEveryMs / tickMs;
  const whole = Math.round(ticks);
  if (whole < 1 || Math.abs(ticks - whole) > 1e-9 * whole) {
    report(
      'run.sampleEveryMs',
      `must be a whole number of ticks, a multiple of tickMs (${tickMs}) (got ${sampleEveryMs})`,
    );
  }
}
