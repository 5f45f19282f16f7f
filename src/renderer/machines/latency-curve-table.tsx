// A node's loaded-latency curve: read latency at a few bandwidths. Without its own points the node
// takes its kind's default shape, shown greyed with its source; "Customise" copies it to edit.
import { For, Show } from 'solid-js';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput, displayValue } from '../ui/commit-input.tsx';
import { FieldError } from '../ui/field-error.tsx';
import { BANDWIDTH_GBPS, LATENCY_NS, parseQuantity } from '../units/quantity.ts';
import { addPoint, defaultCurveOf, draftCurve, removePoint, type DraftPoint } from './latency-curve.ts';

const SOURCE: Record<string, string> = {
  dram: 'Intel MLC --loaded_latency curves of DDR4/DDR5 Xeons (approximate)',
  pmem: "Optane DC PMM: Izraelevitz et al. 2019, Yang et al. FAST'20 (approximate)",
  cxl: 'CXL expanders: Sun et al. MICRO\'23 "Demystifying CXL Memory" (approximate)',
  hbm: "HBM2e, shaped like DRAM's (approximate)",
};

export function LatencyCurveTable(props: { index: number }) {
  const { draft, setDraft } = useScenarioDraft();
  const node = () => draft.machine.nodes[props.index]!;
  const own = () => draftCurve(node());
  const shown = () => own() ?? defaultCurveOf(node());
  const path = () => `machine.nodes[${props.index}].loadedLatency`;
  const setCurve = (curve: DraftPoint[] | undefined) =>
    setDraft('machine', 'nodes', props.index, 'loadedLatency', curve);
  const setPoint = (i: number, field: keyof DraftPoint, v: unknown) =>
    setCurve(own()!.map((p, j) => (j === i ? { ...p, [field]: v } : p)));
  const quantity = (units: Readonly<Record<string, number>>) => (t: string) => parseQuantity(t, units) ?? t;
  return (
    <div class="latency-curve" data-path={path()} data-testid={`node-${props.index}-curve`}>
      <table class="perf-table">
        <thead>
          <tr>
            <th>Loaded latency</th>
            <th>GB/s</th>
            <th>read ns</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={shown()}>
            {(p, i) => (
              <tr>
                <th class="muted small">{i() === 0 ? 'at' : ''}</th>
                <Show
                  when={own()}
                  fallback={
                    <>
                      <td class="muted num">{displayValue(p.bandwidthGBps)}</td>
                      <td class="muted num">{displayValue(p.latencyNs)}</td>
                      <td />
                    </>
                  }
                >
                  <td>
                    <CommitInput
                      value={p.bandwidthGBps}
                      toValue={quantity(BANDWIDTH_GBPS)}
                      display={displayValue}
                      onCommit={(v) => setPoint(i(), 'bandwidthGBps', v)}
                      aria-label={`node ${props.index} curve point ${i()} bandwidth`}
                      data-path={`${path()}[${i()}].bandwidthGBps`}
                      inputMode="decimal"
                    />
                  </td>
                  <td>
                    <CommitInput
                      value={p.latencyNs}
                      toValue={quantity(LATENCY_NS)}
                      display={displayValue}
                      onCommit={(v) => setPoint(i(), 'latencyNs', v)}
                      aria-label={`node ${props.index} curve point ${i()} latency`}
                      data-path={`${path()}[${i()}].latencyNs`}
                      inputMode="decimal"
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="icon-button"
                      disabled={own()!.length === 1}
                      title="Remove this point"
                      onClick={() => setCurve(removePoint(own()!, i()))}
                    >
                      ×
                    </button>
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="button-row small">
        <Show
          when={own()}
          fallback={
            <>
              <span class="muted grow">Default for the kind: {SOURCE[node().memory] ?? ''}</span>
              <button type="button" class="icon-button" onClick={() => setCurve(defaultCurveOf(node()))}>
                Customise
              </button>
            </>
          }
        >
          <span class="muted grow">
            Linear between points, from the idle latency at 0, flat after the last.
          </span>
          <button type="button" class="icon-button" onClick={() => setCurve(addPoint(own()!))}>
            Add point
          </button>
          <button type="button" class="icon-button" onClick={() => setCurve(undefined)}>
            Use kind default
          </button>
        </Show>
      </div>
      <FieldError path={path()} />
      <For each={own() ?? []}>
        {(_, i) => (
          <>
            <FieldError path={`${path()}[${i()}].bandwidthGBps`} />
            <FieldError path={`${path()}[${i()}].latencyNs`} />
          </>
        )}
      </For>
    </div>
  );
}
