// A run's progress: simulated time done over the run's duration, coloured by status.
import type { RunStatus } from '../../shared/api/types.ts';

export function ProgressBar(props: { runId: number; fraction: number; status: RunStatus }) {
  const pct = () => Math.round(Math.min(1, Math.max(0, props.fraction)) * 100);
  return (
    <div
      class={`progress status-${props.status}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct()}
      aria-label={`run ${props.runId} progress`}
      data-testid="progress-bar"
      data-run-id={props.runId}
      data-status={props.status}
    >
      <div class="progress-fill" style={{ width: `${pct()}%` }} />
      <span class="progress-text">
        {props.status === 'running' || props.status === 'queued' ? `${pct()}%` : props.status}
      </span>
    </div>
  );
}
