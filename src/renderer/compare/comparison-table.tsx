// The statistics table from compare:runs, laid out as compare-mmtests prints it: a line per statistic
// and metric, a cell per group with its % against the baseline, significant means in asterisks.
import { For, Show } from 'solid-js';
import type { Comparison } from '../../shared/api/types.ts';
import { formatCell, STAT_LINES } from '../../shared/compare-cell.ts';

export interface ComparisonTableProps {
  comparison: Comparison;
  /** 'mean': one line per metric; 'all': Min, mean, stddev, coeffvar and Max, as mmtests prints. */
  stats: 'mean' | 'all';
  onBaseline: (index: number) => void;
}

export function ComparisonTable(props: ComparisonTableProps) {
  const c = () => props.comparison;
  const lines = () => (props.stats === 'all' ? STAT_LINES : STAT_LINES.filter((s) => s.key === 'mean'));
  return (
    <div class="comparison">
      <table class="data-table compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th>stat</th>
            <th>metric</th>
            <For each={c().groups}>
              {(g, i) => (
                <th class="num group-head" title={`runs ${g.runIds.join(', ')}`}>
                  <div>{g.label}</div>
                  <div class="muted small">
                    n={g.runIds.length}{' '}
                    <Show when={g.partial}>
                      <span
                        class="badge warn"
                        data-testid="compare-partial"
                        title="a run that did not finish"
                      >
                        {g.partial}
                      </span>{' '}
                    </Show>
                    <Show when={i() !== c().baseline} fallback={<span class="badge">baseline</span>}>
                      <button
                        type="button"
                        class="link small"
                        data-testid={`compare-baseline-${i()}`}
                        onClick={() => props.onBaseline(i())}
                      >
                        make baseline
                      </button>
                    </Show>
                  </div>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <For each={c().rows}>
          {(row) => (
            <tbody class="metric-block" data-testid="compare-metric" data-metric={row.metric.id}>
              <For each={lines()}>
                {(stat, s) => (
                  <tr>
                    <td class="stat">{stat.name(row)}</td>
                    <td>
                      <Show when={s() === 0}>
                        <code
                          title={`${row.metric.label}; ${row.metric.higherIsBetter ? 'higher' : 'lower'} is better`}
                        >
                          {row.metric.id}
                        </code>{' '}
                        <span class="muted small">{row.metric.unit}</span>
                      </Show>
                    </td>
                    <For each={row.cells}>
                      {(cell, g) => {
                        const text = () =>
                          formatCell(cell, stat.key, g() === c().baseline, row.cells[c().baseline]);
                        // Tier traffic is activity, not a cost in itself: never coloured as better or worse.
                        const tone = () =>
                          !text().significant || row.metric.activity
                            ? ''
                            : text().direction > 0
                              ? 'sig-better'
                              : 'sig-worse';
                        return (
                          <td
                            class={`num cell ${tone()}`}
                            data-testid={text().significant ? 'compare-significant' : undefined}
                            title={
                              stat.key === 'mean' &&
                              Number.isFinite(cell.ci[0]) &&
                              Number.isFinite(cell.ci[1])
                                ? `95% interval ${Number(cell.ci[0]).toFixed(2)} to ${Number(cell.ci[1]).toFixed(2)}`
                                : undefined
                            }
                          >
                            <span class="pre">{text().value}</span>{' '}
                            <span class="pre pct">{text().compare}</span>
                            <Show when={text().effect}>
                              {' '}
                              <span
                                class="muted small"
                                data-testid="compare-effect"
                                title="effect size: difference of means in pooled stddevs"
                              >
                                {text().effect}
                              </span>
                            </Show>
                          </td>
                        );
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          )}
        </For>
      </table>
      <details class="mmtests-text">
        <summary>As compare-mmtests prints it</summary>
        <pre data-testid="compare-text">{c().text}</pre>
      </details>
    </div>
  );
}
