// Builds a simulation's kernel and tasks from a resolved scenario: derive the machine, lay out
// the workloads' memory, size the page state once, and give each thread its allocation policy.
import { createColloid } from '../mm/colloid.ts';
import { createKernelMemory, PTRS_PER_PTE } from '../mm/kmem.ts';
import { newDirectCompactControl } from '../mm/compaction.ts';
import { newKcompactd } from '../mm/kcompactd.ts';
import { newCompactDefer } from '../mm/compaction-defer.ts';
import type { ResolvedScenario, StreamWorkload } from '../../shared/scenario/resolved.ts';
import { NR_COUNTERS } from '../../shared/vmstat.ts';
import { policyMechanisms } from '../../shared/scenario/presets.ts';
import { deriveMachine, demoteOrders, isNodePmem } from '../machine/index.ts';
import { createRng } from '../random/rng.ts';
import { makeWorkload } from '../workloads/index.ts';
import { newKswapd, type Kernel } from '../mm/kernel.ts';
import { createMemState } from '../mm/mem-state.ts';
import { createLruGen } from '../mm/lru-gen.ts';
import { lruGenOnlineMemcg } from '../mm/lru-gen-memcg-lru.ts';
import { lruGenRules } from '../../shared/scenario/lru-gen-kernels.ts';
import { createSwapState } from '../mm/swap-state.ts';
import { NR_MIGRATE_REASONS } from '../mm/migrate.ts';
import { makeAllocPolicy, mempolicyFlags, MPOL_F_MOF } from '../mm/page-alloc.ts';
import { createAccessHeat } from '../mm/access-heat.ts';
import { createFleetSample } from '../mm/fleet-sample.ts';
import { addVma, createVmas, type Vmas } from '../mm/vma.ts';
import { newMmNumab, newPgdatNumab } from '../mm/numa-balancing-state.ts';
import { createVmaNumab } from '../mm/vma-numab.ts';
import { VMA_SCAN_FILTER_KERNELS } from '../../shared/scenario/kernels.ts';
import type { MmLayout } from '../mm/numa-balancing.ts';
import { createOomKiller } from './oom.ts';
import { buildMemcgs } from './memcg-setup.ts';
import { createMovers } from '../movers/index.ts';
import { createNomadShadows } from '../mm/nomad-shadow.ts';
import { createNomadTpm } from '../mm/nomad-tpm.ts';
import { createTask, type Task } from './task.ts';
import { RateModel } from '../rate/rate-model.ts';
import { createCpuShares, type CpuShares } from './cpu-share.ts';

export interface World {
  k: Kernel;
  tasks: Task[];
  names: string[];
  /** The rate engine's reference model, or null when the exact engine plays every reference. */
  rate: RateModel | null;
  /** How the CPUs are shared this round among tasks and kswapds. */
  cpu: CpuShares;
  /** Bandwidth antagonists: load on their nodes each tick, no tasks. */
  streams: StreamWorkload[];
}

/** Seeds for independent random streams, so adding a workload does not change another's draws. */
const KERNEL_STREAM = 0x9e3779b9;
/** The fleet sample's stream (the rate engine's last-touch draws). */
const FLEET_STREAM = 0x27d4eb2f;

export function buildWorld(s: ResolvedScenario): World {
  const machine = s.machine;
  const mechanisms = policyMechanisms(s.policy);
  const layout = deriveMachine(machine, s.policy.knobs, { ...mechanisms, kernel: s.policy.kernel });
  const nrNodes = machine.nodes.length;
  const pageSize = machine.pageSize;
  const totalRam = machine.nodes.reduce((sum, n) => sum + n.capacityBytes, 0);
  const rateEngine = s.run.engine === 'rate';
  const vmas = createVmas();
  const seeded = createRng(s.run.seed);
  const models = s.workload.map((w, g) => {
    const model = makeWorkload(w, pageSize, totalRam);
    const bases = model.regions.map((r) => addVma(vmas, r.pages, r.file, g));
    return { model, bases, rng: createRng(seeded.u32()) };
  });
  const tasks: Task[] = [];
  // `load` is the share of time on memory references, so the computation between two references is
  // the fastest memory's latency stretched by 1/load - 1 (load 1: none; load 0.1: 9x the latency).
  const fastestReadNs = Math.min(...machine.nodes.map((n) => n.readLatencyNs));
  s.workload.forEach((w, g) => {
    const { model, bases, rng } = models[g]!;
    for (const source of model.threads(bases, rng)) {
      const policy = makeAllocPolicy(nrNodes, w.cpu, w.mempolicy, machine.interleaveWeights);
      const thinkNs = fastestReadNs * (1 / w.load - 1);
      tasks.push(
        createTask(tasks.length, g, w.cpu, source, policy, w.startMs * 1e6, thinkNs, nrNodes, rateEngine),
      );
    }
  });
  const names = s.workload.map((w) => w.name);
  const baseLatency = new Float64Array(nrNodes * 2);
  machine.nodes.forEach((n, i) => {
    baseLatency[i * 2] = n.readLatencyNs;
    baseLatency[i * 2 + 1] = n.writeLatencyNs;
  });
  const memcg = buildMemcgs(s);
  const mms = s.workload.map((w, g) => mmLayout(vmas, g, (mempolicyFlags(w.mempolicy) & MPOL_F_MOF) !== 0));
  const vmaScanFilter = s.policy.kernel !== null && VMA_SCAN_FILTER_KERNELS.includes(s.policy.kernel);
  const k: Kernel = {
    m: createMemState(layout, vmas.nrVpages, pageSize, rateEngine, memcg.names.length),
    vmas,
    mms,
    numab: {
      mm: s.workload.map((w, g) =>
        newMmNumab(
          w.startMs,
          s.policy.knobs.scan_delay_ms,
          vmaScanFilter ? createVmaNumab(mms[g]!.base.length) : null,
        ),
      ),
      pgdat: machine.nodes.map(() => newPgdatNumab()),
    },
    machine,
    layout,
    knobs: s.policy.knobs,
    mechanisms,
    kernel: s.policy.kernel,
    stats: new Float64Array(nrNodes * NR_COUNTERS),
    rng: createRng((s.run.seed ^ KERNEL_STREAM) >>> 0),
    nowNs: 0,
    kswapd: machine.nodes.map(() => newKswapd()),
    kcompactd: machine.nodes.map(() => newKcompactd()),
    compactDefer: machine.nodes.map(() => newCompactDefer()),
    compactCached: [],
    swap: machine.swap
      ? createSwapState(machine.swap, pageSize, vmas.nrVpages, vmas.base.length, nrNodes)
      : null,
    baseLatency,
    latency: Float64Array.from(baseLatency),
    traffic: new Float64Array(nrNodes * 2),
    pageSize,
    chargedNs: 0,
    migrated: new Float64Array(NR_MIGRATE_REASONS * nrNodes * nrNodes),
    pingPong: { promotedThenDemoted: 0, demotedThenPromoted: 0 },
    resident: new Float64Array(s.workload.length * nrNodes),
    heat: createAccessHeat(vmas, s.workload.length, nrNodes),
    fleet: createFleetSample(vmas, s.workload.length, nrNodes, createRng((s.run.seed ^ FLEET_STREAM) >>> 0)),
    demotionContended: new Uint8Array(nrNodes),
    kmem: createKernelMemory(
      pageSize,
      vmas.nrVpages,
      s.workload.length,
      nrNodes,
      mechanisms.pageTablesInDram
        ? machine.nodes.flatMap((_, n) => (isNodePmem(machine, n) ? [] : [n]))
        : null,
    ),
    watermarkBoost: new Float64Array(nrNodes),
    zoneBoostedWatermark: new Uint8Array(nrNodes),
    movers: [],
    thisNode: machine.nodes.map((_, i) => [i]),
    demoteOrder: demoteOrders(
      layout.zonelist,
      layout.demotion.map((d) => d.fallback),
    ),
    oom: createOomKiller(tasks, names),
    memcg,
    events: [],
    thpAllowed: thpAllowed(vmas, s),
    thpMadvised: Uint8Array.from(vmas.group, (g, r) =>
      !vmas.file[r] && s.workload[g]!.thp === true ? 1 : 0,
    ),
    colloid: null,
    refs: null,
    sampler: null,
    round: { startNs: 0, endNs: Infinity },
    nomad: null,
    nomadTpm: null,
  };
  k.colloid = createColloid(k, s.run.tickMs);
  k.compactCached = machine.nodes.map((_, n) => newDirectCompactControl(k, n));
  if (s.policy.knobs.lru_gen_enabled) {
    const nrPmds = Math.ceil(vmas.nrVpages / PTRS_PER_PTE);
    k.m.lrugen = createLruGen(
      nrNodes,
      k.m.nrMemcgs,
      k.m.nrFrames,
      vmas.nrVpages,
      nrPmds,
      k.mms.length,
      lruGenRules(k.kernel),
    );
    k.m.lrugen.swapSlotOf = k.swap?.slotOf ?? null;
    // mem_cgroup_css_online() -> lru_gen_online_memcg(), the root first; without cgroups global
    // reclaim shrinks the root's lruvec alone and the memcg LRU is not kept.
    if (k.m.nrMemcgs > 1) {
      for (let memcg = 0; memcg < k.m.nrMemcgs; memcg++) lruGenOnlineMemcg(k.m.lrugen.memcgLru, memcg, k.rng);
    }
  }
  const rate = rateEngine ? new RateModel(k, s.run.seed) : null;
  k.refs = rate;
  k.movers = createMovers(k, s, tasks);
  if (mechanisms.nomad) setUpNomad(k);
  const streams = s.workload.filter((w): w is StreamWorkload => w.type === 'stream');
  return { k, tasks, names, rate, cpu: createCpuShares(nrNodes), streams };
}

/**
 * Which regions may have THPs (hugepage_vma_check): anonymous ones under "always", those of
 * workloads with MADV_HUGEPAGE under "madvise", none under "never".
 */
function thpAllowed(vmas: Vmas, s: ResolvedScenario): Uint8Array {
  const mode = s.policy.knobs.transparent_hugepage;
  return Uint8Array.from(vmas.group, (g, r) =>
    !vmas.file[r] && (mode === 'always' || (mode === 'madvise' && s.workload[g]!.thp === true)) ? 1 : 0,
  );
}

/** Workload g's anonymous regions, in order: what its NUMA-balancing scanner walks if `mof`. */
function mmLayout(vmas: Vmas, g: number, mof: boolean): MmLayout {
  const out: MmLayout = { base: [], pages: [], total: 0, mof };
  vmas.base.forEach((base, r) => {
    if (vmas.group[r] !== g || vmas.file[r]) return;
    out.base.push(base);
    out.pages.push(vmas.pages[r]!);
    out.total += vmas.pages[r]!;
  });
  return out;
}

/** NOMAD: the shadow table and the promotion worker, which runs after each round as movers do. */
function setUpNomad(k: Kernel): void {
  if (k.knobs.nomad_shadow_enabled) k.nomad = createNomadShadows(k);
  if (!k.knobs.nomad_tpm_enabled) return;
  k.nomadTpm = createNomadTpm(k);
  k.movers.push(k.nomadTpm);
}
