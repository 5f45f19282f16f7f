// What a machine's memory costs, by kind, so a run can show the DRAM it saves against the
// performance it loses (TMTS's trade, ASPLOS'23). Prices are USD per GiB, the machine's
// `memoryPrices` over these defaults. Example: 4 GiB DRAM + 8 GiB CXL at the defaults cost
// 4 * 4.0 + 8 * 2.5 = 36 USD, against 48 USD for 12 GiB of DRAM: 25% saved.
import type { MemoryKind } from './scenario/resolved.ts';

/**
 * Default USD per GiB. Round figures to be edited, not quotes: server DDR5 RDIMMs sold at about
 * 3-5 USD/GB in 2023-24 (we take 4); Intel priced Optane PMem at roughly half of DRAM per GB
 * (2); a CXL expander costs its DRAM plus a controller, or much less holding DDR4 reused from
 * retired servers, the case Pond (Li et al., ASPLOS'23) and TMTS make for it (2.5); HBM costs
 * several times DDR per GB (3x: 12).
 */
export const DEFAULT_MEMORY_PRICES: Readonly<Record<MemoryKind, number>> = {
  dram: 4,
  pmem: 2,
  cxl: 2.5,
  hbm: 12,
};

export interface MemoryCost {
  /** The price used per kind (the machine's, over the defaults). */
  usdPerGiB: Record<MemoryKind, number>;
  /** GiB of each kind the machine has (node capacities). */
  gib: Record<MemoryKind, number>;
  /** Sum over kinds of GiB x price. */
  totalUsd: number;
  /** What the same GiB would cost all in DRAM, and the share of that saved. */
  allDramUsd: number;
  savedShare: number;
}

const GIB = 2 ** 30;

export function memoryPrices(
  overrides: Partial<Record<MemoryKind, number>> | undefined,
): Record<MemoryKind, number> {
  return { ...DEFAULT_MEMORY_PRICES, ...overrides };
}

/** The cost of nodes of these kinds and capacities (bytes) at these prices. */
export function memoryCost(
  nodes: readonly { memory: MemoryKind; capacityBytes: number }[],
  usdPerGiB: Record<MemoryKind, number>,
): MemoryCost {
  const gib: Record<MemoryKind, number> = { dram: 0, pmem: 0, cxl: 0, hbm: 0 };
  for (const n of nodes) gib[n.memory] += n.capacityBytes / GIB;
  let totalUsd = 0;
  let totalGib = 0;
  for (const kind of Object.keys(gib) as MemoryKind[]) {
    totalUsd += gib[kind] * usdPerGiB[kind];
    totalGib += gib[kind];
  }
  const allDramUsd = totalGib * usdPerGiB.dram;
  return {
    usdPerGiB: { ...usdPerGiB },
    gib,
    totalUsd,
    allDramUsd,
    savedShare: allDramUsd > 0 ? 1 - totalUsd / allDramUsd : 0,
  };
}
