// MEMTIS as its kernel runs it: ksampled takes PEBS samples of every thread's references and
// classifies pages by them (hotness.ts); a kmigrated per node moves pages by that classification
// (kmigrated.ts). Sampling is wired into the engines through k.sampler (mm/access-sampler.ts).
import { STAT } from '../../../shared/vmstat.ts';
import type { AccessSampler } from '../../mm/access-sampler.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import { NIL, pageToNid } from '../../mm/mem-state.ts';
import { demotionTargets, moverCpuNode, promotionTargets } from '../targets.ts';
import type { Mover } from '../types.ts';
import { PTRS_PER_PTE } from '../../mm/kmem.ts';
import { hpagePmdNr } from '../../mm/folio.ts';
import {
  addSample,
  adjustActiveThreshold,
  cool,
  createHotness,
  initPteEntries,
  type Hotness,
} from './hotness.ts';
import { prepHugePage, sampleHugePage } from './huge-hotness.ts';
import { decideSplit, splitAtCooling } from './split.ts';
import { thpHeadOfRange } from './split-scan.ts';
import { createKmigrated } from './kmigrated.ts';
import { setSamplePeriodGauge, setThresholdGauges } from './gauges.ts';
import { checkCpuQuota, CPUCAP_PERIOD_NS, createSamplePeriod, type SamplePeriod } from './sample-period.ts';

/** ksampled's work per sample: reading the PEBS record, find_vma, the page-table walk, the histogram. */
export const KSAMPLED_SAMPLE_NS = 500;

export interface Ksampled extends Mover, AccessSampler {
  readonly hot: Hotness;
  readonly periods: SamplePeriod;
}

export function createMemtis(k: Kernel): Mover[] {
  let fastPages = 0;
  for (let n = 0; n < k.m.nrNodes; n++) if (k.layout.topTier[n]) fastPages += k.m.managedPages[n]!;
  const hpageNr = hpagePmdNr(k.m);
  const hot = createHotness(
    k.m.pte.length,
    fastPages,
    k.knobs.htmm_thres_hot,
    hpageNr,
    k.knobs.htmm_thres_split !== 0,
  );
  const ksampled = createKsampled(k, hot);
  k.sampler = ksampled;
  const out: Mover[] = [ksampled];
  const up = promotionTargets(k);
  const down = demotionTargets(k);
  const cpu = moverCpuNode(k);
  for (let n = 0; n < k.m.nrNodes; n++) {
    if (k.m.managedPages[n] === 0) continue;
    if (k.layout.topTier[n] && down[n]! >= 0) out.push(createKmigrated(k, hot, n, down[n]!, false, cpu));
    else if (up[n]! >= 0) out.push(createKmigrated(k, hot, n, up[n]!, true, cpu));
  }
  return out;
}

/** ksamplingd and update_pginfo(): the sampler both engines feed, and the 15 s period check. */
export function createKsampled(k: Kernel, hot: Hotness): Ksampled {
  const periods = createSamplePeriod(k.knobs.htmm_sample_period);
  let busyNs = 0;
  let checkedBusyNs = 0;
  let nextCheckNs = CPUCAP_PERIOD_NS;
  const self: Ksampled = {
    hot,
    periods,
    period: periods.period,
    epoch: 0,
    record: (kk, v, n) => {
      for (let i = 0; i < n; i++) updatePginfo(kk, hot, v);
      busyNs += n * KSAMPLED_SAMPLE_NS;
    },
    pteAllocated: (_kk, first) => {
      initPteEntries(hot, first, PTRS_PER_PTE);
      // A THP's fault takes its PTE page first (the deposited table): its counts start with it.
      if (PTRS_PER_PTE === hot.thp.nr) prepHugePage(hot, first / PTRS_PER_PTE);
    },
    run: (kk, untilNs) => {
      while (nextCheckNs <= untilNs) {
        if (
          checkCpuQuota(periods, busyNs - checkedBusyNs, CPUCAP_PERIOD_NS, kk.knobs.ksampled_soft_cpu_quota)
        ) {
          self.period = periods.period;
          self.epoch++;
          setSamplePeriodGauge(kk, self.period);
        }
        checkedBusyNs = busyNs;
        nextCheckNs += CPUCAP_PERIOD_NS;
      }
    },
    cpuNs: () => busyNs,
  };
  setSamplePeriodGauge(k, self.period);
  setThresholdGauges(k, hot);
  return self;
}

/** Pages charged to the workload (page_counter_read(&memcg->memory)): every node's pages in use. */
function usage(k: Kernel): number {
  let n = 0;
  for (let i = 0; i < k.m.nrNodes; i++) n += k.m.managedPages[i]! - k.m.nrFree[i]!;
  return n;
}

/**
 * update_pginfo(): the sampled page's counts (a THP's own and its subpage's, or a base page's),
 * memcg->nr_sampled and the hit counts for the split decision (rHR: the page is on a top-tier node),
 * and every htmm_cooling_period samples a cooling with the split bookkeeping, else every
 * htmm_adaptation_period a threshold adaptation (the first after a cooling decides splits).
 */
function updatePginfo(k: Kernel, h: Hotness, v: number): void {
  const pfn = k.m.pte[v]! - 1;
  const node = pageToNid(k.m, pfn);
  const r = Math.floor(v / h.thp.nr);
  if (thpHeadOfRange(k, h, r) === pfn) sampleHugePage(h, r, v);
  else addSample(h, v);
  h.nrSampled++;
  h.split.nrSampledForSplit++;
  if (k.layout.topTier[node]) h.split.nrDramSampled++;
  count(k, node, STAT.htmm_nr_sampled);
  if (h.nrSampled % k.knobs.htmm_cooling_period === 0) {
    const pte = k.m.pte;
    cool(
      h,
      (u) => pte[u] !== 0, // mapped or swapped out: still the workload's
      (range) => thpHeadOfRange(k, h, range) !== NIL,
    );
    splitAtCooling(h.split, k.knobs, usage(k), h.maxNrDramPages, h.thp.nr);
    h.walkEpoch++; // set_lru_cooling(): every node's lists are walked
  } else if (h.nrSampled % k.knobs.htmm_adaptation_period === 0) {
    const { htmm_thres_hot: thresHot, htmm_nowarm: nowarm, htmm_watermark_limits: limits } = k.knobs;
    const before = h.activeThreshold;
    if (adjustActiveThreshold(h, thresHot, nowarm, limits)) {
      decideSplit(h, k.knobs, h.thp.nr);
      h.walkEpoch++; // set_lru_adjusting()
    } else if (h.activeThreshold !== before) h.walkEpoch++;
    setThresholdGauges(k, h);
  }
}
