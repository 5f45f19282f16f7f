// When do two engines agree? For each counter and metric, over several seeds per engine: the means
// differ by at most 3 standard errors of the difference, plus 2% of the larger mean, plus 20 for
// event counts (so a counter of a handful of events is not failed over one or two of them).
import type { RunResult } from '../../shared/result.ts';
import type { FleetMetrics } from '../../shared/fleet-metrics.ts';

/** Named numbers read from a run: every vmstat counter, and per task its reported metrics. */
export function runFigures(r: RunResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, v] of Object.entries(r.vmstat)) out.set(name, v);
  out.set('ping_pong', r.pingPong.promotedThenDemoted + r.pingPong.demotedThenPromoted);
  for (const t of r.tasks) {
    out.set(`${t.name}.references`, t.references);
    out.set(`${t.name}.throughput`, t.throughput);
    out.set(`${t.name}.mean_latency_ns`, t.meanLatencyNs);
    out.set(`${t.name}.fast_tier_hit_ratio`, t.fastTierHitRatio);
    for (const [node, pages] of Object.entries(t.residentPages))
      out.set(`${t.name}.resident_pages.${node}`, pages);
    if (t.fleet) fleetFigures(out, t.name, t.fleet);
  }
  if (r.fleet) fleetFigures(out, 'run', r.fleet);
  // memory.current, memory.stat and memory.events of each cgroup.
  for (const c of r.cgroups ?? []) {
    out.set(`cgroup.${c.name}.current_bytes`, c.current);
    for (const [field, v] of Object.entries(c.stat)) out.set(`cgroup.${c.name}.${field}`, v);
    for (const [event, v] of Object.entries(c.events)) out.set(`cgroup.${c.name}.events.${event}`, v);
  }
  return out;
}

/**
 * The fleet metrics compared: the working set averaged over the samples, the idle-time median and
 * 90th percentile, STRR and STAR (the cold-age histogram is in vmstat, per bin); null (nothing to measure) is 0.
 */
function fleetFigures(out: Map<string, number>, name: string, f: FleetMetrics): void {
  const ws = f.workingSetPages;
  out.set(`${name}.working_set_pages`, ws.length ? ws.reduce((s, x) => s + x, 0) / ws.length : 0);
  out.set(`${name}.idle_ms_p50`, f.idleMsPercentiles[50] ?? 0);
  out.set(`${name}.idle_ms_p90`, f.idleMsPercentiles[90] ?? 0);
  out.set(`${name}.strr_ratio`, f.strr ?? 0);
  out.set(`${name}.star_ratio`, f.star ?? 0);
}

/** Figures that are ratios or times, not event counts: no allowance of 20 events. */
const CONTINUOUS = /(throughput|latency_ns|ratio)$/;

export interface Agreement {
  figure: string;
  meanA: number;
  seA: number;
  meanB: number;
  seB: number;
  /** The largest difference of means that passes. */
  allowed: number;
  pass: boolean;
}

function meanAndSe(xs: readonly number[]): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return [mean, 0];
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return [mean, Math.sqrt(variance / n)];
}

/** Compares every figure present in either set of runs (seeds of engine A against seeds of engine B). */
export function compareFigures(a: readonly RunResult[], b: readonly RunResult[]): Agreement[] {
  const fa = a.map(runFigures);
  const fb = b.map(runFigures);
  const names = new Set([...fa.flatMap((m) => [...m.keys()]), ...fb.flatMap((m) => [...m.keys()])]);
  const rows: Agreement[] = [];
  for (const figure of names) {
    const [meanA, seA] = meanAndSe(fa.map((m) => m.get(figure) ?? 0));
    const [meanB, seB] = meanAndSe(fb.map((m) => m.get(figure) ?? 0));
    const slack = CONTINUOUS.test(figure) ? 0 : 20;
    const allowed = 3 * Math.hypot(seA, seB) + 0.02 * Math.max(Math.abs(meanA), Math.abs(meanB)) + slack;
    rows.push({ figure, meanA, seA, meanB, seB, allowed, pass: Math.abs(meanA - meanB) <= allowed });
  }
  return rows;
}
