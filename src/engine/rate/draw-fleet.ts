// The rate engine's last-touch times for the fleet sample (../mm/fleet-sample.ts). A sampled page
// of probability p, d draws since its time was last settled, was touched by them with probability
// 1 - e^(-p d); if it was, the draws between its last touch and now are Exp(p) cut at d, and
// u < 1 - e^(-p d) gives them as -ln(1 - u) / p (the same u decides both, as the inverse of the
// cut law). Draws are spread evenly over the time they were made in, so that count of draws back
// is that share of the time back. DrawDomain settles a page's time with its accessed bit, from the
// same u (noteFleetDraws): reclaim keeps the pages it found young, and their times must say so.
import type { Kernel } from '../mm/kernel.ts';
import type { PageLaw } from '../workloads/types.ts';

/** The domain state a settlement needs (DrawDomain has it). */
export interface FleetDraws {
  readonly law: PageLaw;
  readonly group: number;
  readonly drawn: number;
}

/**
 * Settles the draws owed to sample i (whose page is vpage v of d's law) up to nowNs, and restarts
 * its marks there. Postcondition: drawMark[i] = d.drawn, timeMarkNs[i] = nowNs.
 */
export function settleFleetTouch(k: Kernel, d: FleetDraws, i: number, v: number, nowNs: number): void {
  const f = k.fleet;
  const draws = d.drawn - f.drawMark[i]!;
  const at = Math.max(nowNs, f.timeMarkNs[i]!); // as in noteFleetDraws: the marks never go back
  const spanNs = at - f.timeMarkNs[i]!;
  f.drawMark[i] = d.drawn;
  f.timeMarkNs[i] = at;
  if (!(draws > 0)) return;
  const p = d.law.p(v - d.law.base);
  if (!(p > 0)) return;
  const u = f.rng.float();
  if (!(u < -Math.expm1(-p * draws))) return;
  const back = -Math.log1p(-u) / p;
  const touchedNs = at - (spanNs * back) / draws;
  if (touchedNs > f.lastTouchNs[i]!) f.lastTouchNs[i] = touchedNs;
}

/** Restarts sample i's marks at nowNs: its page has just come onto the plain path. */
export function restartFleetMarks(k: Kernel, d: FleetDraws, i: number, nowNs: number): void {
  k.fleet.drawMark[i] = d.drawn;
  k.fleet.timeMarkNs[i] = Math.max(nowNs, k.fleet.timeMarkNs[i]!);
}

/**
 * Sample i's page was settled over `draws` draws up to nowNs (with its accessed bit: DrawDomain's
 * settleAt); `back` is how many draws before nowNs it was last touched, NaN if none touched it.
 * Postcondition: timeMarkNs[i] = nowNs.
 */
export function noteFleetDraws(k: Kernel, i: number, draws: number, back: number, nowNs: number): void {
  const f = k.fleet;
  // Kernel paths settle at their own k.nowNs, which can lag a sample's time: the marks never go back.
  const at = Math.max(nowNs, f.timeMarkNs[i]!);
  const spanNs = at - f.timeMarkNs[i]!;
  f.timeMarkNs[i] = at;
  if (!(back >= 0) || !(draws > 0)) return;
  const touchedNs = at - (spanNs * back) / draws;
  if (touchedNs > f.lastTouchNs[i]!) f.lastTouchNs[i] = touchedNs;
}

/**
 * Sample i's page has just pended its hint fault in aggregate (hint-faults.ts): its draw mark is
 * the count now, so that when the fault is settled its draw count can be placed in time between
 * the marks (the page's touch mark holds the fault's count meanwhile, not the last settle's).
 */
export function markFleetPending(k: Kernel, d: FleetDraws, i: number): void {
  k.fleet.drawMark[i] = d.drawn;
}

/**
 * Sample i's page, pending an aggregate hint fault since its marks, is settled at nowNs after the
 * fault came: its last touch was `back` draws before now (the fault itself, `since` draws back, or
 * a later draw). Draws are spread evenly between the marks, as everywhere here. Postcondition:
 * timeMarkNs[i] = nowNs (the coupled path's marks again: the touch mark says the draw count).
 */
export function settlePendingFleet(
  k: Kernel,
  d: FleetDraws,
  i: number,
  since: number,
  back: number,
  nowNs: number,
): void {
  const f = k.fleet;
  const draws = d.drawn - f.drawMark[i]!;
  f.drawMark[i] = d.drawn;
  noteFleetDraws(k, i, Math.max(draws, since), back, nowNs);
}

/** The samples of d's law: sample indexes [from, to) of its workload whose pages lie in the law's region. */
export function lawSamples(k: Kernel, d: FleetDraws): [number, number] {
  const f = k.fleet;
  const g = d.group;
  const s = f.shift[g]!;
  const lo = d.law.base - f.base[g]!;
  const from = f.first[g]! + ((lo + (1 << s) - 1) >>> s);
  const to = Math.min(f.first[g]! + f.count[g]!, f.first[g]! + ((lo + d.law.pages + (1 << s) - 1) >>> s));
  return [from, to];
}

/** Restarts every sample of d's law at nowNs (a domain built or rebuilt: its draws start owing from here). */
export function restartFleetDomain(k: Kernel, d: FleetDraws, nowNs: number): void {
  const [from, to] = lawSamples(k, d);
  for (let i = from; i < to; i++) restartFleetMarks(k, d, i, nowNs);
}
