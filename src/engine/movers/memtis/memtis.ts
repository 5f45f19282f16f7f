// MEMTIS as its kernel runs it: ksampled takes PEBS samples of every thread's references and
// classifies pages by them (hotness.ts); a kmigrated per node moves pages by that classification
// (kmigrated.ts). Sampling is wired into the engines through k.sampler (mm/access-sampler.ts).
import { STAT } from '../../../shared/vmstat.ts';
import type { AccessSampler } from '../../mm/access-sampler.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import { pageToNid } from '../../mm/mem-state.ts';
import { demotionTargets, moverCpuNode, promotionTargets } from '../targets.ts';
import type { Mover } from '../types.ts';
import { PTRS_PER_PTE } from '../../mm/kmem.ts';
import {
  addSample,
  adjustActiveThreshold,
  cool,
  createHotness,
  initPteEntries,
  type Hotness,
} from './hotness.ts';
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
  const hot = createHotness(k.m.pte.length, fastPages, k.knobs.htmm_thres_hot);
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
    pteAllocated: (_kk, first) => initPteEntries(hot, first, PTRS_PER_PTE),
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

/**
 * update_pginfo() for a base page: its count and bin, memcg->nr_sampled, and every
 * htmm_cooling_period samples a cooling, else every htmm_adaptation_period a threshold adaptation.
 */
function updatePginfo(k: Kernel, h: Hotness, v: number): void {
  addSample(h, v);
  h.nrSampled++;
  count(k, pageToNid(k.m, k.m.pte[v]! - 1), STAT.htmm_nr_sampled);
  if (h.nrSampled % k.knobs.htmm_cooling_period === 0) {
    const pte = k.m.pte;
    cool(h, (u) => pte[u] !== 0); // mapped or swapped out: still the workload's
  } else if (h.nrSampled % k.knobs.htmm_adaptation_period === 0) {
    const { htmm_thres_hot: thresHot, htmm_nowarm: nowarm, htmm_watermark_limits: limits } = k.knobs;
    adjustActiveThreshold(h, thresHot, nowarm, limits);
    setThresholdGauges(k, h);
  }
}
