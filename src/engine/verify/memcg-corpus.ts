// Memory-cgroup runs of the verify corpus: a cgroup's memory.max below its working set with and
// without demotion in memcg reclaim (mainline demotes since the v5.19 revert; Hansen's and Yang Shi's
// series never do), memory.low protecting one tenant of two under global reclaim, memory.high, and
// timed memory.reclaim writes (proactive reclaim, demoting under tiering), on the corpus machine.
import { corpusEntry, DRAM_MIB, mib, workload, type CorpusEntry, type WorkloadKind } from './corpus.ts';

type Json = Record<string, unknown>;

/** corpusEntry's machine and policy for `preset` with swap, its workloads replaced. */
function withWorkloads(
  preset: string,
  kind: WorkloadKind,
  demotion: boolean,
  name: string,
  workloads: Json[],
  knobs: Json = {},
): CorpusEntry {
  const e = corpusEntry(preset, kind, demotion ? 'swap-demotion-on' : 'swap-demotion-off');
  const policy = e.file.policy as Json;
  const full = `${preset} ${kind} ${name}`;
  return {
    ...e,
    name: full,
    file: {
      ...e.file,
      name: full,
      policy: { ...policy, knobs: { ...(policy.knobs as Json), ...knobs } },
      workload: workloads,
    },
  };
}

/** A hot set of the working set `sizeMiB` in a cgroup whose memory.max is 60% of it. */
export function maxBelowWorkingSet(
  preset: string,
  kind: WorkloadKind,
  demotion: boolean,
  knobs: Json = {},
): CorpusEntry {
  const size = DRAM_MIB * 0.9;
  const cgroup = { name: 'box', max: mib(size * 0.6) };
  return withWorkloads(preset, kind, demotion, 'memcg-max', [workload(kind, 'w', size, { cgroup })], knobs);
}

/** Two tenants bound to DRAM, 1.4x DRAM together; `protected` holds memory.low over its size. */
export function lowProtectsTenant(preset: string, kind: WorkloadKind, demotion: boolean): CorpusEntry {
  const bind = { mempolicy: { mode: 'bind', nodes: [0] } };
  const tenants = [
    workload(kind, 'protected', DRAM_MIB * 0.5, {
      ...bind,
      cgroup: { name: 'gold', low: mib(DRAM_MIB * 0.6) },
    }),
    workload(kind, 'other', DRAM_MIB * 0.9, { ...bind, cgroup: { name: 'bronze' } }),
  ];
  return withWorkloads(preset, kind, demotion, 'memcg-low', tenants);
}

/** A hot set whose cgroup is above memory.high from the start: reclaim and throttling on return to user. */
function overHigh(preset: string, kind: WorkloadKind): CorpusEntry {
  const size = DRAM_MIB * 0.9;
  const cgroup = { name: 'soft', high: mib(size * 0.7) };
  return withWorkloads(preset, kind, false, 'memcg-high', [workload(kind, 'w', size, { cgroup })]);
}

/** A hot set of 0.8x DRAM that gets 25% of itself written to memory.reclaim at 300 and 600 ms. */
function proactive(preset: string, kind: WorkloadKind, demotion: boolean): CorpusEntry {
  const size = DRAM_MIB * 0.8;
  const write = (atMs: number) => ({ atMs, size: mib(size * 0.25) });
  const cgroup = { name: 'job', reclaim: [write(300), write(600)] };
  return withWorkloads(preset, kind, demotion, 'memory.reclaim', [workload(kind, 'w', size, { cgroup })]);
}

export function memcgEntries(): CorpusEntry[] {
  return [
    maxBelowWorkingSet('linux', 'hot', false),
    maxBelowWorkingSet('linux-tiering', 'hot', true),
    maxBelowWorkingSet('linux-tiering', 'zipf', true),
    // The preset demotes by zone_reclaim_mode bit 8; demotion_enabled is mainline's switch, off here.
    maxBelowWorkingSet('hansen-2020', 'hot', false),
    lowProtectsTenant('linux', 'uniform', false),
    lowProtectsTenant('linux-tiering', 'zipf', true),
    overHigh('linux', 'zipf'),
    proactive('linux', 'hot', false),
    proactive('linux-tiering', 'uniform', true),
  ];
}

/** A cgroup entry with the multi-gen LRU on, named as it with " mglru". */
export function withMglru(e: CorpusEntry): CorpusEntry {
  const name = `${e.name} mglru`;
  const policy = e.file.policy as Json;
  const knobs = { ...(policy.knobs as Json), lru_gen_enabled: true };
  return { ...e, name, file: { ...e.file, name, policy: { ...policy, knobs } } };
}

/**
 * The same cgroup runs with the multi-gen LRU on (kernel 6.12): memory.max, memory.low and
 * memory.high through MGLRU's memcg reclaim and memcg LRU, and memory.reclaim (research presets and
 * the classic-only preset left out). Named as the classic run with " mglru".
 */
export function memcgMglruEntries(): CorpusEntry[] {
  return [
    maxBelowWorkingSet('linux', 'hot', false),
    maxBelowWorkingSet('linux-tiering', 'zipf', true),
    lowProtectsTenant('linux', 'uniform', false),
    lowProtectsTenant('linux-tiering', 'zipf', true),
    overHigh('linux', 'zipf'),
    proactive('linux-tiering', 'uniform', true),
  ].map(withMglru);
}

/**
 * Cgroup runs with the multi-gen LRU on kernel 6.1, which reclaims memcgs by the memcg walk of the
 * two lists (mm/lru-gen-reclaim-v61.ts), not a memcg LRU. Named as the 6.12 run with " kernel-6.1".
 */
export function memcgMglruV61Entries(): CorpusEntry[] {
  return [
    maxBelowWorkingSet('linux', 'hot', false),
    lowProtectsTenant('linux-tiering', 'zipf', true),
    proactive('linux-tiering', 'uniform', true),
  ]
    .map(withMglru)
    .map((e) => {
      const name = `${e.name} kernel-6.1`;
      return { ...e, name, file: { ...e.file, name, policy: { ...(e.file.policy as Json), kernel: '6.1' } } };
    });
}
