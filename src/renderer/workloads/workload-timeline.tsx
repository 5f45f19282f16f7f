// When each workload runs over the run's duration: a bar from start to stop (fading out when it runs
// until done), with phase changes marked.
import { For } from 'solid-js';
import { formatMs } from '../units/quantity.ts';
import { ticks, timelineBars } from './timeline.ts';

const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

export function WorkloadTimeline(props: { workloads: Record<string, unknown>[]; durationMs: number }) {
  const bars = () => timelineBars(props.workloads, props.durationMs);
  return (
    <div class="timeline" data-testid="workload-timeline">
      <For each={bars()}>
        {(bar, i) => (
          <div class="timeline-row">
            <span class="timeline-label" title={bar.type}>
              #{i()} {bar.name}
            </span>
            <div class="timeline-track">
              <div
                class={`timeline-bar type-${bar.type}${bar.open ? ' open' : ''}`}
                data-testid="timeline-bar"
                style={{ left: pct(bar.start), width: pct(Math.max(bar.end - bar.start, 0.002)) }}
                title={bar.open ? 'Runs until its work is done or the run ends' : 'Stopped at stopMs'}
              />
              <For each={bar.phases}>
                {(at) => <div class="timeline-phase" style={{ left: pct(at) }} title="phase change" />}
              </For>
            </div>
          </div>
        )}
      </For>
      <div class="timeline-row timeline-axis">
        <span class="timeline-label" />
        <div class="timeline-track">
          <For each={ticks(props.durationMs)}>
            {(t) => (
              <span class="timeline-tick" style={{ left: pct(t / props.durationMs) }}>
                {formatMs(t)}
              </span>
            )}
          </For>
        </div>
      </div>
    </div>
  );
}
