// One group's row of numbers for one metric, picked the way mmtests' Summarise.pm picks them
// (setSummaryMultiops: Min, mean, stddev-mean, coeffvar-mean, Max, plus the mean's interval).
import { amean, coeffvar, hmean, hstddev, max, meanCi, min, stddev } from './stats.ts';

/**
 * Summarise.pm getStatName/runStatFunc: the mean is the harmonic one when the preferred value is
 * "Higher" (rates, where Hmean is the right average), the arithmetic one otherwise (times, counts).
 */
export type MeanKind = 'amean' | 'hmean';

export interface GroupSummary {
  n: number;
  min: number;
  mean: number;
  /** Stddev beside an Amean, HStddev beside an Hmean (Stat.pm calc_stddev with that mean's name). */
  stddev: number;
  coeffvar: number;
  max: number;
  /** The mean's confidence interval at alpha 0.05; NaN bounds when n <= 1. */
  ci: readonly [number, number];
}

export function meanKindFor(higherIsBetter: boolean): MeanKind {
  return higherIsBetter ? 'hmean' : 'amean';
}

export function summarise(values: readonly number[], kind: MeanKind): GroupSummary {
  const mean = kind === 'hmean' ? hmean(values) : amean(values);
  const sd = kind === 'hmean' ? hstddev(values) : stddev(values);
  return {
    n: values.length,
    min: min(values),
    mean,
    stddev: sd,
    coeffvar: coeffvar(sd, mean),
    max: max(values),
    ci: meanCi(mean, sd),
  };
}
