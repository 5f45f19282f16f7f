// deriveMachine(): everything the kernel derives from a machine at boot (tiers, demotion targets,
// zonelists, watermarks), computed once per run and read by the rest of the engine.
import type { Knobs } from '../../shared/scenario/knobs.ts';
import type { PresetMechanisms } from '../../shared/scenario/presets.ts';
import type { ResolvedMachine } from '../../shared/scenario/resolved.ts';
import { computeAdistances, memtierId } from './adistance.ts';
import { buildMemoryTiers, establishDemotionTargets, nodeIsToptier } from './memory-tiers.ts';
import { nodeStates } from './node-states.ts';
import type { MachineLayout, OnlineMemory } from './types.ts';
import type { KernelVersion } from '../../shared/scenario/kernels.ts';

/** What of the policy shapes the boot derivation: the preset's zonelists and the kernel version. */
export interface DeriveOptions extends Pick<PresetMechanisms, 'separateZonelists'> {
  /** 6.1 has no HMAT-based adistance (see computeAdistances); absent or null: as the newer. */
  kernel?: KernelVersion | null;
}
import { calculateMinFreeKbytes, managedPages, setupPerZoneWmarks, spannedPages } from './watermarks.ts';
import { buildZonelists } from './zonelist.ts';

/**
 * A memoryless node (less than one page) joins no tier: its tierOf is -1, it demotes nowhere,
 * counts as top tier (as node_is_toptier() says for a node without a memtier) and appears in no
 * zonelist; its own zonelist starts at the nearest node with memory.
 */
export function deriveMachine(
  machine: ResolvedMachine,
  knobs: Knobs,
  options?: DeriveOptions,
): MachineLayout {
  const managed = managedPages(machine);
  const totalManaged = managed.reduce((sum, pages) => sum + pages, 0);
  const minFreeKbytes = knobs.min_free_kbytes ?? calculateMinFreeKbytes(totalManaged, machine.pageSize);
  const zoneMovable = machine.nodes.map(() => false);
  return deriveLayout(machine, knobs, { managedPages: managed, zoneMovable, minFreeKbytes }, options);
}

/**
 * The same derivation for memory as hot-plug has left it: node states from the managed pages,
 * tiers and demotion targets as the memory-tiers notifier rebuilds them, zonelists as
 * build_all_zonelists() does, watermarks as setup_per_zone_wmarks() does.
 */
export function deriveLayout(
  machine: ResolvedMachine,
  knobs: Knobs,
  online: OnlineMemory,
  options?: DeriveOptions,
): MachineLayout {
  const states = nodeStates(machine, online.managedPages);
  const adistance = computeAdistances(machine, states, options?.kernel ?? null);
  const tiers = buildMemoryTiers(adistance, states);
  const { minFreeKbytes } = online;
  return {
    adistance,
    tierOf: adistance.map((adist, nid) => (states.memory[nid] ? memtierId(adist) : -1)),
    tiers,
    topTier: nodeIsToptier(tiers, states),
    demotion: establishDemotionTargets(machine, states, tiers),
    zonelist: buildZonelists(machine, states, options?.separateZonelists ?? false),
    minFreeKbytes,
    watermarks: setupPerZoneWmarks(
      online.managedPages,
      minFreeKbytes,
      knobs.watermark_scale_factor,
      machine.pageSize,
      online.zoneMovable,
    ),
    managedPages: [...online.managedPages],
    spannedPages: spannedPages(machine),
    zoneMovable: [...online.zoneMovable],
  };
}
