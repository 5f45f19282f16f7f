// Per-node watermarks min/low/high/promo, in pages and MiB, from min_free_kbytes and watermark_scale_factor.
import { For } from 'solid-js';
import type { DerivedMachine } from '../../shared/api/types.ts';
import { pagesToMiB, trim } from '../units/quantity.ts';

const MARKS = ['min', 'low', 'high', 'promo'] as const;

export function WatermarkTable(props: { derived: DerivedMachine; pageSize: number }) {
  const mib = (pages: number) => trim(pagesToMiB(pages, props.pageSize), 1);
  return (
    <>
      <h3>
        Watermarks <span class="muted">min_free_kbytes = {props.derived.minFreeKbytes.toLocaleString()}</span>
      </h3>
      <table class="data-table" data-testid="derived-watermarks">
        <thead>
          <tr>
            <th>node</th>
            <th class="num">managed</th>
            <For each={MARKS}>{(m) => <th class="num">{m}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.derived.nodes}>
            {(n) => (
              <tr>
                <td>node{n.id}</td>
                <td class="num">
                  {n.managedPages.toLocaleString()}
                  <div class="muted">{mib(n.managedPages)} MiB</div>
                </td>
                <For each={MARKS}>
                  {(m) => (
                    <td class="num">
                      {n.watermarks[m].toLocaleString()}
                      <div class="muted">{mib(n.watermarks[m])} MiB</div>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="muted small">
        In pages; kswapd wakes below low and reclaims to high (promo in tiering mode).
      </p>
    </>
  );
}
