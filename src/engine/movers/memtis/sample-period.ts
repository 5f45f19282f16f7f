// ksamplingd's dynamic sample period (htmm_sampler.c): every 15 s it compares its own CPU use with
// ksampled_soft_cpu_quota and moves the PEBS period one step along pebs_period_list (primes, so
// that sampling does not lock onto a loop's stride): up when over the quota by 0.5%, down when under.

/** pebs_period_list (include/linux/htmm.h). */
export const PEBS_PERIOD_LIST: readonly number[] = [
  199, 293, 401, 499, 599, 701, 797, 907, 997, 1201, 1399, 1601, 1801, 1999, 2503, 3001, 3499, 4001, 4507,
  4999, 6007, 7001, 7993, 9001, 10007, 12007, 13999, 16001, 17989, 19997,
];

/** cpucap_period: how often ksamplingd checks its CPU use. */
export const CPUCAP_PERIOD_NS = 15e9;

export interface SamplePeriod {
  /** The period in force (the knob's value until the first step). */
  period: number;
  /** Its place in PEBS_PERIOD_LIST: the first entry at or above the knob's value. */
  idx: number;
  /** ksamplingd's CPU use as last measured, per mille (0 before the first check). */
  cputime: number;
}

export function createSamplePeriod(period: number): SamplePeriod {
  const i = PEBS_PERIOD_LIST.findIndex((p) => p >= period);
  return { period, idx: i < 0 ? PEBS_PERIOD_LIST.length - 1 : i, cputime: 0 };
}

/**
 * One check: `busyNs` of ksampled's CPU in the last `elapsedNs`. The first check takes 8/10 of the
 * measured use, as memtis's "EMA" does while its average is still 0; later ones take it whole.
 * Returns true if the period changed.
 */
export function checkCpuQuota(s: SamplePeriod, busyNs: number, elapsedNs: number, quota: number): boolean {
  if (quota === 0 || elapsedNs <= 0) return false;
  const cur = Math.floor((busyNs * 1000) / elapsedNs);
  s.cputime = s.cputime === 0 ? Math.floor((cur * 8) / 10) : cur;
  let idx = s.idx;
  if (s.cputime > quota + 5 && idx < PEBS_PERIOD_LIST.length - 1) idx++;
  else if (s.cputime < quota - 5 && idx > 0 && s.period > PEBS_PERIOD_LIST[0]!) idx--;
  else return false;
  const period = PEBS_PERIOD_LIST[idx]!;
  s.idx = idx;
  if (period === s.period) return false;
  s.period = period;
  return true;
}
