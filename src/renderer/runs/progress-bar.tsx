// A run's progress: simulated time done over the run's duration, coloured by status. Given the wall
// time so far (the run view), a live run's bar also says how long it has left.
import type { RunStatus } from '../../shared/api/types.ts';
import { formatRemaining, remainingWallMs } from '../../shared/run-pace.ts';

export function ProgressBar(props: {
  runId: number;
  fraction: number;
  status: RunStatus;
  wallMs?: number | null;
}) {
  const pct = () => Math.round(Math.min(1, Math.max(0, props.fraction)) * 100);
  const live = () => props.status === 'running' || props.status === 'queued';
  const eta = () =>
    props.wallMs === undefined
      ? ''
      : ` · ETA ${formatRemaining(remainingWallMs({ fraction: props.fraction, wallMs: props.wallMs ?? 0 }))}`;
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
      <span class="progress-text" data-testid="progress-text">
        {live() ? `${pct()}%${eta()}` : props.status}
      </span>
    </div>
  );
}
