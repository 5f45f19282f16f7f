// HybridTier's runtime (tiering_runtime/hybridtier.cpp) as a mover: it gathers PEBS samples of the
// workloads' loads, and at each full batch updates its sketches, promotes, demotes when DRAM runs
// short and checks for a promotion plateau; in monitor mode it only watches the DRAM hit ratio.
// One runtime watches every workload's anonymous memory, as if they were one process.
import type { ResolvedScenario } from '../../../shared/scenario/resolved.ts';
import { STAT } from '../../../shared/vmstat.ts';
import { count, type Kernel } from '../../mm/kernel.ts';
import { createRng } from '../../random/rng.ts';
import type { Task } from '../../sim/task.ts';
import { demotionTargets, moverCpuNode } from '../targets.ts';
import { spend, type Mover } from '../types.ts';
import {
  LFU_SAMPLES_PER_FAST_PAGE,
  MIN_SCANNED_VMA_PAGES,
  MOMENTUM_SAMPLE_SIZE,
  MOMENTUM_SIZE_DIVISOR,
  PLATEAU_MAX_PROMOTED,
  REFERENCE_FAST_BYTES,
  SAMPLE_NS,
} from './constants.ts';
import { maybeDemote } from './demote.ts';
import { createPebs, discardSamples, takeSamples } from './pebs.ts';
import { checkPlateau, enterMonitor, runMonitor, showThreshold } from './plateau.ts';
import { addSample, processBatch } from './promote.ts';
import { createSketch, lfuWords } from './sketch.ts';
import { Mode, type HybridTier } from './state.ts';

/** Seeds the runtime's own random stream (which page a sample names), apart from the kernel's. */
const HYBRIDTIER_STREAM = 0x4b7e51;

export function createHybridtier(k: Kernel, s: ResolvedScenario, tasks: readonly Task[]): Mover {
  const h = newHybridtier(k, s, tasks);
  showThreshold(k, h);
  return { run: (kk, untilNs) => runHybridtier(kk, h, untilNs), cpuNs: () => h.busyNs };
}

export function newHybridtier(k: Kernel, s: ResolvedScenario, tasks: readonly Task[]): HybridTier {
  const fastNode = moverCpuNode(k);
  const fastPages = k.m.managedPages[fastNode]!;
  const words = Math.floor(lfuWords(fastPages));
  const scale = Math.min(1, (fastPages * k.pageSize) / REFERENCE_FAST_BYTES);
  const scaled = (n: number): number => Math.max(1, Math.round(n * scale));
  const nrVpages = k.m.pte.length;
  const scanBase: number[] = [];
  const scanPages: number[] = [];
  k.vmas.base.forEach((base, r) => {
    if (k.vmas.file[r] || k.vmas.pages[r]! < MIN_SCANNED_VMA_PAGES) return;
    scanBase.push(base);
    scanPages.push(k.vmas.pages[r]!);
  });
  return {
    clockNs: 0,
    busyNs: 0,
    pebs: createPebs(k, s, tasks, createRng((s.run.seed ^ HYBRIDTIER_STREAM) >>> 0)),
    tasks,
    lfu: createSketch(words, fastPages * LFU_SAMPLES_PER_FAST_PAGE),
    momentum: createSketch(Math.floor(words / MOMENTUM_SIZE_DIVISOR), scaled(MOMENTUM_SAMPLE_SIZE)),
    hotThreshold: k.knobs.hybridtier_hot_threshold,
    momentumThreshold: k.knobs.hybridtier_momentum_threshold,
    fastNode,
    slowNode: demotionTargets(k)[fastNode]!,
    fastBytes: fastPages * k.pageSize,
    batchCounts: new Uint32Array(nrVpages),
    batchPages: new Uint32Array(nrVpages),
    nrBatchPages: 0,
    batchSamples: 0,
    localSamples: 0,
    localPeriodScale: 1,
    batchTarget: scaled(k.knobs.hybridtier_batch_samples),
    plateauMaxPromoted: scaled(PLATEAU_MAX_PROMOTED),
    batches: 0,
    promotedHistory: 0,
    lastScanned: 0,
    scanBase,
    scanPages,
    secondChance: [],
    secondChanceOldFreq: [],
    secondChanceClockNs: 0,
    demotionClockNs: 0,
    throttleSecs: 0,
    fullSweepOnce: false,
    demotionResets: 0,
    mode: Mode.Sampling,
    asleepUntilNs: 0,
    monitorWakeNs: 0,
    nextCheckNs: 0,
    nextPerfStatNs: 0,
    hitRatios: [],
    perfStatHits: 0,
    perfStatRefs: 0,
  };
}

/** perf_func()'s loop up to untilNs: samples in, a batch processed whenever one is full. */
export function runHybridtier(k: Kernel, h: HybridTier, untilNs: number): void {
  if (h.mode === Mode.Monitor) {
    runMonitor(k, h, untilNs);
    if (h.mode === Mode.Monitor) return;
  }
  if (h.clockNs >= untilNs) return;
  if (h.asleepUntilNs > 0) {
    // Awake again after a throttle sleep or monitor mode: what the ring buffers held is gone.
    discardSamples(h.pebs);
    h.asleepUntilNs = 0;
  }
  gather(k, h, untilNs);
  while (h.batchSamples >= h.batchTarget && h.mode === Mode.Sampling) {
    processBatch(k, h);
    if (maybeDemote(k, h) === 'monitor') enterMonitor(k, h);
    else checkPlateau(k, h);
  }
  // Waiting on the ring buffers until the next round's loads.
  if (h.clockNs < untilNs) h.clockNs = untilNs;
}

/** The samples the workloads' loads owe since the last look; local ones thinned once halved. */
function gather(k: Kernel, h: HybridTier, untilNs: number): void {
  const taken = takeSamples(k, h.pebs, untilNs / 1e6, (vpage, node) => {
    const local = k.layout.topTier[node] === true;
    if (local && h.localPeriodScale > 1 && h.pebs.rng.int(h.localPeriodScale) !== 0) return;
    if (local) h.localSamples++;
    count(k, node, STAT.hybridtier_samples);
    addSample(h, vpage);
  });
  spend(h, taken * SAMPLE_NS);
}
