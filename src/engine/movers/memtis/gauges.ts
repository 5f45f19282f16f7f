// MEMTIS's machine-wide gauges (htmm_active_threshold, htmm_warm_threshold, htmm_sample_period),
// kept on node 0's counter row so that sums over nodes stay right.
import { STAT } from '../../../shared/vmstat.ts';
import type { Kernel } from '../../mm/kernel.ts';
import type { Hotness } from './hotness.ts';

export function setThresholdGauges(k: Kernel, h: Hotness): void {
  k.stats[STAT.htmm_active_threshold] = h.activeThreshold;
  k.stats[STAT.htmm_warm_threshold] = h.warmThreshold;
}

export function setSamplePeriodGauge(k: Kernel, period: number): void {
  k.stats[STAT.htmm_sample_period] = period;
}
