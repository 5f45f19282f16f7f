// `tierlab tune`'s report as text: the best settings with their confidence against the runner-up,
// every arm ranked, and one sensitivity table per knob (the objective against the knob's value).
import { describeRange, type KnobRange } from '../shared/tune/knob-range.ts';
import type { ArmStatistics, TuneArm, TuneReport } from '../shared/tune/report.ts';
import { sensitivityOf } from '../shared/tune/sensitivity.ts';
import { printable } from './printable.ts';

/** Five significant figures, `-` for no value (NaN or null, as Compare's table prints it). */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  if (x !== 0 && (Math.abs(x) >= 1e7 || Math.abs(x) < 1e-3)) return x.toExponential(4);
  return Number(x.toPrecision(5)).toString();
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(header), ...rows.map(line)];
}

function runIdsText(ids: readonly number[]): string {
  if (ids.length === 0) return '-';
  const contiguous = ids.every((id, i) => i === 0 || id === ids[i - 1]! + 1);
  return contiguous && ids.length > 1 ? `${ids[0]}-${ids.at(-1)}` : ids.join(',');
}

function statsLine(s: ArmStatistics, unit: string): string {
  const mean = s.meanKind === 'hmean' ? 'Hmean' : 'Amean';
  return (
    `${mean} ${num(s.mean)} ${unit}, stddev ${num(s.stddev)}, stderr ${num(s.stderr)}, ` +
    `95% CI [${num(s.ci[0])}, ${num(s.ci[1])}] (Stat.pm: mean -/+ 1.96 stddev), n=${s.n}`
  );
}

function armLine(label: string, arm: TuneArm, unit: string): string[] {
  return [
    `${label}: arm ${arm.index}, ${printable(arm.name)} (runs ${runIdsText(arm.runIds)})`,
    `  ${arm.stats ? statsLine(arm.stats, unit) : 'no value'}`,
  ];
}

function verdict(r: TuneReport): string[] {
  const v = r.vsRunnerUp;
  if (!v) return [];
  const sig = v.significant
    ? 'yes: the 95% intervals do not overlap (Compare would mark it *)'
    : 'no: the 95% intervals overlap; more seeds (--seeds) would tell';
  return [
    `  runner-up vs best: ${num(v.meanDiffPercent)}%, cidiff ${num(v.cidiff)}, effect size d=${num(v.effectSize)}`,
    `  best distinguishable from the runner-up: ${sig}`,
  ];
}

function armsTable(r: TuneReport): string[] {
  const ranked = [...r.arms].sort((a, b) => {
    if (!a.stats || !b.stats) return a.stats ? -1 : b.stats ? 1 : a.index - b.index;
    return (
      (r.objective.maximise ? b.stats.mean - a.stats.mean : a.stats.mean - b.stats.mean) || a.index - b.index
    );
  });
  return table(
    ['arm', 'round', ...r.knobs.map((k) => k.knob), 'n', 'mean', 'stddev', 'stderr', 'runs'],
    ranked.map((a) => [
      String(a.index),
      String(a.round),
      ...r.knobs.map((k) => String(a.settings[k.knob])),
      String(a.stats?.n ?? 0) + (a.nrFailed ? ` (${a.nrFailed} failed)` : ''),
      num(a.stats?.mean),
      num(a.stats?.stddev),
      num(a.stats?.stderr),
      runIdsText(a.runIds),
    ]),
  );
}

function sensitivityTable(r: TuneReport, range: KnobRange): string[] {
  const points = sensitivityOf(r, range);
  return [
    `sensitivity: ${range.knob} (${describeRange(range)})`,
    ...table(
      [range.knob, 'mean', 'stddev', 'min', 'max', 'n', 'arm'],
      points.map((p) => [
        String(p.value),
        num(p.mean),
        num(p.stddev),
        num(p.min),
        num(p.max),
        String(p.n),
        String(p.arm),
      ]),
    ),
  ];
}

export function formatTuneReport(r: TuneReport): string {
  const { objective: o } = r;
  const lines = [
    `objective: ${o.id} (${o.label}, ${o.unit}), ${o.maximise ? 'maximised' : 'minimised'}; ` +
      `${r.arms.length} arms, ${r.seeds.length} seeds each (${r.seeds.join(', ')}), ${r.runsDone} runs of a budget of ${r.budget}` +
      (r.runsReused ? ` (${r.runsReused} already in the lab)` : '') +
      (r.shard ? `; shard ${r.shard.index}/${r.shard.count} of the first pass only` : ''),
    `knobs: ${r.knobs.map((k) => `${k.knob} ${describeRange(k)}`).join('; ')}`,
    '',
  ];
  const best = r.best === null ? undefined : r.arms[r.best];
  const runnerUp = r.runnerUp === null ? undefined : r.arms[r.runnerUp];
  if (best) lines.push(...armLine('best', best, o.unit));
  else
    lines.push(
      'best: none (no arm has a mean: no run gave the objective a value, or one gave 0, which leaves the Hmean undefined as in Compare)',
    );
  if (runnerUp) lines.push(...armLine('runner-up', runnerUp, o.unit), ...verdict(r));
  lines.push('', ...armsTable(r));
  for (const k of r.knobs) lines.push('', ...sensitivityTable(r, k));
  return lines.join('\n') + '\n';
}
