// Knob defaults that depend on the kernel a preset runs, beside the kernel-independent ones in
// KNOBS. Debian builds 6.12 (trixie, bookworm-backports) with CONFIG_LRU_GEN_ENABLED=y, so
// /sys/kernel/mm/lru_gen/enabled starts on there; bookworm's 6.1 has CONFIG_LRU_GEN but leaves it off.
import type { Knobs } from './knobs.ts';
import type { KernelVersion } from './kernels.ts';

/** The knobs whose default is not KNOBS[name].default on some modelled kernel. */
export const KERNEL_DEPENDENT_KNOBS = ['lru_gen_enabled'] as const;
export type KernelDependentKnob = (typeof KERNEL_DEPENDENT_KNOBS)[number];

/**
 * Per modelled kernel, the defaults that differ from KNOBS. A preset takes them only where it has
 * the mechanism (lru_gen_enabled: PresetMechanisms.lruGen) and lets the policy choose the kernel;
 * a research preset keeps the kernel (and the knob) it was written for.
 */
export const KERNEL_KNOB_DEFAULTS: Readonly<Record<KernelVersion, Pick<Knobs, KernelDependentKnob>>> = {
  '6.1': { lru_gen_enabled: false },
  '6.12': { lru_gen_enabled: true },
};

/** How the UI states a knob's default: "false on 6.1, true on 6.12", or null when it has one. */
export function kernelDefaultText(name: string): string | null {
  if (!KERNEL_DEPENDENT_KNOBS.some((k) => k === name)) return null;
  const key = name as KernelDependentKnob;
  return Object.entries(KERNEL_KNOB_DEFAULTS)
    .map(([kernel, defaults]) => `${String(defaults[key])} on ${kernel}`)
    .join(', ');
}
