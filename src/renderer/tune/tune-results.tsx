// A tune's report in the panel: the best settings with their confidence and whether they are told
// apart from the runner-up (Compare's test), every arm ranked, and a sensitivity chart per knob.
import { For, Show } from 'solid-js';
import type { TuneArm, TuneReport } from '../../shared/tune/report.ts';
import { hrefFor } from '../router/routes.ts';
import { SensitivityChart } from './sensitivity-chart.tsx';
import { sensitivitySeries } from './sensitivity-series.ts';

const num = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : String(+x.toPrecision(5));

function ranked(r: TuneReport): TuneArm[] {
  const sign = r.objective.maximise ? -1 : 1;
  return [...r.arms].sort((a, b) => {
    if (!a.stats || !b.stats) return a.stats ? -1 : b.stats ? 1 : a.index - b.index;
    return sign * (a.stats.mean - b.stats.mean) || a.index - b.index;
  });
}

function BestLine(props: { report: TuneReport }) {
  const best = () => (props.report.best === null ? undefined : props.report.arms[props.report.best]);
  const v = () => props.report.vsRunnerUp;
  return (
    <Show when={best()} fallback={<p data-testid="tune-best">No arm has a value of the objective yet.</p>}>
      {(arm) => (
        <div data-testid="tune-best" data-arm={arm().index}>
          <p>
            <strong>Best:</strong> {arm().name} — {arm().stats!.meanKind === 'hmean' ? 'Hmean' : 'Amean'}{' '}
            {num(arm().stats!.mean)} {props.report.objective.unit}, stderr {num(arm().stats!.stderr)}, 95% CI
            [{num(arm().stats!.ci[0])}, {num(arm().stats!.ci[1])}], n={arm().stats!.n}
          </p>
          <Show when={v()}>
            {(d) => (
              <p data-testid="tune-verdict" data-significant={String(d().significant)}>
                Runner-up {num(d().meanDiffPercent)}% (d={num(d().effectSize)}):{' '}
                {d().significant
                  ? 'the best is distinguishable (the 95% intervals do not overlap, as Compare marks *).'
                  : 'not distinguishable (the intervals overlap); more seeds would tell.'}
              </p>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}

export function TuneResults(props: { report: TuneReport }) {
  return (
    <div class="tune-results" data-testid="tune-results" data-status={props.report.status}>
      <BestLine report={props.report} />
      <Show when={props.report.arms.some((a) => a.runIds.length)}>
        <p>
          <a
            data-testid="tune-compare-link"
            href={hrefFor(
              { page: 'compare' },
              { runs: props.report.arms.flatMap((a) => a.runIds).join(',') },
            )}
          >
            Compare every arm
          </a>{' '}
          <span class="muted small">(each arm is a group, its seeds the repeats)</span>
        </p>
      </Show>
      <table class="data-table" data-testid="tune-arms">
        <thead>
          <tr>
            <th>arm</th>
            <th>round</th>
            <For each={props.report.knobs}>{(k) => <th>{k.knob}</th>}</For>
            <th>n</th>
            <th>mean</th>
            <th>stddev</th>
            <th>stderr</th>
            <th>runs</th>
          </tr>
        </thead>
        <tbody>
          <For each={ranked(props.report)}>
            {(arm) => (
              <tr
                data-testid="tune-arm"
                data-arm={arm.index}
                classList={{ best: arm.index === props.report.best }}
              >
                <td>{arm.index}</td>
                <td>{arm.round}</td>
                <For each={props.report.knobs}>{(k) => <td>{String(arm.settings[k.knob])}</td>}</For>
                <td>{arm.stats?.n ?? 0}</td>
                <td>{num(arm.stats?.mean)}</td>
                <td>{num(arm.stats?.stddev)}</td>
                <td>{num(arm.stats?.stderr)}</td>
                <td>
                  <For each={arm.runIds}>
                    {(id) => (
                      <a href={hrefFor({ page: 'run', runId: id })} class="tune-run-link">
                        {id}{' '}
                      </a>
                    )}
                  </For>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="tune-charts">
        <For each={props.report.knobs}>
          {(k) => (
            <SensitivityChart
              knob={k.knob}
              objective={props.report.objective.id}
              unit={props.report.objective.unit}
              series={sensitivitySeries(props.report, k)}
              best={props.report.best}
            />
          )}
        </For>
      </div>
    </div>
  );
}
