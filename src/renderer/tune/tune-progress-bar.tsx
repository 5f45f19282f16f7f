// A running tune's bar: its share of the budget's runs done, the round, and the time left at its pace.
import type { TuneProgress } from '../../shared/tune/report.ts';
import { formatRemaining, remainingWallMs } from '../../shared/run-pace.ts';

export function TuneProgressBar(props: { progress: TuneProgress | null }) {
  const pct = () => Math.round((props.progress?.fraction ?? 0) * 100);
  const eta = () => (props.progress ? formatRemaining(remainingWallMs(props.progress)) : '—');
  return (
    <div
      class="progress status-running"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct()}
      aria-label="tune progress"
      data-testid="tune-progress"
    >
      <div class="progress-fill" style={{ width: `${pct()}%` }} />
      <span class="progress-text">
        {pct()}% · round {props.progress?.round ?? 0} · {props.progress?.runsDone ?? 0}/
        {props.progress?.runsPlanned ?? 0} runs · ETA {eta()}
      </span>
    </div>
  );
}
